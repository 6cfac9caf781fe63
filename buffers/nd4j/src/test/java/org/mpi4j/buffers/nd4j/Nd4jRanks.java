package org.mpi4j.buffers.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Request;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.testing.RankTest;
import org.mpi4j.testing.ZeroCopyProbe;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every INDArray data type, C and F order, views with offsets and strides, collectives, errors, zero copy. */
public final class Nd4jRanks {
    private Nd4jRanks() { }

    static final DataType[] TYPES = {DataType.DOUBLE, DataType.FLOAT, DataType.HALF, DataType.BFLOAT16, DataType.LONG,
        DataType.INT, DataType.SHORT, DataType.BYTE, DataType.UBYTE, DataType.UINT16, DataType.UINT32, DataType.UINT64,
        DataType.BOOL};

    static final ElementType[] ELEMENTS = {ElementType.FLOAT64, ElementType.FLOAT32, ElementType.UINT16, ElementType.UINT16,
        ElementType.INT64, ElementType.INT32, ElementType.INT16, ElementType.INT8, ElementType.UINT8, ElementType.UINT16,
        ElementType.UINT32, ElementType.UINT64, ElementType.BOOL};

    /** A 3 x 4 matrix of rank r's values (small integers, exact in every type; BOOL alternates with r). */
    static INDArray matrix(int r, DataType t, char order) {
        INDArray base = Nd4j.arange(12).addi(r * 3).reshape('c', 3, 4);
        if (t == DataType.BOOL) {
            base = base.addi(r).fmodi(2);
        }
        return base.castTo(t).dup(order);
    }

    @RankTest
    public static void everyDataTypeArrivesWithItsDatatype() {
        for (int k = 0; k < TYPES.length; k++) {
            DataType t = TYPES[k];
            INDArray out = matrix(rank(), t, 'c');
            INDArray in = Nd4j.zeros(t, 3, 4);
            MessageBuffer m = Buffers.resolve(out, new MessageBuffer(), false);
            assertEquals(ELEMENTS[k].datatype(), m.datatype(), t + " datatype");
            assertEquals(12, m.count(), t + " count");
            assertEquals(out.data().address(), m.address(), t + " address");
            MPI.COMM_WORLD.sendrecv(out, next(), k, in, prev(), k);
            assertEquals(matrix(prev(), t, 'c'), in, t + " from rank " + prev());
        }
    }

    @RankTest
    public static void cAndFOrderArriveAsTheSameMatrix() {
        INDArray c = matrix(rank(), DataType.DOUBLE, 'c');
        INDArray f = matrix(rank(), DataType.DOUBLE, 'f');
        assertEquals('f', f.ordering());
        INDArray intoF = Nd4j.create(DataType.DOUBLE, new long[] {3, 4}, 'f');
        INDArray intoC = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        // C to F and F to C: elements travel in logical order, so both hold prev's matrix
        MPI.COMM_WORLD.sendrecv(c, next(), 1, intoF, prev(), 1);
        MPI.COMM_WORLD.sendrecv(f, next(), 2, intoC, prev(), 2);
        INDArray expect = matrix(prev(), DataType.DOUBLE, 'c');
        assertEquals(expect, intoF);
        assertEquals(expect, intoC);
        // nonblocking, F order both ways
        INDArray intoF2 = Nd4j.create(DataType.DOUBLE, new long[] {3, 4}, 'f');
        Request r = MPI.COMM_WORLD.irecv(intoF2, prev(), 3);
        MPI.COMM_WORLD.send(f, next(), 3);
        r.waitFor();
        assertEquals(expect, intoF2);
    }

