package org.mpi4j.win;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Errhandler;
import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Request;
import org.mpi4j.Win;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.jni.LibMpi;
import org.mpi4j.testing.RankTest;

/** One-sided communication (issue 15): every Win call on real ranks, with data checked at the target. */
public final class WinRanks {
    private WinRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    static DoubleBuffer doubles(int n) {
        return ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    static LongBuffer longs(int n) {
        return ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    static double v(int from, int i) {
        return from * 100 + i + 0.5;
    }

    static MPIException expect(int errorClass, String words, Executable call) {
        MPIException e = assertThrows(MPIException.class, call);
        assertEquals(ErrorClasses.name(errorClass), ErrorClasses.name(e.getErrorClass()),
                "error class; message: " + e.getMessage());
        assertTrue(e.getMessage().contains(words), "message '" + e.getMessage() + "' should say '" + words + "'");
        return e;
    }

    @RankTest
    public static void a2_getIntoHeapArrayLandsAtFence() {
        try (Win w = Win.allocate(24, 8, Info.NULL, W)) {
            DoubleBuffer mem = w.getBuffer().asDoubleBuffer();
            for (int i = 0; i < 3; i++) {
                mem.put(i, v(rank(), i));
            }
            w.fence();
            double[] got = {-5, -5, -5, -5};
            w.get(BufferSpec.of(got, 1, 3, Datatype.DOUBLE), next(), 0);
            assertArrayEquals(new double[] {-5, -5, -5, -5}, got, "a staged get lands only when the epoch completes");
            w.fence();
            assertArrayEquals(new double[] {-5, v(next(), 0), v(next(), 1), v(next(), 2)}, got);
            // a direct-buffer origin is used in place
            DoubleBuffer d = doubles(2);
            w.get(d, prev(), 1);
            w.fence();
            assertEquals(v(prev(), 1), d.get(0));
            assertEquals(v(prev(), 2), d.get(1));
        }
    }

    @RankTest
    public static void a3_targetDatatypePutsAColumn() {
        // each rank's window is a 3x3 row-major matrix; the previous rank writes our column 1
        try (Datatype column = Datatype.DOUBLE.vector(3, 1, 3).commit(); Win w = Win.allocate(72, 8, Info.NULL, W)) {
            DoubleBuffer mem = w.getBuffer().asDoubleBuffer();
            for (int i = 0; i < 9; i++) {
                mem.put(i, -1);
            }
            w.fence();
            w.put(new double[] {v(rank(), 0), v(rank(), 1), v(rank(), 2)}, next(), 1, 1, column);
            w.fence();
            for (int i = 0; i < 9; i++) {
                double want = i % 3 == 1 ? v(prev(), i / 3) : -1;
                assertEquals(want, mem.get(i), "element " + i);
            }
            // and read it back as a column
            double[] back = new double[3];
            w.get(back, next(), 1, 1, column);
            w.fence();
            assertArrayEquals(new double[] {v(rank(), 0), v(rank(), 1), v(rank(), 2)}, back);
        }
    }

    @RankTest
    public static void a4_accumulateEveryPredefinedOp() {
        Op[] ops = {Op.SUM, Op.PROD, Op.MAX, Op.MIN, Op.BAND, Op.BOR, Op.BXOR, Op.LAND, Op.LOR, Op.LXOR, Op.REPLACE};
        long[] init = {0, 1, Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 0, 1, 0, 0, -7, 42};
        int n = size();
        try (Win w = Win.allocate(8L * init.length, 8, Info.NULL, W)) {
            LongBuffer mem = w.getBuffer().asLongBuffer();
            assertEquals(Win.FLAVOR_ALLOCATE, w.getCreateFlavor());
            for (int k = 0; k < init.length; k++) {
                mem.put(k, init[k]);
            }
            w.fence();
            long mine = rank() + 2;                        // 2, 3, 4, 5
            for (int k = 0; k < ops.length; k++) {
                w.accumulate(new long[] {k >= 7 && k <= 9 ? rank() % 2 : mine}, 0, k, ops[k]);
            }
            // MPI allows NO_OP only in getAccumulate and fetchAndOp: MPI itself refuses it here, nothing changes
            MPIException e = assertThrows(MPIException.class, () -> w.accumulate(new long[] {mine}, 0, 11, Op.NO_OP));
            assertEquals(ErrorClasses.ERR_OP, e.getErrorClass(), e.getMessage());
            w.fence();
            if (rank() == 0) {
                long sum = 0, prod = 1, band = -1, bor = 0, bxor = 0;
                boolean land = true, lor = false, lxor = false;
                for (int r = 0; r < n; r++) {
                    long x = r + 2;
                    sum += x;
                    prod *= x;
                    band &= x;
                    bor |= x;
                    bxor ^= x;
                    boolean b = r % 2 != 0;
                    land &= b;
                    lor |= b;
                    lxor ^= b;
                }
                assertEquals(sum, mem.get(0), "SUM");
                assertEquals(prod, mem.get(1), "PROD");
                assertEquals(n + 1, mem.get(2), "MAX");
                assertEquals(2, mem.get(3), "MIN");
                assertEquals(band, mem.get(4), "BAND");
                assertEquals(bor, mem.get(5), "BOR");
                assertEquals(bxor, mem.get(6), "BXOR");
                assertEquals(land ? 1 : 0, mem.get(7), "LAND");
                assertEquals(lor ? 1 : 0, mem.get(8), "LOR");
                assertEquals(lxor ? 1 : 0, mem.get(9), "LXOR");
                long rep = mem.get(10);
                assertTrue(rep >= 2 && rep <= n + 1, "REPLACE leaves one origin's value, got " + rep);
                assertEquals(42, mem.get(11), "NO_OP");
            }
        }
    }

    @RankTest
    public static void a5_fetchAndOpCounterUnderLock() {
        try (Win w = Win.allocate(rank() == 0 ? 8 : 0, 8, Info.NULL, W)) {
            if (rank() == 0) {
                w.getBuffer().putLong(0, 0);
            }
            W.barrier();
            long[] got = new long[5];
            long[] one = {1};
            for (int i = 0; i < 5; i++) {
                long[] result = {-1};
                w.lock(Win.LOCK_SHARED, 0);
                w.fetchAndOp(one, result, 0, 0, Op.SUM);
                assertEquals(-1, result[0], "a staged result lands at unlock");
                w.unlock(0);
                got[i] = result[0];
            }
            for (int i = 1; i < 5; i++) {
                assertTrue(got[i] > got[i - 1], "a counter only grows: " + Arrays.toString(got));
            }
            long[] all = new long[5 * size()];
            W.allgather(got, all);
            Arrays.sort(all);
            for (int i = 0; i < all.length; i++) {
                assertEquals(i, all[i], "every counter value is fetched exactly once: " + Arrays.toString(all));
            }
            W.barrier();
            // NO_OP reads atomically, origin null
            long[] now = {-1};
            w.lock(Win.LOCK_SHARED, 0);
            w.fetchAndOp(null, now, 0, 0, Op.NO_OP);
            w.unlock(0);
            assertEquals(5L * size(), now[0]);
        }
    }

    @RankTest
    public static void a6_compareAndSwapOneWinner() {
        // 32-bit: Open MPI 4.1's osc rdma crashes in compare-and-swap of 64-bit types over vader (ompi#7967, #11349)
        try (Win w = Win.allocate(4, 4, Info.NULL, W)) {
            w.getBuffer().putInt(0, -1);
            W.barrier();
            int[] result = {0};
            w.lock(Win.LOCK_SHARED, 0);
            w.compareAndSwap(new int[] {rank()}, new int[] {-1}, result, 0, 0);
            assertEquals(0, result[0], "a staged result lands at unlock");
            w.unlock(0);
            int won = result[0] == -1 ? 1 : 0;
            int[] total = new int[1];
            W.allreduce(new int[] {won}, total, Op.SUM);
            assertEquals(1, total[0], "exactly one rank swaps");
            int[] winner = {won == 1 ? rank() : -1};
            int[] max = new int[1];
            W.allreduce(winner, max, Op.MAX);
            if (rank() == 0) {
                assertEquals(max[0], w.getBuffer().getInt(0));
            }
            if (won == 0) {
                assertEquals(max[0], result[0], "losers see the winner's value");
            }
            W.barrier();
            expect(ErrorClasses.ERR_TYPE, "same datatype",
                    () -> w.compareAndSwap(new long[] {1}, new int[] {-1}, new int[1], 0, 0));
            expect(ErrorClasses.ERR_COUNT, "must hold one element",
                    () -> w.compareAndSwap(new int[0], new int[] {-1}, new int[1], 0, 0));
        }
    }

    @RankTest
    public static void a7_getAccumulate() {
        try (Win w = Win.allocate(16, 8, Info.NULL, W)) {
            LongBuffer mem = w.getBuffer().asLongBuffer();
            mem.put(0, 10 * rank());
            mem.put(1, 10 * rank() + 1);
            w.fence();
            long[] old = new long[2];
            w.getAccumulate(new long[] {1000, 2000}, old, next(), 0, Op.SUM);
            w.fence();
            assertArrayEquals(new long[] {10L * next(), 10L * next() + 1}, old);
            assertEquals(10L * rank() + 1000, mem.get(0));
            assertEquals(10L * rank() + 2001, mem.get(1));
            long[] peek = new long[1];
            w.getAccumulate(null, peek, prev(), 1, Op.NO_OP);
            w.fence();
            assertEquals(10L * prev() + 2001, peek[0]);
        }
    }

    @RankTest
    public static void a8_requestFormsInLockAll() {
        try (Win w = Win.allocate(32, 8, Info.NULL, W)) {
            LongBuffer mem = w.getBuffer().asLongBuffer();
            for (int i = 0; i < 4; i++) {
                mem.put(i, 0);
            }
            W.barrier();
            w.lockAll();
            Request a = w.rput(new long[] {rank() + 100L}, next(), 0);
            Request b = w.raccumulate(new long[] {rank() + 1L}, 0, 1, Op.SUM);
            a.waitFor();
            b.waitFor();
            w.flushAll();
            w.unlockAll();
            W.barrier();
            assertEquals(prev() + 100L, mem.get(0));
            if (rank() == 0) {
                assertEquals((long) size() * (size() + 1) / 2, mem.get(1));
            }
            W.barrier();
            w.lockAll();
            long[] got = {-3};
            Request c = w.rget(got, next(), 0);
            c.waitFor();
            assertEquals(rank() + 100L, got[0], "rget lands when its request completes");
            long[] old = {-3};
            Request d = w.rgetAccumulate(new long[] {5}, old, prev(), 2, Op.SUM);
            d.waitFor();
            w.flush(prev());
            w.flushLocal(next());
            w.flushLocalAll();
            w.unlockAll();
            W.barrier();
            assertEquals(0, old[0]);
            assertEquals(5, mem.get(2));
        }
    }

    @RankTest
    public static void a9_pscwRing() {
        try (Win w = Win.allocate(16, 8, Info.NULL, W); Group world = W.getGroup();
             Group from = world.incl(prev()); Group to = world.incl(next())) {
            DoubleBuffer mem = w.getBuffer().asDoubleBuffer();
            w.post(from, 0);
            w.start(to, 0);
            w.put(new double[] {v(rank(), 0), v(rank(), 1)}, next(), 0);
            w.complete();
            w.waitFor();
            assertEquals(v(prev(), 0), mem.get(0));
            assertEquals(v(prev(), 1), mem.get(1));
            // again, finishing the exposure with test()
            w.post(from, 0);
            w.start(to, 0);
            double[] got = new double[1];
            w.get(got, next(), 1);
            w.complete();
            assertEquals(v(rank(), 1), got[0]);
            while (!w.test()) {
                Thread.onSpinWait();
            }
        }
    }

    @RankTest
    public static void b1_exclusiveLockAndSync() {
        try (Win w = Win.allocate(16, 4, Info.NULL, W)) {
            IntBuffer mem = w.getBuffer().asIntBuffer();
            for (int i = 0; i < 4; i++) {
                mem.put(i, 0);
            }
            W.barrier();
            for (int k = 0; k < size(); k++) {
                w.lock(Win.LOCK_EXCLUSIVE, k);
                w.accumulate(new int[] {1}, k, rank() % 4, Op.SUM);
                w.unlock(k);
            }
            W.barrier();
            w.lock(Win.LOCK_SHARED, rank());
            w.sync();
            int total = 0;
            for (int i = 0; i < 4; i++) {
                total += mem.get(i);
            }
            w.unlock(rank());
            assertEquals(size(), total, "one increment from every rank");
        }
    }

    @RankTest
    public static void b2_sharedWindowQuery() {
        try (Intracomm node = W.splitType(MPI.COMM_TYPE_SHARED, rank());
             Win w = Win.allocateShared(8L * (node.getRank() + 1), 8, Info.NULL, node)) {
            assertEquals(Win.FLAVOR_SHARED, w.getCreateFlavor());
            LongBuffer mine = w.getBuffer().asLongBuffer();
            assertEquals(node.getRank() + 1, mine.capacity());
            w.lockAll();
            for (int i = 0; i < mine.capacity(); i++) {
                mine.put(i, 1000L * node.getRank() + i);
            }
            w.sync();
            node.barrier();
            w.sync();
            for (int r = 0; r < node.getSize(); r++) {
                Win.Segment s = w.sharedQuery(r);
                assertEquals(8L * (r + 1), s.size());
                assertEquals(8, s.dispUnit());
                LongBuffer peer = s.buffer().asLongBuffer();
                for (int i = 0; i <= r; i++) {
                    assertEquals(1000L * r + i, peer.get(i), "rank " + r + " element " + i);
                }
            }
            w.unlockAll();
            expect(LibMpi.MPI_ERR_RMA_FLAVOR(), "allocateShared", () -> {
                try (Win c = Win.allocate(8, 8, Info.NULL, MPI.COMM_SELF)) {
                    c.sharedQuery(0);
                }
            });
        }
    }

    @RankTest
    public static void b4_namesInfoErrhandlerGroup() {
        try (Win w = Win.allocate(8, 1, Info.NULL, W)) {
            w.setName("counters");
            assertEquals("counters", w.getName());
            assertEquals(Errhandler.ERRORS_RETURN, w.getErrhandler(), "every mpi4j window returns errors");
            w.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertEquals(Errhandler.ERRORS_ARE_FATAL, w.getErrhandler());
            w.setErrhandler(Errhandler.ERRORS_RETURN);
            try (Info info = w.getInfo()) {
                assertNotNull(info);
            }
            try (Info hint = Info.create()) {
                hint.set("no_locks", "false");
                w.setInfo(hint);
            }
            try (Group g = w.getGroup()) {
                assertEquals(size(), g.getSize());
                assertEquals(rank(), g.getRank());
            }
            assertEquals(w.handle(), Win.fromFortran(w.toFortran()).handle());
            assertTrue(w.toString().contains("counters"));
        }
    }

    @RankTest
    public static void c1_outOfWindowRefusedBeforeMpi() {
        try (Win w = Win.allocate(32, 8, Info.NULL, W); Datatype column = Datatype.DOUBLE.vector(3, 1, 3).commit()) {
            DoubleBuffer mem = w.getBuffer().asDoubleBuffer();
            for (int i = 0; i < 4; i++) {
                mem.put(i, v(rank(), i));
            }
            w.fence();
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside its window of 32 bytes",
                    () -> w.put(new double[2], next(), 3));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside", () -> w.get(new double[5], next(), 0));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside", () -> w.accumulate(new double[1], next(), 4, Op.SUM));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside", () -> w.put(new double[3], next(), 0, 1, column));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "negative", () -> w.put(new double[1], next(), -1));
            expect(ErrorClasses.ERR_COUNT, "overflows 64-bit", () -> w.put(new double[1], next(), Long.MAX_VALUE / 4));
            expect(ErrorClasses.ERR_RANK, "not in the window's group", () -> w.put(new double[1], size(), 0));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside",
                    () -> w.fetchAndOp(new double[] {1}, new double[1], next(), 4, Op.SUM));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside",
                    () -> w.getAccumulate(new double[2], new double[2], next(), 3, Op.SUM));
            expect(LibMpi.MPI_ERR_RMA_RANGE(), "outside", () -> w.rget(new double[5], next(), 0));
            assertEquals(0, w.getPendingCount(), "nothing refused is pending");
            // the window still works: nothing was written anywhere
            double[] got = new double[4];
            w.get(got, next(), 0);
            w.fence();
            for (int i = 0; i < 4; i++) {
                assertEquals(v(next(), i), got[i]);
                assertEquals(v(rank(), i), mem.get(i));
            }
            // MPI.PROC_NULL is a valid target that moves nothing
            w.put(new double[1], MPI.PROC_NULL, 1000);
            w.put(doubles(1), MPI.PROC_NULL, 1000);            // every buffer kind, every operation
            w.get(doubles(1), MPI.PROC_NULL, 1000);
            w.accumulate(doubles(1), MPI.PROC_NULL, 1000, Op.SUM);
            w.getAccumulate(doubles(1), doubles(1), MPI.PROC_NULL, 1000, Op.SUM);
            w.fetchAndOp(doubles(1), doubles(1), MPI.PROC_NULL, 1000, Op.SUM);
            w.fence();
            assertEquals(0, w.getPendingCount());
        }
    }

    @RankTest
    public static void c2_heapArrayIsNotWindowMemory() {
        expect(ErrorClasses.ERR_BUFFER, "Java heap array (double[]) cannot be window memory",
                () -> Win.create(new double[4], W));
        MPIException e = expect(ErrorClasses.ERR_BUFFER, "ByteBuffer.allocateDirect",
                () -> Win.create(DoubleBuffer.wrap(new double[4]), W));
        assertTrue(e.getMessage().contains("Win.allocate") && e.getMessage().contains("MPI.allocMem"), e.getMessage());
        // after a refusal, all ranks can still make a window together
        try (Win w = Win.allocate(8, 8, Info.NULL, W)) {
            w.fence();
            w.put(new double[] {rank()}, next(), 0);
            w.fence();
        }
    }

    @RankTest
    public static void c3_freedWindow() {
        Win w = Win.allocate(8, 8, Info.NULL, W);
        w.free();
        assertTrue(w.isFreed());
        expect(LibMpi.MPI_ERR_WIN(), "freed", () -> w.put(new long[1], 0, 0));
        expect(LibMpi.MPI_ERR_WIN(), "freed", () -> w.get(new long[1], 0, 0));
        expect(LibMpi.MPI_ERR_WIN(), "freed", w::fence);
        expect(LibMpi.MPI_ERR_WIN(), "freed", () -> w.lock(Win.LOCK_SHARED, 0));
        expect(LibMpi.MPI_ERR_WIN(), "freed", w::free);
        w.close();                                         // closing a freed window is a no-op
        expect(LibMpi.MPI_ERR_SIZE(), "negative window size", () -> Win.allocate(-1, 8, Info.NULL, W));
        expect(LibMpi.MPI_ERR_DISP(), "not positive", () -> Win.allocate(8, 0, Info.NULL, W));
    }

    @RankTest
    public static void c4_epochErrorsComeFromMpi() {
        try (Win w = Win.allocate(8, 8, Info.NULL, W)) {
            // a put outside any epoch: Open MPI's osc rdma (windows of 2+ processes) reports MPI_ERR_RMA_SYNC; its osc
            // sm (one process) does not check epochs. Either way the window stays usable.
            long[] untouched = {-9};
            if (size() > 1) {
                MPIException e = assertThrows(MPIException.class, () -> w.put(new long[] {1}, next(), 0));
                assertEquals(LibMpi.MPI_ERR_RMA_SYNC(), e.getErrorClass(), e.getMessage());
                // a failed get leaves nothing pending: the next epoch lands nothing into the array
                e = assertThrows(MPIException.class, () -> w.get(untouched, next(), 0));
                assertEquals(LibMpi.MPI_ERR_RMA_SYNC(), e.getErrorClass(), e.getMessage());
                assertEquals(0, w.getPendingCount());
            }
            w.fence();
            w.put(new long[] {rank() + 1L}, next(), 0);
            w.fence();
            assertEquals(prev() + 1L, w.getBuffer().getLong(0));
            assertEquals(-9, untouched[0]);
        }
    }

    @RankTest
    public static void d2_bottomWithAbsoluteAddresses() {
        LongBuffer a = longs(2);
        LongBuffer b = longs(1);
        a.put(0, rank() * 10L).put(1, rank() * 10L + 1);
        b.put(0, rank() * 10L + 2);
        try (Datatype t = Datatype.struct(new int[] {2, 1}, new long[] {MPI.getAddress(a), MPI.getAddress(b)},
                new Datatype[] {Datatype.LONG, Datatype.LONG}).commit();
             Win w = Win.allocate(24, 8, Info.NULL, W)) {
            long[] got = new long[3];
            W.sendrecv(BufferSpec.of(MPI.BOTTOM, 1, t), next(), 5, got, prev(), 5);
            assertArrayEquals(new long[] {prev() * 10L, prev() * 10L + 1, prev() * 10L + 2}, got);
            w.fence();
            w.put(BufferSpec.of(MPI.BOTTOM, 1, t), next(), 0, 3, Datatype.LONG);
            w.fence();
            LongBuffer mem = w.getBuffer().asLongBuffer();
            for (int i = 0; i < 3; i++) {
                assertEquals(prev() * 10L + i, mem.get(i));
            }
        }
    }

}
