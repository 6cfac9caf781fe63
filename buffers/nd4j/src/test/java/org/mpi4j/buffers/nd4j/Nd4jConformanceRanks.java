package org.mpi4j.buffers.nd4j;

import java.util.List;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.conformance.Conformance;
import org.mpi4j.conformance.Kind;
import org.mpi4j.conformance.Layout;
import org.mpi4j.conformance.Region;
import org.mpi4j.testing.RankTest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The conformance matrix (issue 12) over ND4J arrays: a C-order vector and a contiguous row view (offset into a
 * matrix), both with BufferSpec and the standard layouts; and two strided views (a column, and every other row of a
 * column range) that go whole as their own layout, so only the single-block styles apply. The bytes of the backing
 * matrix outside a view are its gaps and canaries.
 */
public final class Nd4jConformanceRanks {
    private Nd4jConformanceRanks() { }

    private static final int C = Region.CANARY;

    /** A region over {@code base}'s whole data buffer, the message starting {@code start} bytes in. */
    private abstract static class Backed extends Region {
        final INDArray base;

        Backed(INDArray base, int start) {
            super(8 * (int) base.length(), start);
            this.base = base;
        }

        @Override
        public long word(int i) {
            return Double.doubleToRawLongBits(base.data().getDouble(i / 8));
        }

        @Override
        public void word(int i, long bits) {
            base.data().put(i / 8, Double.longBitsToDouble(bits));
        }

        @Override
        public void close() {
            base.close();
        }
    }

    /** A 1-D C-order DOUBLE array, BufferSpec.of(array, offset, count, type). */
    static Kind vector() {
        return Kind.of("INDArray", (layout, n) -> new Backed(Nd4j.create(DataType.DOUBLE, (C + layout.body(n) + C) / 8), C) {
            @Override
            public Object message(int count) {
                return BufferSpec.of(base, C / 8, count, layout.type);
            }
        });
    }

    /** Row 1 of a 3-row matrix (a contiguous view with an offset), BufferSpec offset 1 into the row. */
    static Kind rowView() {
        return Kind.of("INDArray row view", (layout, n) -> {
            int width = layout.body(n) / 8 + 2;
            INDArray m = Nd4j.create(DataType.DOUBLE, 3, width);
            INDArray row = m.getRow(1);
            return new Backed(m, 8 * (width + 1)) {
                @Override
                public Object message(int count) {
                    return BufferSpec.of(row, 1, count, layout.type);
                }
            };
        });
    }

    /** Column 1 of a 5 x 4 C-order matrix: one element of its own strided layout. */
    static Kind columnView() {
        Layout col = Layout.whole("column 1 of 5x4", 0, 32, 64, 96, 128);
        return Kind.of("INDArray column view", List.of(col), (layout, n) -> {
            INDArray m = Nd4j.create(DataType.DOUBLE, 5, 4);
            INDArray view = m.getColumn(1);
            return new Backed(m, 8) {
                @Override
                public Object message(int count) {
                    return view;
                }
            };
        });
    }

    /** Rows 1, 3, 5 x columns 1-2 of a 6 x 5 C-order matrix: strided in both dimensions. */
    static Kind blockView() {
        Layout block = Layout.whole("rows 1:6:2 x cols 1:3 of 6x5", 0, 8, 80, 88, 160, 168);
        return Kind.of("INDArray strided block view", List.of(block), (layout, n) -> {
            INDArray m = Nd4j.create(DataType.DOUBLE, 6, 5);
            INDArray view = m.get(NDArrayIndex.interval(1, 2, 6), NDArrayIndex.interval(1, 3));
            return new Backed(m, 8 * (1 * 5 + 1)) {
                @Override
                public Object message(int count) {
                    return view;
                }
            };
        });
    }

    @RankTest
    public static void vectorMatrix() {
        Conformance.run(vector());
    }

    @RankTest
    public static void rowViewMatrix() {
        Conformance.run(rowView());
    }

    @RankTest
    public static void columnViewMatrix() {
        Conformance.run(columnView());
    }

    @RankTest
    public static void blockViewMatrix() {
        Conformance.run(blockView());
    }
}