    @RankTest
    public static void viewsGoThroughDerivedDatatypesInPlace() {
        INDArray m = matrix(rank(), DataType.DOUBLE, 'c');
        INDArray expect = matrix(prev(), DataType.DOUBLE, 'c');
        // a row: contiguous with an offset
        INDArray row = Nd4j.zeros(DataType.DOUBLE, 4);
        MPI.COMM_WORLD.sendrecv(m.getRow(2), next(), 1, row, prev(), 1);
        assertEquals(expect.getRow(2), row);
        MessageBuffer rm = Buffers.resolve(m.getRow(2), new MessageBuffer(), false);
        assertEquals(m.data().address() + 8 * 8, rm.address());
        // a column: strided; sent into a plain vector, and received into a column of a zero matrix
        INDArray col = Nd4j.zeros(DataType.DOUBLE, 3);
        MPI.COMM_WORLD.sendrecv(m.getColumn(1), next(), 2, col, prev(), 2);
        assertEquals(expect.getColumn(1), col);
        INDArray target = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        MPI.COMM_WORLD.sendrecv(m.getColumn(3), next(), 3, target.getColumn(2), prev(), 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(j == 2 ? expect.getDouble(i, 3) : 0.0, target.getDouble(i, j), "target(" + i + "," + j + ")");
            }
        }
        // a strided 2-D slice: rows 1..2, columns 0 and 2
        INDArray slice = m.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(0, 2, 4));
        assertArrayEquals(new long[] {2, 2}, slice.shape());
        INDArray got = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        Request q = MPI.COMM_WORLD.irecv(got, prev(), 4);
        MPI.COMM_WORLD.send(slice, next(), 4);
        q.waitFor();
        assertEquals(expect.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(0, 2, 4)), got);
        // a strided view cannot be re-sliced by a BufferSpec: a clear error, and the communicator still works
        MPIException e = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(BufferSpec.of(m.getColumn(0), 2, Datatype.DOUBLE), rank(), 0));
        assertTrue(e.getMessage().contains("non-contiguous"), e.getMessage());
        int[] s = new int[1];
        MPI.COMM_WORLD.allreduce(new int[] {1}, s, Op.SUM);
        assertEquals(size(), s[0]);
    }

    @RankTest
    public static void scatterRowsGatherIntoAMatrixAndAllreduce() {
        int n = size();
        INDArray all = Nd4j.arange(n * 5).castTo(DataType.FLOAT).reshape(n, 5);
        INDArray mine = Nd4j.zeros(DataType.FLOAT, 5);
        MPI.COMM_WORLD.scatter(rank() == 0 ? all : null, mine, 0);
        assertEquals(all.getRow(rank()), mine);
        INDArray back = Nd4j.zeros(DataType.FLOAT, n, 5);
        MPI.COMM_WORLD.gather(mine.mul(2), rank() == n - 1 ? back : null, n - 1);
        if (rank() == n - 1) {
            assertEquals(all.mul(2), back);
        }
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, 4);
        MPI.COMM_WORLD.allreduce(Nd4j.ones(DataType.DOUBLE, 4).muli(rank()), sum, Op.SUM);
        assertEquals(Nd4j.ones(DataType.DOUBLE, 4).muli(n * (n - 1) / 2.0), sum);
        // strided views and reductions: a clear error before MPI sees them, and the communicator still works
        INDArray src = Nd4j.ones(DataType.DOUBLE, 4, 3);
        INDArray grid = Nd4j.zeros(DataType.DOUBLE, 4, 3);
        MPIException strided = assertThrows(MPIException.class,
                () -> MPI.COMM_WORLD.allreduce(src.getColumn(1), grid.getColumn(1), Op.SUM));
        assertEquals(ErrorClasses.ERR_OP, strided.getErrorClass());
        assertTrue(strided.getMessage().contains("contiguous"), strided.getMessage());
        MPIException mixed = assertThrows(MPIException.class,
                () -> MPI.COMM_WORLD.allreduce(Nd4j.ones(DataType.DOUBLE, 4), grid.getColumn(1), Op.SUM));
        assertTrue(mixed.getMessage().contains("datatype"), mixed.getMessage());
        MPI.COMM_WORLD.allreduce(src.getColumn(1).dup(), sum, Op.SUM);
        assertEquals(Nd4j.ones(DataType.DOUBLE, 4).muli(n), sum);
    }

    /** MPI calls a Java op with pointers to the operands: they are the arrays' own memory, offset included. */
    @RankTest
    public static void mpiSeesTheArraysOwnMemory() {
        INDArray big = Nd4j.arange(20).castTo(DataType.INT);
        INDArray in = big.get(NDArrayIndex.interval(5, 10));
        INDArray inout = Nd4j.ones(DataType.INT, 5);
        long[] seen = ZeroCopyProbe.intSumAddresses(in, inout);
        assertEquals(big.data().address() + 5 * 4, seen[0]);
        assertEquals(inout.data().address(), seen[1]);
        assertEquals(Nd4j.createFromArray(6, 7, 8, 9, 10), inout);
    }

    @RankTest
    public static void closedArraysAndWrongSizesAreClearErrors() {
        INDArray a = Nd4j.ones(DataType.DOUBLE, 6);
        a.close();
        MPIException closed = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(a, rank(), 0));
        assertEquals(ErrorClasses.ERR_BUFFER, closed.getErrorClass());
        INDArray b = Nd4j.ones(DataType.DOUBLE, 6);
        MPIException big = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(BufferSpec.of(b, 7, Datatype.DOUBLE), rank(), 0));
        assertEquals(ErrorClasses.ERR_COUNT, big.getErrorClass());
        MPIException type = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(BufferSpec.of(b, 6, Datatype.FLOAT), rank(), 0));
        assertEquals(ErrorClasses.ERR_TYPE, type.getErrorClass());
        // scatter of an F-order matrix's rows cannot split a strided layout into blocks
        if (size() > 1) {
            INDArray f = Nd4j.create(DataType.DOUBLE, new long[] {size(), 3}, 'f');
            INDArray row = Nd4j.zeros(DataType.DOUBLE, 3);
            if (rank() == 0) {
                assertThrows(MPIException.class, () -> MPI.COMM_WORLD.scatter(f, row, 0));
            }
        }
        double[] s = new double[1];
        MPI.COMM_WORLD.allreduce(new double[] {b.getDouble(0)}, s, Op.SUM);
        assertEquals(size(), s[0]);
        assertNotEquals(0, b.data().address());
    }

    /**
     * Issue 13: closing an array while a request uses its memory must not free it under MPI. ND4J's close() is
     * ignored while the request is pending (the array is marked not closeable); afterwards it closes as usual.
     */
    @RankTest
    public static void closingAnArrayWhileARequestUsesItIsIgnoredUntilItCompletes() {
        INDArray in = Nd4j.zeros(DataType.DOUBLE, 1 << 14);
        Request r = MPI.COMM_WORLD.irecv(in, prev(), 43);
        in.close();
        assertTrue(!in.wasClosed(), "close() while the receive is pending is ignored");
        INDArray out = Nd4j.createFromArray(ramp(rank(), 1 << 14));
        Request s1 = MPI.COMM_WORLD.isend(out, next(), 43);
        Request s2 = MPI.COMM_WORLD.isend(out, next(), 44);
        INDArray in2 = Nd4j.zeros(DataType.DOUBLE, 1 << 14);
        r.waitFor();
        s1.waitFor();
        out.close();
        assertTrue(!out.wasClosed(), "a second pending send still holds the array");
        MPI.COMM_WORLD.recv(in2, prev(), 44);
        s2.waitFor();
        INDArray expect = Nd4j.createFromArray(ramp(prev(), 1 << 14));
        assertEquals(expect, in, "the data arrived");
        assertEquals(expect, in2);
        in.close();
        out.close();
        assertTrue(in.wasClosed() && out.wasClosed(), "after completion close() works again");
    }

    static double[] ramp(int from, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = from + i;
        }
        return d;
    }

    /**
     * Nd4jMemory.wrap views a node-shared window segment as one matrix on every process: each rank writes its row
     * through its own view of rank 0's segment, and every rank then reads every row through its view; the bytes past
     * the matrix stay untouched; bad shapes and buffers are refused.
     */
    @RankTest
    public static void sharedWindowSegmentAsOneMatrix() {
        int n = size();
        try (org.mpi4j.Intracomm node = MPI.COMM_WORLD.splitType(MPI.COMM_TYPE_SHARED, rank());
             org.mpi4j.Win w = org.mpi4j.Win.allocateShared(node.getRank() == 0 ? 8L * n * 3 + 16 : 0, 8,
                     org.mpi4j.Info.NULL, node)) {
            assertEquals(n, node.getSize(), "one node");
            java.nio.ByteBuffer seg = w.sharedQuery(0).buffer();
            w.lockAll();
            if (rank() == 0) {
                seg.putLong(8 * n * 3, 0x5A5A5A5A5A5A5A5AL);
                seg.putLong(8 * n * 3 + 8, 0x5A5A5A5A5A5A5A5AL);
            }
            INDArray m = Nd4jMemory.wrap(seg, DataType.DOUBLE, n, 3);
            assertArrayEquals(new long[] {n, 3}, m.shape());
            m.putRow(rank(), Nd4j.createFromArray(rank() + 0.5, rank() * 10.0, -rank() - 1.0));
            w.sync();
            MPI.COMM_WORLD.barrier();
            w.sync();
            for (int r = 0; r < n; r++) {
                assertArrayEquals(new double[] {r + 0.5, r * 10.0, -r - 1.0}, m.getRow(r).toDoubleVector(), "row " + r);
                assertEquals(r + 0.5, seg.getDouble(8 * 3 * r), "the segment itself holds row " + r);
            }
            assertEquals(0x5A5A5A5A5A5A5A5AL, seg.getLong(8 * n * 3));
            assertEquals(0x5A5A5A5A5A5A5A5AL, seg.getLong(8 * n * 3 + 8));
            // the view is a buffer like any INDArray: a sum over the ranks' copies of it
            INDArray sum = Nd4j.create(DataType.DOUBLE, n, 3);
            MPI.COMM_WORLD.allreduce(m, sum, Op.SUM);
            assertEquals(n * m.sumNumber().doubleValue(), sum.sumNumber().doubleValue(), 1e-9);
            m.close();                                              // not ND4J's memory: close does nothing
            assertEquals(rank() + 0.5, m.getDouble(rank(), 0));
            MPIException e = assertThrows(MPIException.class, () -> Nd4jMemory.wrap(seg, DataType.DOUBLE, n + 1, 3));
            assertEquals(ErrorClasses.ERR_COUNT, e.getErrorClass());
            assertTrue(e.getMessage().contains("needs " + (8 * (n + 1) * 3) + " bytes"), e.getMessage());
            assertEquals(ErrorClasses.ERR_BUFFER, assertThrows(MPIException.class,
                    () -> Nd4jMemory.wrap(java.nio.ByteBuffer.allocate(64), DataType.DOUBLE, 2)).getErrorClass());
            assertEquals(ErrorClasses.ERR_TYPE, assertThrows(MPIException.class,
                    () -> Nd4jMemory.wrap(seg, DataType.UTF8, 2)).getErrorClass());
            assertEquals(ErrorClasses.ERR_COUNT, assertThrows(MPIException.class,
                    () -> Nd4jMemory.wrap(seg, DataType.DOUBLE, Long.MAX_VALUE, 4)).getErrorClass());
            MPI.COMM_WORLD.barrier();
            w.unlockAll();
        }
    }
}
