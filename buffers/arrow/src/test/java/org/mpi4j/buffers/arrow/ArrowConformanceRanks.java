package org.mpi4j.buffers.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.conformance.Conformance;
import org.mpi4j.conformance.Kind;
import org.mpi4j.conformance.Region;
import org.mpi4j.testing.RankTest;

/**
 * The conformance matrix (issue 12) over Arrow memory: a Float8Vector with a BufferSpec offset, and an ArrowBuf
 * slice of a larger ArrowBuf; canaries sit in the vector/parent outside the message. Also checks nothing leaked.
 */
public final class ArrowConformanceRanks {
    private ArrowConformanceRanks() { }

    private static final int C = Region.CANARY;
    static final BufferAllocator ALLOC = new RootAllocator();

    /** The Arrow kinds. */
    static List<Kind> kinds() {
        return List.of(float8Vector(), arrowBufSlice());
    }

    /** Float8Vector of canary + message + canary doubles, passed as BufferSpec.of(vector, offset, count, type). */
    static Kind float8Vector() {
        return Kind.of("Float8Vector", (layout, n) -> {
            int words = (C + layout.body(n) + C) / 8;
            Float8Vector v = new Float8Vector("conformance", ALLOC);
            v.allocateNew(words);
            v.setValueCount(words);
            ArrowBuf data = v.getDataBuffer();
            return new Region(8 * words, C) {
                @Override
                public long word(int i) {
                    return data.getLong(i);
                }

                @Override
                public void word(int i, long bits) {
                    data.setLong(i, bits);
                }

                @Override
                public Object message(int count) {
                    return BufferSpec.of(v, C / 8, count, layout.type);
                }

                @Override
                public void close() {
                    v.close();
                }
            };
        });
    }

    /** A slice of a larger ArrowBuf from 8 bytes before the message to 8 after, passed with byte offset 8. */
    static Kind arrowBufSlice() {
        return Kind.of("ArrowBuf slice", (layout, n) -> {
            int body = layout.body(n);
            ArrowBuf parent = ALLOC.buffer(C + body + C);
            ArrowBuf slice = parent.slice(C - 8, body + 16);
            return new Region(C + body + C, C) {
                @Override
                public long word(int i) {
                    return parent.getLong(i);
                }

                @Override
                public void word(int i, long bits) {
                    parent.setLong(i, bits);
                }

                @Override
                public Object message(int count) {
                    return BufferSpec.of(slice, 8, count, layout.type);
                }

                @Override
                public void close() {
                    parent.close();
                }
            };
        });
    }

    @RankTest
    public static void arrowBufSliceMatrix() {
        Conformance.run(arrowBufSlice());
        assertEquals(0, ALLOC.getAllocatedMemory(), "Arrow memory leaked");
    }

    @RankTest
    public static void float8VectorMatrix() {
        Conformance.run(float8Vector());
        assertEquals(0, ALLOC.getAllocatedMemory(), "Arrow memory leaked");
    }
}
