package org.mpi4j.conformance;

import java.util.List;

/**
 * A family of message buffers under test (heap arrays, NIO, Arrow, ND4J...): allocates a {@link Region} holding a
 * message of some elements of a layout, with canary bytes before and after it that, where the kind allows, lie
 * outside what is handed to MPI (an offset into a larger array, a slice of a larger buffer).
 */
public interface Kind {
    /** Name used in reports. */
    String name();

    /** The layouts this kind is tested with: the standard ones, or for a strided view its own. */
    default List<Layout> layouts() {
        return Layout.standard();
    }

    /** A fresh region for {@code elements} elements of {@code layout}. */
    Region allocate(Layout layout, int elements);

    /** How a kind allocates its regions. */
    interface Allocator {
        /** See {@link Kind#allocate}. */
        Region allocate(Layout layout, int elements);
    }

    /** A kind carrying the standard layouts. */
    static Kind of(String name, Allocator allocator) {
        return of(name, null, allocator);
    }

    /** A kind carrying {@code layouts} (null: the standard ones). */
    static Kind of(String name, List<Layout> layouts, Allocator allocator) {
        return new Kind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Layout> layouts() {
                return layouts != null ? layouts : Layout.standard();
            }

            @Override
            public Region allocate(Layout layout, int elements) {
                return allocator.allocate(layout, elements);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
