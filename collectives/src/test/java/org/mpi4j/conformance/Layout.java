package org.mpi4j.conformance;

import java.util.ArrayList;
import java.util.List;
import org.mpi4j.Datatype;

/**
 * A datatype layout over doubles: the committed datatype (null for a buffer that is one element of its own layout,
 * e.g. a strided ND4J view) and, computed by hand rather than asked of MPI, the byte offset of every double of one
 * element in type-map order and the element extent. Everything a message's elements do not cover is a gap.
 */
public final class Layout {
    /** Short name used in reports. */
    public final String name;
    /** The datatype to pass with the buffer, or null when the buffer is passed alone ({@link #whole}). */
    public final Datatype type;
    /** Byte offset of each double of one element, in type-map order (multiples of 8). */
    public final int[] offsets;
    /** Bytes from one element to the next. */
    public final int extent;
    /** True when the buffer goes as exactly one element of its own layout, without BufferSpec or blocks. */
    public final boolean whole;

    private Layout(String name, Datatype type, int[] offsets, int extent, boolean whole) {
        for (int o : offsets) {
            if (o % 8 != 0 || o < 0) {
                throw new IllegalArgumentException(name + ": offset " + o + " is not a non-negative multiple of 8");
            }
        }
        this.name = name;
        this.type = type;
        this.offsets = offsets;
        this.extent = extent;
        this.whole = whole;
        if (type != null) {
            // the hand-computed map must agree with MPI's view of the type's size and extent
            check(type.size() == 8L * offsets.length, "size " + type.size() + " != " + 8 * offsets.length);
            check(type.extent() == extent, "extent " + type.extent() + " != " + extent);
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("layout " + name + ": datatype " + what);
        }
    }

    /** A layout passed with a datatype. */
    public static Layout of(String name, Datatype type, int extent, int... offsets) {
        return new Layout(name, type, offsets, extent, false);
    }

    /** A buffer that is one element of its own layout (a strided view): no datatype, one element per message. */
    public static Layout whole(String name, int... offsets) {
        int end = 0;
        for (int o : offsets) {
            end = Math.max(end, o + 8);
        }
        return new Layout(name, null, offsets, end, true);
    }

    /** Bytes n elements occupy from the message start: to the end of the last element's extent or type map. */
    public int body(int n) {
        int maxEnd = 0;
        for (int o : offsets) {
            maxEnd = Math.max(maxEnd, o + 8);
        }
        return Math.max(n * extent, (n - 1) * extent + maxEnd);
    }

    /** Number of doubles in one element. */
    public int doubles() {
        return offsets.length;
    }

    private static List<Layout> standard;

    /** Names of the standard layouts, in order (usable without MPI, for counting cases). */
    public static final List<String> STANDARD_NAMES = List.of("contiguous", "vector", "indexed", "resized", "subarray",
            "struct");

    /**
     * The six standard layouts over MPI_DOUBLE, created and committed once per process: contiguous (no gaps),
     * vector with gaps between blocks, indexed with a non-zero lower bound, resized (extent past the data, so gaps
     * between elements), a 2 x 3 subarray of a 4 x 5 array, and a struct of two doubles at bytes 0 and 24 resized to
     * 40 bytes.
     */
    public static synchronized List<Layout> standard() {
        if (standard == null) {
            Datatype d = Datatype.DOUBLE;
            List<Layout> l = new ArrayList<>();
            l.add(of("contiguous", d.contiguous(2).commit(), 16, 0, 8));
            // 3 blocks of 2 doubles, stride 3 doubles: gaps at 16..24 and 40..48; extent (2*3+2)*8
            l.add(of("vector", d.vector(3, 2, 3).commit(), 64, 0, 8, 24, 32, 48, 56));
            // 1 double at 1, 2 doubles at 4: lower bound 8, upper bound 48, extent 40
            l.add(of("indexed", d.indexed(new int[] {1, 2}, new int[] {1, 4}).commit(), 40, 8, 32, 40));
            try (Datatype pair = d.contiguous(2)) {
                l.add(of("resized", pair.resized(0, 40).commit(), 40, 0, 8));
            }
            // rows 1-2, columns 1-3 of a 4 x 5 C-order array: (r*5+c)*8
            l.add(of("subarray", d.subarray(new int[] {4, 5}, new int[] {2, 3}, new int[] {1, 1}, Datatype.ORDER_C).commit(),
                    160, 48, 56, 64, 88, 96, 104));
            try (Datatype s = Datatype.struct(new int[] {1, 1}, new long[] {0, 24}, new Datatype[] {d, d})) {
                l.add(of("struct", s.resized(0, 40).commit(), 40, 0, 24));
            }
            for (int i = 0; i < l.size(); i++) {
                if (!l.get(i).name.equals(STANDARD_NAMES.get(i))) {
                    throw new AssertionError("layout order");
                }
            }
            standard = List.copyOf(l);
        }
        return standard;
    }

    @Override
    public String toString() {
        return name;
    }
}
