package org.mpi4j.coll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Request;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.VBuffer;
import org.mpi4j.buffers.WBuffer;
import org.mpi4j.testing.RankTest;

/** Buffer collectives across real ranks: every operation, several roots and sizes, in place, nonblocking. */
public final class CollectiveRanks {
    private CollectiveRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;
    static final int[] SIZES = {0, 1, 1000, 200_000};

    /** What rank r contributes at index i. */
    static int v(int r, int i) {
        return r * 1000 + i + 1;
    }

    static int[] ints(int r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = v(r, i);
        }
        return a;
    }

    static double[] doubles(int r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = v(r, i) / 4.0;
        }
        return a;
    }

    static DoubleBuffer direct(double[] a) {
        DoubleBuffer b = ByteBuffer.allocateDirect(a.length * 8).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        b.put(a).clear();
        return b;
    }

    static double[] toArray(DoubleBuffer b) {
        double[] a = new double[b.capacity()];
        b.get(0, a);
        return a;
    }

    @RankTest
    public static void bcastEveryRootSizeAndBufferKind() {
        for (int root = 0; root < size(); root++) {
            for (int n : SIZES) {
                double[] a = rank() == root ? doubles(root, n) : new double[n];
                W.bcast(a, root);
                assertArrayEquals(doubles(root, n), a);
                DoubleBuffer d = direct(rank() == root ? doubles(root, n) : new double[n]);
                W.bcast(d, root);
                assertArrayEquals(doubles(root, n), toArray(d));
                int[] b = rank() == root ? ints(root, n) : new int[n];
                Request r = W.ibcast(b, root);
                r.waitFor();
                assertArrayEquals(ints(root, n), b);
            }
        }
    }

    @RankTest
    public static void gatherAndScatterEveryRoot() {
        int p = size();
        for (int root = 0; root < p; root++) {
            for (int n : SIZES) {
                int[] all = rank() == root ? new int[n * p] : null;
                W.gather(ints(rank(), n), all, root);
                if (rank() == root) {
                    for (int r = 0; r < p; r++) {
                        assertArrayEquals(ints(r, n), Arrays.copyOfRange(all, r * n, r * n + n), "block " + r);
                    }
                }
                int[] mine = new int[n];
                W.scatter(all, mine, root);
                assertArrayEquals(ints(rank(), n), mine);
                // nonblocking, on a direct buffer at the root
                DoubleBuffer dall = direct(new double[rank() == root ? n * p : 0]);
                Request g = W.igather(doubles(rank(), n), rank() == root ? dall : null, root);
                g.waitFor();
                if (rank() == root) {
                    for (int r = 0; r < p; r++) {
                        assertArrayEquals(doubles(r, n), Arrays.copyOfRange(toArray(dall), r * n, r * n + n));
                    }
                }
                double[] back = new double[n];
                W.iscatter(rank() == root ? dall : null, back, root).waitFor();
                assertArrayEquals(doubles(rank(), n), back);
            }
        }
    }

    @RankTest
    public static void gatherAndScatterInPlaceAtRoot() {
        int p = size();
        int n = 5;
        int root = p - 1;
        int[] all = new int[n * p];
        if (rank() == root) {
            System.arraycopy(ints(root, n), 0, all, root * n, n);
            W.gather(MPI.IN_PLACE, all, root);
            for (int r = 0; r < p; r++) {
                assertArrayEquals(ints(r, n), Arrays.copyOfRange(all, r * n, r * n + n));
            }
            all[root * n] = -7;
            W.scatter(all, MPI.IN_PLACE, root);
            assertEquals(-7, all[root * n]);
        } else {
            W.gather(ints(rank(), n), null, root);
            int[] mine = new int[n];
            W.scatter(null, mine, root);
            assertArrayEquals(ints(rank(), n), mine);
        }
    }

    @RankTest
    public static void gathervAndScattervWithUnevenCountsAndGaps() {
        int p = size();
        int[] counts = new int[p];
        int[] displs = new int[p];
        int at = 0;
        for (int r = 0; r < p; r++) {
            counts[r] = r + 1;
            displs[r] = at + 2; // a gap of two elements before every block
            at = displs[r] + counts[r];
        }
        for (int root = 0; root < p; root++) {
            long[] all = new long[at];
            Arrays.fill(all, -1);
            long[] mine = new long[rank() + 1];
            for (int i = 0; i <= rank(); i++) {
                mine[i] = v(rank(), i);
            }
            W.gatherv(mine, rank() == root ? VBuffer.of(all, counts, displs) : null, root);
            if (rank() == root) {
                for (int r = 0; r < p; r++) {
                    assertEquals(-1, all[displs[r] - 1], "gap before block " + r + " untouched");
                    for (int i = 0; i < counts[r]; i++) {
                        assertEquals(v(r, i), all[displs[r] + i]);
                    }
                }
            }
            long[] back = new long[rank() + 1];
            W.scatterv(rank() == root ? VBuffer.of(all, counts, displs) : null, back, root);
            assertArrayEquals(mine, back);
            long[] nb = new long[rank() + 1];
            W.iscatterv(rank() == root ? VBuffer.of(all, counts, displs) : null, nb, root).waitFor();
            assertArrayEquals(mine, nb);
            long[] all2 = new long[at];
            W.igatherv(mine, rank() == root ? VBuffer.of(all2, counts, displs) : null, root).waitFor();
            if (rank() == root) {
                for (int r = 0; r < p; r++) {
                    assertEquals(v(r, counts[r] - 1), all2[displs[r] + counts[r] - 1]);
                }
            }
        }
    }

    @RankTest
    public static void allgatherAllgathervAndInPlace() {
        int p = size();
        for (int n : SIZES) {
            double[] all = new double[n * p];
            W.allgather(doubles(rank(), n), all);
            for (int r = 0; r < p; r++) {
                assertArrayEquals(doubles(r, n), Arrays.copyOfRange(all, r * n, r * n + n));
            }
            double[] inPlace = new double[n * p];
            System.arraycopy(doubles(rank(), n), 0, inPlace, rank() * n, n);
            W.allgather(MPI.IN_PLACE, inPlace);
            assertArrayEquals(all, inPlace);
            DoubleBuffer nb = direct(new double[n * p]);
            W.iallgather(doubles(rank(), n), nb).waitFor();
            assertArrayEquals(all, toArray(nb));
        }
        int[] counts = new int[p];
        for (int r = 0; r < p; r++) {
            counts[r] = 2 * r;
        }
        int total = p * (p - 1);
        int[] got = new int[total];
        W.allgatherv(ints(rank(), 2 * rank()), VBuffer.of(got, counts));
        int[] nbGot = new int[total];
        W.iallgatherv(ints(rank(), 2 * rank()), VBuffer.of(nbGot, counts)).waitFor();
        int k = 0;
        for (int r = 0; r < p; r++) {
            for (int i = 0; i < 2 * r; i++, k++) {
                assertEquals(v(r, i), got[k]);
                assertEquals(v(r, i), nbGot[k]);
            }
        }
    }

    @RankTest
    public static void alltoallAlltoallvAlltoallw() {
        int p = size();
        int n = 3;
        int[] send = new int[n * p];
        for (int dest = 0; dest < p; dest++) {
            for (int i = 0; i < n; i++) {
                send[dest * n + i] = v(rank(), dest * 10 + i);
            }
        }
        int[] recv = new int[n * p];
        W.alltoall(send, recv);
        int[] nbRecv = new int[n * p];
        W.ialltoall(send, nbRecv).waitFor();
        int[] inPlace = send.clone();
        W.alltoall(MPI.IN_PLACE, inPlace);
        for (int src = 0; src < p; src++) {
            for (int i = 0; i < n; i++) {
                assertEquals(v(src, rank() * 10 + i), recv[src * n + i]);
            }
        }
        assertArrayEquals(recv, nbRecv);
        assertArrayEquals(recv, inPlace);

        // v: rank r sends (dest + 1) elements to dest
        int[] sc = new int[p];
        int[] rc = new int[p];
        for (int r = 0; r < p; r++) {
            sc[r] = r + 1;
            rc[r] = rank() + 1;
        }
        double[] sv = new double[p * (p + 1) / 2];
        int at = 0;
        for (int dest = 0; dest < p; dest++) {
            for (int i = 0; i <= dest; i++) {
                sv[at++] = v(rank(), dest) + i / 10.0;
            }
        }
        double[] rv = new double[(rank() + 1) * p];
        W.alltoallv(VBuffer.of(sv, sc), VBuffer.of(rv, rc));
        double[] rvNb = new double[(rank() + 1) * p];
        W.ialltoallv(VBuffer.of(sv, sc), VBuffer.of(rvNb, rc)).waitFor();
        for (int src = 0; src < p; src++) {
            for (int i = 0; i <= rank(); i++) {
                assertEquals(v(src, rank()) + i / 10.0, rv[src * (rank() + 1) + i], 1e-12);
            }
        }
        assertArrayEquals(rv, rvNb);

        // w: one int to every peer, at byte displacements, with per-peer datatypes
        int[] counts = new int[p];
        int[] bytes = new int[p];
        Datatype[] types = new Datatype[p];
        int[] sw = new int[p];
        for (int r = 0; r < p; r++) {
            counts[r] = 1;
            bytes[r] = 4 * r;
            types[r] = Datatype.INT;
            sw[r] = v(rank(), r);
        }
        int[] rw = new int[p];
        W.alltoallw(WBuffer.of(sw, counts, bytes, types), WBuffer.of(rw, counts, bytes, types));
        int[] rwNb = new int[p];
        W.ialltoallw(WBuffer.of(sw, counts, bytes, types), WBuffer.of(rwNb, counts, bytes, types)).waitFor();
        for (int src = 0; src < p; src++) {
            assertEquals(v(src, rank()), rw[src]);
            assertEquals(v(src, rank()), rwNb[src]);
        }
    }

    /** The reduction of ints(r, n)[i] over ranks with a Java function, the reference for MPI's result. */
    static long fold(Op op, int i) {
        long acc = v(0, i);
        for (int r = 1; r < size(); r++) {
            long x = v(r, i);
            if (op == Op.MAX) {
                acc = Math.max(acc, x);
            } else if (op == Op.MIN) {
                acc = Math.min(acc, x);
            } else if (op == Op.SUM) {
                acc += x;
            } else if (op == Op.PROD) {
                acc = (int) (acc * x);
            } else if (op == Op.BAND) {
                acc &= x;
            } else if (op == Op.BOR) {
                acc |= x;
            } else if (op == Op.BXOR) {
                acc ^= x;
            } else if (op == Op.LAND) {
                acc = (acc != 0 && x != 0) ? 1 : 0;
            } else if (op == Op.LOR) {
                acc = (acc != 0 || x != 0) ? 1 : 0;
            } else if (op == Op.LXOR) {
                acc = ((acc != 0) ^ (x != 0)) ? 1 : 0;
            }
        }
        return op == Op.LAND || op == Op.LOR || op == Op.LXOR ? acc : (int) acc;
    }

    @RankTest
    public static void reduceAndAllreduceWithEveryPredefinedOp() {
        int n = 64;
        Op[] ops = {Op.MAX, Op.MIN, Op.SUM, Op.PROD, Op.LAND, Op.BAND, Op.LOR, Op.BOR, Op.LXOR, Op.BXOR};
        for (Op op : ops) {
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = (int) fold(op, i);
            }
            int[] all = new int[n];
            W.allreduce(ints(rank(), n), all, op);
            assertArrayEquals(expected, all, op.toString());
            int[] nb = new int[n];
            W.iallreduce(ints(rank(), n), nb, op).waitFor();
            assertArrayEquals(expected, nb, op.toString());
            for (int root = 0; root < size(); root++) {
                int[] out = new int[n];
                W.reduce(ints(rank(), n), rank() == root ? out : null, op, root);
                int[] inPlace = ints(rank(), n);
                W.reduce(rank() == root ? MPI.IN_PLACE : inPlace, rank() == root ? inPlace : null, op, root);
                if (rank() == root) {
                    assertArrayEquals(expected, out, op + " at root " + root);
                    assertArrayEquals(expected, inPlace, op + " in place at root " + root);
                }
            }
            int[] ir = new int[n];
            W.ireduce(ints(rank(), n), ir, op, 0).waitFor();
            if (rank() == 0) {
                assertArrayEquals(expected, ir);
            }
        }
    }

    @RankTest
    public static void allreduceLargeDoublesInPlaceAndDirect() {
        for (int n : SIZES) {
            double[] expected = new double[n];
            for (int r = 0; r < size(); r++) {
                double[] d = doubles(r, n);
                for (int i = 0; i < n; i++) {
                    expected[i] += d[i];
                }
            }
            double[] buf = doubles(rank(), n);
            W.allreduce(MPI.IN_PLACE, buf, Op.SUM);
            assertArrayEquals(expected, buf);
            DoubleBuffer out = direct(new double[n]);
            W.allreduce(direct(doubles(rank(), n)), out, Op.SUM);
            assertArrayEquals(expected, toArray(out));
        }
    }

    @RankTest
    public static void maxlocAndMinlocOnPairTypes() {
        // INT_INT on an int[] of (value, index) pairs
        int[] pairs = {rank() % 2 == 0 ? rank() : -rank(), rank(), 5, rank()};
        int[] out = new int[4];
        W.allreduce(BufferSpec.of(pairs, 2, Datatype.INT_INT), BufferSpec.of(out, 2, Datatype.INT_INT), Op.MAXLOC);
        int best = Integer.MIN_VALUE;
        int where = -1;
        for (int r = 0; r < size(); r++) {
            int val = r % 2 == 0 ? r : -r;
            if (val > best) {
                best = val;
                where = r;
            }
        }
        assertEquals(best, out[0]);
        assertEquals(where, out[1]);
        assertEquals(5, out[2]);
        assertEquals(0, out[3], "ties go to the lowest index");
        // DOUBLE_INT on a direct byte buffer laid out as MPI's struct {double; int}
        int ext = (int) Datatype.DOUBLE_INT.extent();
        ByteBuffer in = ByteBuffer.allocateDirect(ext).order(ByteOrder.nativeOrder());
        in.putDouble(0, 10.0 - rank() * 1.5).putInt(8, rank());
        ByteBuffer res = ByteBuffer.allocateDirect(ext).order(ByteOrder.nativeOrder());
        W.allreduce(BufferSpec.of(in, 1, Datatype.DOUBLE_INT), BufferSpec.of(res, 1, Datatype.DOUBLE_INT), Op.MINLOC);
        assertEquals(10.0 - (size() - 1) * 1.5, res.getDouble(0));
        assertEquals(size() - 1, res.getInt(8));
    }

    @RankTest
    public static void reduceScatterBlockAndReduceScatter() {
        int p = size();
        int n = 4;
        int[] send = ints(rank(), n * p);
        int[] got = new int[n];
        W.reduceScatterBlock(send, got, Op.SUM);
        int[] nb = new int[n];
        W.ireduceScatterBlock(send, nb, Op.SUM).waitFor();
        int[] inPlace = send.clone();
        W.reduceScatterBlock(MPI.IN_PLACE, inPlace, Op.SUM);
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int r = 0; r < p; r++) {
                sum += v(r, rank() * n + i);
            }
            assertEquals(sum, got[i]);
            assertEquals(sum, nb[i]);
            assertEquals(sum, inPlace[i]);
        }
        int[] counts = new int[p];
        int total = 0;
        for (int r = 0; r < p; r++) {
            counts[r] = r + 1;
            total += r + 1;
        }
        int offset = rank() * (rank() + 1) / 2;
        int[] mine = new int[rank() + 1];
        W.reduceScatter(ints(rank(), total), mine, counts, Op.MAX);
        int[] mineNb = new int[rank() + 1];
        W.ireduceScatter(ints(rank(), total), mineNb, counts, Op.MAX).waitFor();
        for (int i = 0; i <= rank(); i++) {
            assertEquals(v(p - 1, offset + i), mine[i]);
            assertEquals(v(p - 1, offset + i), mineNb[i]);
        }
    }

    @RankTest
    public static void scanAndExscan() {
        int n = 10;
        long[] in = new long[n];
        for (int i = 0; i < n; i++) {
            in[i] = v(rank(), i);
        }
        long[] scan = new long[n];
        W.scan(in, scan, Op.SUM);
        long[] ex = new long[n];
        W.exscan(in, ex, Op.SUM);
        long[] scanNb = new long[n];
        W.iscan(in, scanNb, Op.SUM).waitFor();
        long[] exNb = new long[n];
        W.iexscan(in, exNb, Op.SUM).waitFor();
        long[] inPlace = in.clone();
        W.scan(MPI.IN_PLACE, inPlace, Op.SUM);
        for (int i = 0; i < n; i++) {
            long below = 0;
            for (int r = 0; r < rank(); r++) {
                below += v(r, i);
            }
            assertEquals(below + v(rank(), i), scan[i]);
            assertEquals(below + v(rank(), i), scanNb[i]);
            assertEquals(below + v(rank(), i), inPlace[i]);
            if (rank() > 0) {
                assertEquals(below, ex[i]);
                assertEquals(below, exNb[i]);
            }
        }
    }

    /** 2x2 matrix product, row-major, as a non-commutative user op: inout = in x inout. */
    static Op matmul() {
        return Op.create((in, inout, count, type) -> {
            DoubleBuffer a = in.asDoubleBuffer();
            DoubleBuffer b = inout.asDoubleBuffer();
            for (int m = 0; m < count; m++) {
                int o = 4 * m;
                double c0 = a.get(o) * b.get(o) + a.get(o + 1) * b.get(o + 2);
                double c1 = a.get(o) * b.get(o + 1) + a.get(o + 1) * b.get(o + 3);
                double c2 = a.get(o + 2) * b.get(o) + a.get(o + 3) * b.get(o + 2);
                double c3 = a.get(o + 2) * b.get(o + 1) + a.get(o + 3) * b.get(o + 3);
                b.put(o, c0).put(o + 1, c1).put(o + 2, c2).put(o + 3, c3);
            }
        }, false);
    }

    static double[] matrixOf(int r) {
        return new double[] {1, r + 1, 0, 1 + r * 0.5};
    }

    static double[] product(int upTo) {
        double[] acc = matrixOf(0);
        for (int r = 1; r <= upTo; r++) {
            double[] b = matrixOf(r);
            acc = new double[] {acc[0] * b[0] + acc[1] * b[2], acc[0] * b[1] + acc[1] * b[3],
                    acc[2] * b[0] + acc[3] * b[2], acc[2] * b[1] + acc[3] * b[3]};
        }
        return acc;
    }

    @RankTest
    public static void nonCommutativeJavaOpIsAppliedInRankOrder() {
        try (Op op = matmul();
             Datatype mat = Datatype.DOUBLE.contiguous(4).commit()) {
            assertTrue(!op.isCommutative());
            double[] out = new double[4];
            W.allreduce(BufferSpec.of(matrixOf(rank()), 1, mat), BufferSpec.of(out, 1, mat), op);
            assertArrayEquals(product(size() - 1), out, 1e-12);
            double[] sc = new double[4];
            W.scan(BufferSpec.of(matrixOf(rank()), 1, mat), BufferSpec.of(sc, 1, mat), op);
            assertArrayEquals(product(rank()), sc, 1e-12);
            DoubleBuffer nb = direct(new double[4]);
            W.iallreduce(BufferSpec.of(direct(matrixOf(rank())), 1, mat), BufferSpec.of(nb, 1, mat), op).waitFor();
            assertArrayEquals(product(size() - 1), toArray(nb), 1e-12);
            double[] red = new double[4];
            W.reduce(BufferSpec.of(matrixOf(rank()), 1, mat), BufferSpec.of(red, 1, mat), op, 0);
            if (rank() == 0) {
                assertArrayEquals(product(size() - 1), red, 1e-12);
            }
        }
    }

    @RankTest
    public static void commutativeJavaOpOnLargeArraysAndReduceLocal() {
        try (Op absMax = Op.ofDoubles((a, b) -> Math.max(Math.abs(a), Math.abs(b)), true)) {
            int n = 100_000;
            double[] mine = new double[n];
            for (int i = 0; i < n; i++) {
                mine[i] = (i % size() == rank()) ? i + 0.5 : -0.25;
            }
            double[] out = new double[n];
            W.allreduce(mine, out, absMax);
            for (int i = 0; i < n; i++) {
                assertEquals(i + 0.5, out[i]);
            }
            double[] inout = {1, -5, 3};
            absMax.reduceLocal(new double[] {-2, 4, 3.5}, inout);
            assertArrayEquals(new double[] {2, 5, 3.5}, inout);
            int[] s = {1, 2, 3};
            Op.SUM.reduceLocal(new int[] {10, 20, 30}, s);
            assertArrayEquals(new int[] {11, 22, 33}, s);
        }
    }

    @RankTest
    public static void javaOpThatThrowsSurfacesAsMPIExceptionAndCommStaysUsable() {
        try (Op bad = Op.ofInts((a, b) -> {
            throw new IllegalStateException("boom in user op");
        }, true)) {
            if (size() > 1) {
                // the root of a reduce always combines, so it always sees the op's exception; other ranks may not
                MPIException seen = null;
                try {
                    W.reduce(new int[] {1}, new int[1], bad, 0);
                } catch (MPIException e) {
                    seen = e;
                }
                if (rank() == 0) {
                    assertTrue(seen != null, "root did not see the op's exception");
                }
                if (seen != null) {
                    assertEquals(ErrorClasses.ERR_OP, seen.getErrorClass());
                    assertTrue(seen.getCause() instanceof IllegalStateException, String.valueOf(seen.getCause()));
                }
            }
            MPIException local = assertThrows(MPIException.class, () -> bad.reduceLocal(new int[] {1}, new int[1]));
            assertTrue(local.getMessage().contains("boom in user op"), local.getMessage());
        }
        int[] out = new int[1];
        W.allreduce(new int[] {1}, out, Op.SUM);
        assertEquals(size(), out[0]);
    }

    @RankTest
    public static void everyNonblockingCollectiveAtOnce() {
        int p = size();
        int[] b = rank() == 0 ? ints(0, 8) : new int[8];
        int[] g = new int[p];
        int[] ag = new int[p];
        int[] a2a = new int[p];
        int[] ar = new int[1];
        Request[] reqs = {
            W.ibarrier(),
            W.ibcast(b, 0),
            W.igather(new int[] {rank()}, g, 0),
            W.iallgather(new int[] {rank()}, ag),
            W.ialltoall(ints(rank(), p), a2a),
            W.iallreduce(new int[] {rank()}, ar, Op.SUM),
        };
        Request.waitAll(reqs);
        assertArrayEquals(ints(0, 8), b);
        for (int r = 0; r < p; r++) {
            if (rank() == 0) {
                assertEquals(r, g[r]);
            }
            assertEquals(r, ag[r]);
            assertEquals(v(r, rank()), a2a[r]);
        }
        assertEquals(p * (p - 1) / 2, ar[0]);
        for (Request r : reqs) {
            assertTrue(r.isNull());
        }
    }

    @RankTest
    public static void badArgumentsAreClearAndLeaveTheCommunicatorUsable() {
        int p = size();
        MPIException e = assertThrows(MPIException.class, () -> W.bcast(new int[1], p));
        assertEquals(ErrorClasses.ERR_ROOT, e.getErrorClass());
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.allgatherv(new int[1], VBuffer.of(new int[p], new int[p + 1])));
        assertTrue(e.getMessage().contains("counts array has " + (p + 1) + " entries"), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.allgatherv(new int[1], VBuffer.of(new int[p], ones(p), negativeAt(p))));
        assertTrue(e.getMessage().contains("negative displacement"), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.allgatherv(new int[1], VBuffer.of(new int[p], ones(p), shifted(p))));
        assertTrue(e.getMessage().contains("exceeds the buffer"), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.allreduce(new int[3], new int[4], Op.SUM));
        assertTrue(e.getMessage().contains("mismatch in send count 3 and receive count 4"), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.allreduce(new int[3], new double[3], Op.SUM));
        assertEquals(ErrorClasses.ERR_TYPE, e.getErrorClass());
        if (p > 1) {
            e = assertThrows(MPIException.class, () -> W.allgather(new int[1], new int[p + 1]));
            assertTrue(e.getMessage().contains("not a multiple of the " + p + " blocks"), e.getMessage());
        }
        e = assertThrows(MPIException.class, () -> W.reduceScatter(new int[p], new int[1], new int[p + 2], Op.SUM));
        assertTrue(e.getMessage().contains("recvcounts has " + (p + 2)), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.allreduce(new int[1], new int[1], Op.REPLACE));
        assertEquals(ErrorClasses.ERR_OP, e.getErrorClass(), e.getMessage());
        e = assertThrows(MPIException.class, () -> W.bcast(MPI.IN_PLACE, 0));
        assertEquals(ErrorClasses.ERR_BUFFER, e.getErrorClass());
        int[] out = new int[1];
        W.allreduce(new int[] {2}, out, Op.SUM);
        assertEquals(2 * p, out[0]);
    }

    static int[] ones(int p) {
        int[] a = new int[p];
        Arrays.fill(a, 1);
        return a;
    }

    static int[] negativeAt(int p) {
        int[] a = new int[p];
        for (int i = 0; i < p; i++) {
            a[i] = i;
        }
        a[p - 1] = -1;
        return a;
    }

    static int[] shifted(int p) {
        int[] a = new int[p];
        for (int i = 0; i < p; i++) {
            a[i] = i + 1;
        }
        return a;
    }
}
