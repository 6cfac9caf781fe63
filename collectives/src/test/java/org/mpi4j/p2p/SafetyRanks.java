package org.mpi4j.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.p2p.BadInputRanks.expect;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Group;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Prequest;
import org.mpi4j.Request;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.testing.Family;
import org.mpi4j.testing.RankTest;
import org.mpi4j.testing.Ring;

/**
 * Regression tests for issue 12 (silent wrong data and memory-safety holes found by programs written from the README)
 * and issue 13's pinned-array deadlock. Each failed before its fix: wrong bytes, a write outside the buffer, a JVM
 * crash, a silently accepted bad call, or a hang.
 */
public final class SafetyRanks {
    private SafetyRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;
    /** A value no message carries: what gaps and canaries hold. */
    static final double GAP = -7.25;
    /** What the program writes into the gaps while a receive is pending. */
    static final double LATE = 99.5;

    /** A 4x4 row-major matrix whose column 1 is the message (vector 4 x 1, stride 4): 12 gap elements. */
    static double[] column(double[] m) {
        double[] c = new double[4];
        for (int i = 0; i < 4; i++) {
            c[i] = m[4 * i + 1];
        }
        return c;
    }

    static double[] sent(int from) {
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = from * 1000 + i;
        }
        return m;
    }

    /** Gap elements (not column 1) all equal {@code v}. */
    static void assertGaps(double[] m, double v, String what) {
        for (int i = 0; i < 16; i++) {
            if (i % 4 != 1) {
                assertEquals(v, m[i], what + ": gap element " + i + " was written");
            }
        }
    }

    @RankTest
    public static void nonblockingReceiveThroughAGappedTypeLeavesTheGapsAlone() {
        try (Datatype col = Datatype.DOUBLE.vector(4, 1, 4).commit()) {
            double[] got = new double[16];
            Arrays.fill(got, GAP);
            Request r = W.irecv(BufferSpec.of(got, 1, 1, col), prev(), 21);
            // the program uses the rest of the matrix while the column is in flight (a halo exchange does)
            for (int i = 0; i < 16; i++) {
                if (i % 4 != 1) {
                    got[i] = LATE;
                }
            }
            W.send(BufferSpec.of(sent(rank()), 1, 1, col), next(), 21);
            r.waitFor();
            assertArrayEquals(column(sent(prev())), column(got), "the column arrived");
            assertGaps(got, LATE, "irecv");

            // persistent receive, two rounds, gaps rewritten between and during rounds
            double[] p = new double[16];
            Arrays.fill(p, GAP);
            try (Prequest pr = W.recvInit(BufferSpec.of(p, 1, 1, col), prev(), 22)) {
                for (int round = 0; round < 2; round++) {
                    pr.start();
                    for (int i = 0; i < 16; i++) {
                        if (i % 4 != 1) {
                            p[i] = LATE + round;
                        }
                    }
                    W.send(BufferSpec.of(sent(rank() + round), 1, 1, col), next(), 22);
                    pr.waitFor();
                    assertArrayEquals(column(sent(prev() + round)), column(p), "round " + round);
                    assertGaps(p, LATE + round, "recvInit round " + round);
                }
            }
            // a nonblocking collective too
            double[] b = new double[16];
            Arrays.fill(b, GAP);
            double[] mine = rank() == 0 ? sent(0) : b;
            Request ib = W.ibcast(BufferSpec.of(mine, 1, 1, col), 0);
            if (rank() != 0) {
                for (int i = 0; i < 16; i++) {
                    if (i % 4 != 1) {
                        b[i] = LATE;
                    }
                }
            }
            ib.waitFor();
            if (rank() != 0) {
                assertArrayEquals(column(sent(0)), column(b));
                assertGaps(b, LATE, "ibcast");
            }
        }
    }

    @RankTest
    public static void aShortMessageLandsOnlyWhatArrived() {
        // blocking receive of 2 of 4 column elements: the other two keep their values
        try (Datatype col = Datatype.DOUBLE.vector(4, 1, 4).commit(); Datatype one = Datatype.DOUBLE.vector(2, 1, 4).commit()) {
            double[] got = new double[16];
            Arrays.fill(got, GAP);
            Request s = W.isend(BufferSpec.of(sent(rank()), 1, 1, one), next(), 23);
            W.recv(BufferSpec.of(got, 1, 1, col), prev(), 23);
            s.waitFor();
            double[] expect = new double[16];
            Arrays.fill(expect, GAP);
            expect[1] = sent(prev())[1];
            expect[5] = sent(prev())[5];
            assertArrayEquals(expect, got);
        }
    }

    @RankTest
    public static void offsetsWhoseBytePositionOverflowsAreRejected() {
        double[] buf = new double[10];
        long wraps = Long.MAX_VALUE / 4;   // x 8 bytes wraps to a small negative position
        expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.recv(BufferSpec.of(buf, wraps, 1, Datatype.DOUBLE), prev(), 1));
        expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.send(BufferSpec.of(buf, wraps, 1, Datatype.DOUBLE), next(), 1));
        expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.ssend(BufferSpec.slice(buf, wraps, 1), next(), 1));
        expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.sendInit(BufferSpec.of(buf, wraps, 1, Datatype.DOUBLE), next(), 1));
        expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.irecv(BufferSpec.of(buf, wraps, 1, Datatype.DOUBLE), prev(), 1));
        expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.sendrecv(BufferSpec.of(buf, wraps, 1, Datatype.DOUBLE), next(), 1,
                new double[1], prev(), 1));
        for (double v : buf) {
            assertEquals(0.0, v);
        }
    }

    @RankTest
    public static void extentsWhoseSpanOverflowsAreRejected() {
        try (Datatype huge = Datatype.DOUBLE.resized(0, 1L << 62).commit()) {
            byte[] buf = new byte[64];
            expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.recv(BufferSpec.of(buf, 3, huge), prev(), 1));
            expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.send(BufferSpec.of(buf, 3, huge), next(), 1));
            expect(ErrorClasses.ERR_COUNT, "overflows", () -> W.igather(BufferSpec.of(buf, 3, huge),
                    BufferSpec.of(buf, 3, huge), 0));
            for (byte v : buf) {
                assertEquals(0, v);
            }
        }
    }

    @RankTest
    public static void packPositionsOutsideTheBufferAreRejected() {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) 0x33);
        expect(ErrorClasses.ERR_ARG, "position -8", () -> Datatype.DOUBLE.pack(new double[] {1}, out, -8, W));
        expect(ErrorClasses.ERR_ARG, "position 40", () -> Datatype.DOUBLE.pack(new double[] {1}, out, 40, W));
        expect(ErrorClasses.ERR_ARG, "position -1", () -> Datatype.DOUBLE.unpack(out, -1, new double[1], W));
        for (byte v : out) {
            assertEquals(0x33, v);
        }
        expect(ErrorClasses.ERR_COUNT, "negative count -1", () -> Datatype.DOUBLE.packSize(-1, W));
        int end = Datatype.DOUBLE.pack(new double[] {2.5}, out, 24, W);
        assertEquals(32, end);
        double[] back = new double[1];
        assertEquals(32, Datatype.DOUBLE.unpack(out, 24, back, W));
        assertEquals(2.5, back[0]);
    }

    @RankTest
    public static void groupRanksAreCheckedInJava() {
        try (Group g = W.getGroup(); Group self = MPI.COMM_SELF.getGroup()) {
            expect(ErrorClasses.ERR_RANK, "rank 99", () -> g.translateRanks(new int[] {0, 99}, self));
            expect(ErrorClasses.ERR_RANK, "rank -3", () -> g.translateRanks(new int[] {-3}, self));
            assertArrayEquals(new int[] {MPI.PROC_NULL}, g.translateRanks(new int[] {MPI.PROC_NULL}, self));
            expect(ErrorClasses.ERR_RANK, "appears twice", () -> g.incl(0, 0));
            expect(ErrorClasses.ERR_RANK, "appears twice", () -> g.excl(0, 0));
            expect(ErrorClasses.ERR_RANK, "rank 7", () -> g.incl(7));
            expect(ErrorClasses.ERR_RANK, "a second time", () -> g.rangeIncl(new int[][] {{0, 0, 1}, {0, 0, 1}}));
            expect(ErrorClasses.ERR_ARG, "stride 0", () -> g.rangeExcl(new int[][] {{0, 0, 0}}));
            try (Group one = g.incl(rank())) {
                assertEquals(1, one.getSize());
            }
        }
    }

    @RankTest
    public static void inPlaceIsNotAPointToPointBuffer() {
        expect(ErrorClasses.ERR_BUFFER, "IN_PLACE", () -> W.send(MPI.IN_PLACE, next(), 1));
        expect(ErrorClasses.ERR_BUFFER, "IN_PLACE", () -> W.recv(MPI.IN_PLACE, prev(), 1));
        expect(ErrorClasses.ERR_BUFFER, "IN_PLACE", () -> W.isend(MPI.IN_PLACE, next(), 1));
        expect(ErrorClasses.ERR_BUFFER, "IN_PLACE", () -> W.irecv(MPI.IN_PLACE, prev(), 1));
        expect(ErrorClasses.ERR_BUFFER, "IN_PLACE", () -> W.sendrecv(MPI.IN_PLACE, next(), 1, new int[1], prev(), 1));
    }

    @RankTest
    public static void freedOpsAndUnknownFortranHandles() {
        Op mine = Op.ofLongs(Long::sum, true);
        mine.free();
        expect(ErrorClasses.ERR_OP, "freed", () -> W.reduceObject(1L, mine, 0));
        expect(ErrorClasses.ERR_OP, "freed", () -> W.allreduceObject(1L, mine));
        if (Family.current() == Family.OPEN_MPI) {
            // Open MPI's f2c answers a C NULL for an index it never gave out: refused at once
            expect(ErrorClasses.ERR_ARG, "names no request", () -> Request.fromFortran(123456));
            expect(ErrorClasses.ERR_ARG, "names no communicator", () -> Intracomm.fromFortran(123456));
            expect(ErrorClasses.ERR_ARG, "names no datatype", () -> Datatype.fromFortran(123456));
        } else {
            // MPICH's Fortran handles are its C handles (f2c is a cast): the value is wrapped as given and MPI refuses
            // it at its first use (a communicator's is at once: wrapping asks MPI whether it is an intercommunicator)
            Request r = Request.fromFortran(123456);
            assertEquals(123456, r.handle());
            expect(ErrorClasses.ERR_REQUEST, "Invalid MPI_Request", r::test);
            expect(ErrorClasses.ERR_COMM, "Invalid communicator", () -> Intracomm.fromFortran(123456));
            Datatype d = Datatype.fromFortran(123456);
            assertEquals(123456, d.handle());
            expect(ErrorClasses.ERR_TYPE, "Invalid datatype", d::size);
        }
    }

    /**
     * Issue 13: a blocking receive into a heap array once held the array pinned (JNI critical) for the whole wait.
     * Another thread of the rank that then needed a GC stalled, and when that thread was the one sending what the
     * ring waits for, the job deadlocked. Thread A waits in recv(int[]) while thread B allocates hard, then sends.
     */
    @RankTest
    public static void aBlockingReceiveIntoAnArrayDoesNotStallTheCollector() throws Exception {
        int[] got = new int[1 << 16];
        AtomicReference<Throwable> failed = new AtomicReference<>();
        CountDownLatch receiving = new CountDownLatch(1);
        Thread a = new Thread(() -> {
            try {
                receiving.countDown();
                if (Ring.selfSendWaitsForReceive()) {
                    // one process under MPICH 4.0.2: a blocking receive never sees the other thread's send to this
                    // process (see Ring.selfSendWaitsForReceive), MPI_Test does: the receive waits by polling
                    Request r = W.irecv(got, prev(), 31);
                    while (!r.test()) {
                        Thread.onSpinWait();
                    }
                } else {
                    W.recv(got, prev(), 31);
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "receiver");
        Thread b = new Thread(() -> {
            try {
                receiving.await();
                Thread.sleep(200);   // A is inside MPI_Recv now
                long sink = 0;
                for (int i = 0; i < 400; i++) {
                    byte[] garbage = new byte[1 << 20];   // ~400 MiB through a 256 MiB heap: GCs must run
                    sink += garbage[i % garbage.length] + garbage.length;
                }
                int[] msg = new int[1 << 16];
                Arrays.fill(msg, rank() + (int) (sink & 0));
                W.send(msg, next(), 31);
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "allocator");
        a.start();
        b.start();
        a.join(TimeUnit.SECONDS.toMillis(30));
        b.join(TimeUnit.SECONDS.toMillis(5));
        assertTrue(!a.isAlive() && !b.isAlive(), "deadlock: receiver alive " + a.isAlive() + ", allocator alive " + b.isAlive()
                + ", failure: " + failed.get());
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
        for (int v : got) {
            assertEquals(prev(), v);
        }
    }

    /** Issue 13: a pending request keeps a direct buffer reachable, so the GC cannot free its memory under MPI. */
    @RankTest
    public static void aPendingRequestKeepsItsDirectBufferAlive() {
        Request r = W.irecv(java.nio.ByteBuffer.allocateDirect(1 << 20).order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer(), prev(), 45);
        java.lang.ref.WeakReference<Object> probe = new java.lang.ref.WeakReference<>(new Object());
        for (int i = 0; i < 20 && probe.get() != null; i++) {
            System.gc();
        }
        double[] out = new double[1 << 17];
        Arrays.fill(out, rank());
        W.send(out, next(), 45);
        r.waitFor();
        BadInputRanks.ringStillWorks();
    }

    /** Issue 18: errors name the values: the bad rank with the communicator's size, the bad tag with MPI_TAG_UB. */
    @RankTest
    public static void rankAndTagErrorsNameTheValues() {
        int n = W.getSize();
        expect(ErrorClasses.ERR_RANK, "send: dest " + (n + 3) + " is not a rank of this communicator (size " + n + ")",
                () -> W.send(new int[1], n + 3, 1));
        expect(ErrorClasses.ERR_RANK, "irecv: source -7 is not a rank", () -> W.irecv(new int[1], -7, 1));
        expect(ErrorClasses.ERR_TAG, "isend: tag -5 is negative", () -> W.isend(new int[1], next(), -5));
        expect(ErrorClasses.ERR_TAG, "recv: tag -9 is negative", () -> W.recv(new int[1], prev(), -9));
        expect(ErrorClasses.ERR_RANK, "probe: source " + n, () -> W.iprobe(n, 0));
        int ub = MPI.getTagUB();
        if (ub < Integer.MAX_VALUE) {
            expect(ErrorClasses.ERR_TAG, "exceeds MPI_TAG_UB (" + ub + ")", () -> W.send(new int[1], next(), ub + 1));
        }
    }

    /**
     * Issue 17: a derived type whose byte displacements overflow 64-bit arithmetic is refused when it is built. Neither
     * MPI checks: MPICH 4.0.2 builds hvector(255, 32, 2^63-1) of doubles and reports extent 2 and true extent 2 for its
     * 65280 bytes, so mpi4j's bounds checks, made with those numbers, passed 30 elements of it from a 32-double array
     * and MPI_Accumulate read and wrote 2^63 bytes away (the overflow fuzz's SIGSEGV on MPICH, replay seed
     * -2361367446003758842; Open MPI reports lb -254, extent 512 for the same type, which the checks happened to
     * refuse). Every constructor is covered; types just inside the limit still build, with the bounds MPI reports
     * equal to the exact ones.
     */
    @RankTest
    public static void aTypeWhoseBoundsOverflowIsRefusedWhenBuilt() {
        // the fuzz's call, as it was made
        double[] origin = new double[32];
        Arrays.fill(origin, 1.5);
        try (org.mpi4j.Win win = org.mpi4j.Win.allocate(256, 8, org.mpi4j.Info.NULL, MPI.COMM_SELF)) {
            double[] marks = new double[32];
            Arrays.fill(marks, GAP);
            win.lockAll();
            win.put(marks, 0, 0, 32, Datatype.DOUBLE);
            win.unlockAll();
            expect(ErrorClasses.ERR_ARG, "overflow 64-bit", () -> {
                try (Datatype t = Datatype.DOUBLE.hvector(255, 32, Long.MAX_VALUE).commit()) {
                    win.lockAll();
                    try {
                        win.accumulate(BufferSpec.of(origin, 0, 30, t), 0, 16, 30, t, Op.SUM);
                    } finally {
                        win.unlockAll();
                    }
                }
            });
            double[] window = new double[32];
            win.lockAll();
            win.get(window, 0, 0, 32, Datatype.DOUBLE);
            win.unlockAll();
            assertArrayEquals(marks, window, "the window is untouched");
        }
        for (double v : origin) {
            assertEquals(1.5, v);
        }
        try (Datatype wide = Datatype.DOUBLE.resized(0, 1L << 40).commit();
             Datatype huge = Datatype.DOUBLE.resized(0, 1L << 61).commit();
             Datatype big = Datatype.DOUBLE.resized(0, 1L << 50).commit()) {
            Object[][] overflowing = {
                {"hvector stride 2^63-1", (Runnable) () -> Datatype.DOUBLE.hvector(2, 1, Long.MAX_VALUE)},
                {"hvector negative stride", (Runnable) () -> Datatype.DOUBLE.hvector(3, 1, Long.MIN_VALUE / 2)},
                {"vector stride x extent", (Runnable) () -> wide.vector(3, 1, Integer.MAX_VALUE)},
                {"contiguous x extent", (Runnable) () -> huge.contiguous(4)},
                {"resized upper bound", (Runnable) () -> Datatype.DOUBLE.resized(1L << 62, 1L << 62)},
                {"resized lower bound", (Runnable) () -> Datatype.DOUBLE.resized(Long.MIN_VALUE, 8)},
                {"indexed displacement x extent", (Runnable) () -> wide.indexed(new int[] {1, 1}, new int[] {0, Integer.MAX_VALUE})},
                {"hindexed displacement", (Runnable) () -> Datatype.DOUBLE.hindexed(new int[] {1}, new long[] {Long.MAX_VALUE - 4})},
                {"indexedBlock displacement x extent", (Runnable) () -> wide.indexedBlock(2, new int[] {Integer.MIN_VALUE})},
                {"hindexedBlock displacement", (Runnable) () -> Datatype.DOUBLE.hindexedBlock(1, new long[] {Long.MIN_VALUE})},
                {"struct displacement", (Runnable) () -> Datatype.struct(new int[] {1, 1}, new long[] {0, Long.MAX_VALUE},
                        new Datatype[] {Datatype.DOUBLE, Datatype.INT})},
                {"subarray of a wide type", (Runnable) () -> big.subarray(new int[] {1 << 20, 1 << 20}, new int[] {1, 1},
                        new int[] {0, 0}, Datatype.ORDER_C)},
                {"overlapping blocks whose size overflows", (Runnable) () -> Datatype.DOUBLE.hvector(Integer.MAX_VALUE, Integer.MAX_VALUE, 0)},
            };
            for (Object[] c : overflowing) {
                MPIException e = org.junit.jupiter.api.Assertions.assertThrows(MPIException.class, () -> ((Runnable) c[1]).run(),
                        (String) c[0] + " must be refused");
                assertEquals(ErrorClasses.name(ErrorClasses.ERR_ARG), ErrorClasses.name(e.getErrorClass()), c[0] + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("overflow 64-bit"), c[0] + ": " + e.getMessage());
            }
            // just inside the limit: built, and MPI's bounds are the exact ones
            try (Datatype a = Datatype.DOUBLE.hvector(2, 1, 1L << 40).commit();
                 Datatype b = Datatype.DOUBLE.resized(-(1L << 40), 1L << 41).commit();
                 Datatype c = Datatype.DOUBLE.vector(3, 1, Integer.MAX_VALUE).commit();
                 Datatype d = Datatype.struct(new int[] {1, 1}, new long[] {0, 1L << 45}, new Datatype[] {Datatype.DOUBLE, Datatype.INT}).commit();
                 Datatype e = huge.contiguous(1).commit()) {
                assertEquals((1L << 40) + 8, a.extent());
                assertEquals(16, a.size());
                assertEquals(-(1L << 40), b.lowerBound());
                assertEquals(1L << 41, b.extent());
                assertEquals(2L * Integer.MAX_VALUE * 8 + 8, c.trueExtent());
                assertEquals((1L << 45) + 4, d.trueExtent());
                assertEquals(1L << 61, e.extent());
                // and the usual bounds hold with them: two elements of a do not fit in 4 doubles
                expect(ErrorClasses.ERR_COUNT, "", () -> MPI.COMM_SELF.sendrecv(BufferSpec.of(new double[4], 2, a), 0, 5,
                        new double[4], 0, 5));
            }
        }
    }
}
