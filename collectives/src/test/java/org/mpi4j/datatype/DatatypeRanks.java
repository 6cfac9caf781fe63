package org.mpi4j.datatype;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.mpi4j.Datatype;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Request;
import org.mpi4j.Status;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.jni.LibMpi;
import org.mpi4j.testing.RankTest;

/** Predefined and derived datatypes moving real data between ranks, their layout queries, pack/unpack. */
public final class DatatypeRanks {
    private DatatypeRanks() { }

    /** A rows x cols C-order matrix whose entries say which rank made them. */
    static double[] matrix(int r, int rows, int cols) {
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = r * 10000 + i;
        }
        return m;
    }

    @RankTest
    public static void predefinedSizesAndExtents() {
        assertEquals(8, Datatype.DOUBLE.size());
        assertEquals(8, Datatype.DOUBLE.extent());
        assertEquals(4, Datatype.INT.size());
        assertEquals(1, Datatype.C_BOOL.size());
        assertEquals(8, Datatype.LONG.size());
        assertEquals(2, Datatype.UNSIGNED_SHORT.size());
        assertEquals(16, Datatype.C_DOUBLE_COMPLEX.size());
        assertEquals(12, Datatype.DOUBLE_INT.size());
        assertEquals(16, Datatype.DOUBLE_INT.extent());
        assertEquals(8, Datatype.INT_INT.size());
        assertEquals("MPI_DOUBLE", Datatype.DOUBLE.getName());
        assertEquals(LibMpi.MPI_COMBINER_NAMED(), Datatype.INT.getCombiner());
        assertThrows(MPIException.class, Datatype.DOUBLE::free);
    }

    @RankTest
    public static void contiguousAndItsLayout() {
        try (Datatype t = Datatype.DOUBLE.contiguous(5).commit()) {
            assertEquals(40, t.size());
            assertEquals(40, t.extent());
            assertEquals(LibMpi.MPI_COMBINER_CONTIGUOUS(), t.getCombiner());
            double[] out = matrix(rank(), 4, 5);
            double[] in = new double[20];
            Status st = new Status();
            MPI.COMM_WORLD.sendrecv(BufferSpec.of(out, 4, t), next(), 1, BufferSpec.of(in, t), prev(), 1, st);
            assertArrayEquals(matrix(prev(), 4, 5), in);
            assertEquals(4, st.getCount(t));
            assertEquals(20, st.getElements(Datatype.DOUBLE));
        }
    }

    @RankTest
    public static void vectorSendsAMatrixColumn() {
        int rows = 6;
        int cols = 4;
        try (Datatype column = Datatype.DOUBLE.vector(rows, 1, cols).commit()) {
            assertEquals(rows * 8, column.size());
            assertEquals(((rows - 1) * cols + 1) * 8, column.extent());
            double[] m = matrix(rank(), rows, cols);
            double[] col = new double[rows];
            // column 2 of my matrix (offset 2 elements) into a contiguous array
            MPI.COMM_WORLD.sendrecv(BufferSpec.of(m, 2, 1, column), next(), 2, col, prev(), 2);
            for (int i = 0; i < rows; i++) {
                assertEquals(prev() * 10000 + i * cols + 2, col[i]);
            }
            // and back into column 3 of a zero matrix: other columns untouched
            double[] target = new double[rows * cols];
            MPI.COMM_WORLD.sendrecv(col, prev(), 3, BufferSpec.of(target, 3, 1, column), next(), 3);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double expect = j == 3 ? rank() * 10000 + i * cols + 2 : 0;
                    assertEquals(expect, target[i * cols + j], "row " + i + " col " + j);
                }
            }
        }
    }

    @RankTest
    public static void vectorColumnNonblockingOnHeapKeepsTheHoles() {
        int rows = 5;
        int cols = 3;
        try (Datatype column = Datatype.INT.vector(rows, 1, cols).commit()) {
            int[] m = new int[rows * cols];
            Arrays.fill(m, -7);
            int[] col = new int[rows];
            for (int i = 0; i < rows; i++) {
                col[i] = rank() * 100 + i;
            }
            Request r = MPI.COMM_WORLD.irecv(BufferSpec.of(m, 1, 1, column), prev(), 4);
            Request s = MPI.COMM_WORLD.isend(col, next(), 4);
            Request.waitAll(r, s);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals(j == 1 ? prev() * 100 + i : -7, m[i * cols + j]);
                }
            }
        }
    }

    @RankTest
    public static void hvectorIndexedAndBlocks() {
        double[] src = matrix(rank(), 1, 40);
        try (Datatype hv = Datatype.DOUBLE.hvector(3, 2, 5 * 8).commit();
             Datatype ix = Datatype.DOUBLE.indexed(new int[] {1, 3}, new int[] {0, 10}).commit();
             Datatype hix = Datatype.DOUBLE.hindexed(new int[] {2, 1}, new long[] {8, 20 * 8}).commit();
             Datatype ib = Datatype.DOUBLE.indexedBlock(2, new int[] {1, 6, 30}).commit();
             Datatype hib = Datatype.DOUBLE.hindexedBlock(1, new long[] {0, 39 * 8}).commit()) {
            check(hv, src, new int[] {0, 1, 5, 6, 10, 11});
            check(ix, src, new int[] {0, 10, 11, 12});
            check(hix, src, new int[] {1, 2, 20});
            check(ib, src, new int[] {1, 2, 6, 7, 30, 31});
            check(hib, src, new int[] {0, 39});
        }
    }

    private static void check(Datatype t, double[] src, int[] picked) {
        double[] got = new double[picked.length];
        MPI.COMM_WORLD.sendrecv(BufferSpec.of(src, 1, t), next(), 5, got, prev(), 5);
        for (int k = 0; k < picked.length; k++) {
            assertEquals(prev() * 10000 + picked[k], got[k], t + " element " + k);
        }
        assertEquals(picked.length * 8L, t.size());
    }

    @RankTest
    public static void structOfIntAndDoubleInAByteBuffer() {
        // struct { int id; double value; } with C layout: int at 0, double at 8, extent 16
        try (Datatype rec = Datatype.struct(new int[] {1, 1}, new long[] {0, 8}, new Datatype[] {Datatype.INT, Datatype.DOUBLE}).commit()) {
            assertEquals(12, rec.size());
            assertEquals(16, rec.extent());
            ByteBuffer out = ByteBuffer.allocateDirect(16 * 3).order(ByteOrder.nativeOrder());
            for (int k = 0; k < 3; k++) {
                out.putInt(16 * k, rank() * 10 + k);
                out.putDouble(16 * k + 8, rank() + k / 4.0);
            }
            ByteBuffer in = ByteBuffer.allocateDirect(16 * 3).order(ByteOrder.nativeOrder());
            MPI.COMM_WORLD.sendrecv(BufferSpec.of(out, 3, rec), next(), 6, BufferSpec.of(in, 3, rec), prev(), 6);
            for (int k = 0; k < 3; k++) {
                assertEquals(prev() * 10 + k, in.getInt(16 * k));
                assertEquals(prev() + k / 4.0, in.getDouble(16 * k + 8));
            }
            // mixed element kinds cannot describe a double[]
            assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(BufferSpec.of(new double[6], 1, rec), MPI.PROC_NULL, 0));
        }
    }

    @RankTest
    public static void subarrayAndResized() {
        int[] sizes = {4, 6};
        int[] sub = {2, 3};
        int[] starts = {1, 2};
        try (Datatype block = Datatype.DOUBLE.subarray(sizes, sub, starts, Datatype.ORDER_C).commit()) {
            assertEquals(6 * 8, block.size());
            double[] m = matrix(rank(), 4, 6);
            double[] got = new double[6];
            MPI.COMM_WORLD.sendrecv(BufferSpec.of(m, 1, block), next(), 7, got, prev(), 7);
            int k = 0;
            for (int i = 1; i < 3; i++) {
                for (int j = 2; j < 5; j++) {
                    assertEquals(prev() * 10000 + i * 6 + j, got[k++]);
                }
            }
        }
        // a column type resized to one element, so consecutive columns interleave (the classic transpose)
        try (Datatype col = Datatype.DOUBLE.vector(3, 1, 3); Datatype colR = col.resized(0, 8).commit()) {
            assertEquals(8, colR.extent());
            assertEquals(0, colR.lowerBound());
            double[] m = matrix(rank(), 3, 3);
            double[] t = new double[9];
            MPI.COMM_WORLD.sendrecv(BufferSpec.of(m, 3, colR), next(), 8, t, prev(), 8);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(prev() * 10000 + j * 3 + i, t[i * 3 + j]);
                }
            }
        }
    }

    @RankTest
    public static void darrayBlockDistribution() {
        int size = MPI.COMM_WORLD.getSize();
        int n = 4 * size;
        try (Datatype part = Datatype.INT.darray(size, rank(), new int[] {n}, new int[] {Datatype.DISTRIBUTE_BLOCK},
                new int[] {Datatype.DISTRIBUTE_DFLT_DARG}, new int[] {size}, Datatype.ORDER_C).commit()) {
            assertEquals(4 * 4, part.size());
            assertEquals(4L * n, part.extent());
            int[] global = new int[n];
            for (int i = 0; i < n; i++) {
                global[i] = i * 3;
            }
            int[] mine = new int[4];
            MPI.COMM_WORLD.sendrecv(BufferSpec.of(global, 1, part), MPI.COMM_WORLD.getRank(), 9, mine, rank(), 9);
            for (int i = 0; i < 4; i++) {
                assertEquals((rank() * 4 + i) * 3, mine[i]);
            }
        }
    }

    @RankTest
    public static void dupCommitFreeAndNames() {
        Datatype v = Datatype.INT.vector(2, 1, 2);
        assertTrue(!v.isCommitted());
        v.commit();
        v.setName("pairs");
        assertEquals("pairs", v.getName());
        Datatype d = v.dup();
        assertTrue(d.isCommitted());
        assertEquals(v.size(), d.size());
        assertEquals(v.extent(), d.extent());
        v.free();
        assertTrue(v.isFreed());
        // the duplicate lives on
        int[] got = new int[2];
        MPI.COMM_WORLD.sendrecv(BufferSpec.of(new int[] {rank(), 0, rank() + 1}, 1, d), next(), 10, got, prev(), 10);
        assertArrayEquals(new int[] {prev(), prev() + 1}, got);
        d.close();
        d.close();
    }

    @RankTest
    public static void packAndUnpackAcrossRanks() {
        int bytes = Datatype.INT.packSize(3, MPI.COMM_WORLD) + Datatype.DOUBLE.packSize(2, MPI.COMM_WORLD);
        byte[] packed = new byte[bytes];
        int pos = Datatype.INT.pack(new int[] {rank(), 2, 3}, packed, 0, MPI.COMM_WORLD);
        pos = Datatype.DOUBLE.pack(new double[] {rank() + 0.5, -1}, packed, pos, MPI.COMM_WORLD);
        byte[] in = new byte[bytes];
        Status st = new Status();
        MPI.COMM_WORLD.sendrecv(BufferSpec.of(packed, 0, pos, Datatype.PACKED), next(), 11, BufferSpec.of(in, Datatype.PACKED), prev(), 11, st);
        int[] ints = new int[3];
        double[] doubles = new double[2];
        int p = Datatype.INT.unpack(in, 0, ints, MPI.COMM_WORLD);
        p = Datatype.DOUBLE.unpack(in, p, doubles, MPI.COMM_WORLD);
        assertEquals(pos, p);
        assertEquals(pos, st.getCount());
        assertArrayEquals(new int[] {prev(), 2, 3}, ints);
        assertArrayEquals(new double[] {prev() + 0.5, -1}, doubles);
    }
}
