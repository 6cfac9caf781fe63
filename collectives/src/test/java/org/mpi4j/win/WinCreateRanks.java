package org.mpi4j.win;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Win;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.jni.LibMpi;
import org.mpi4j.testing.RankTest;

/**
 * Windows created over memory the program holds (Win.create, Win.createDynamic): Open MPI 4.1 as Debian configures
 * it makes these only on communicators of 2 or more processes (see {@link #selfWindowWorksOrSaysWhy}), so this class
 * runs on 2, 3 and 4 ranks; {@link WinRanks} covers allocated windows on 1 rank too.
 */
public final class WinCreateRanks {
    private WinCreateRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    static DoubleBuffer doubles(int n) {
        return WinRanks.doubles(n);
    }

    static LongBuffer longs(int n) {
        return WinRanks.longs(n);
    }

    static double v(int from, int i) {
        return WinRanks.v(from, i);
    }

    static MPIException expect(int errorClass, String words, Executable call) {
        return WinRanks.expect(errorClass, words, call);
    }

    @RankTest
    public static void a1_createOverDirectBufferPutWithFence() {
        DoubleBuffer mem = doubles(4);
        for (int i = 0; i < 4; i++) {
            mem.put(i, -1);
        }
        try (Win w = Win.create(mem, W)) {
            assertEquals(32, w.getSize());
            assertEquals(8, w.getDispUnit());
            assertEquals(Win.FLAVOR_CREATE, w.getCreateFlavor());
            assertTrue(w.getModel() == Win.UNIFIED || w.getModel() == Win.SEPARATE);
            assertEquals(MPI.getAddress(mem), w.getBaseAddress());
            assertEquals(32, w.getSize(next()));
            assertEquals(8, w.getDispUnit(prev()));
            w.fence();
            double[] data = {v(rank(), 0), v(rank(), 1)};
            w.put(data, next(), 1);                       // heap origin: staged now
            assertEquals(1, w.getPendingCount());
            data[0] = 999;                                // too late to change what goes
            w.fence();
            assertEquals(0, w.getPendingCount());
            assertEquals(-1, mem.get(0));
            assertEquals(v(prev(), 0), mem.get(1));
            assertEquals(v(prev(), 1), mem.get(2));
            assertEquals(-1, mem.get(3));
        }
    }

    @RankTest
    public static void b3_dynamicWindowAttach() {
        try (Win w = Win.createDynamic(Info.NULL, W)) {
            assertEquals(Win.FLAVOR_DYNAMIC, w.getCreateFlavor());
            LongBuffer mem = longs(2);
            mem.put(0, -1).put(1, -1);
            w.attach(mem);
            long[] addrs = new long[size()];
            W.allgather(new long[] {MPI.getAddress(mem)}, addrs);
            W.barrier();
            w.lock(Win.LOCK_EXCLUSIVE, next());
            w.put(new long[] {rank() * 7L}, next(), MPI.aintAdd(addrs[next()], 8));
            w.unlock(next());
            W.barrier();
            assertEquals(-1, mem.get(0));
            assertEquals(prev() * 7L, mem.get(1));
            W.barrier();
            w.detach(mem);
            expect(ErrorClasses.ERR_BUFFER, "heap", () -> w.attach(new long[2]));
        }
    }

    /**
     * Neither Open MPI nor MPICH refuses a put outside the memory a target attached to a dynamic window (they write
     * there); mpi4j does, from every target's published regions, and nothing around a region changes.
     */
    @RankTest
    public static void b4_dynamicWindowRangeChecks() {
        ByteBuffer big = ByteBuffer.allocateDirect(256).order(ByteOrder.nativeOrder());
        for (int i = 0; i < 256; i++) {
            big.put(i, (byte) 0x5A);
        }
        ByteBuffer region = big.slice(64, 16).order(ByteOrder.nativeOrder());
        ByteBuffer raw = MPI.allocMem(8);
        raw.putLong(0, -1);
        try (Win w = Win.createDynamic(Info.NULL, W)) {
            w.attach(region);
            long[] addrs = new long[size()];
            W.allgather(new long[] {MPI.getAddress(region)}, addrs);
            long there = addrs[next()];
            w.lockAll();
            w.put(new long[] {rank() * 11L}, next(), MPI.aintAdd(there, 8));                  // inside: goes
            expect(ErrorClasses.ERR_RMA_RANGE, "not inside memory it attached",
                    () -> w.put(new long[] {1}, next(), MPI.aintAdd(there, 16)));             // just past the end
            expect(ErrorClasses.ERR_RMA_RANGE, "its attached regions are",
                    () -> w.put(new long[] {1, 2}, next(), MPI.aintAdd(there, 8)));           // straddles the end
            expect(ErrorClasses.ERR_RMA_RANGE, "not inside memory it attached",
                    () -> w.get(new long[1], next(), MPI.aintAdd(there, -8)));                // just before
            expect(ErrorClasses.ERR_RMA_RANGE, "not inside memory it attached",
                    () -> w.accumulate(new long[] {1}, rank(), MPI.aintAdd(addrs[rank()], 16), Op.SUM));  // self
            expect(ErrorClasses.ERR_RMA_RANGE, "not inside memory it attached",
                    () -> w.put(new long[] {1}, next(), 8));                                 // a displacement, not an address
            w.flushAll();
            W.barrier();
            assertEquals(prev() * 11L, region.getLong(8));
            // a region attached later is found once the origin reads the target's list again
            w.attach(MPI.getAddress(raw), 8);
            long[] raws = new long[size()];
            W.allgather(new long[] {MPI.getAddress(raw)}, raws);
            w.put(new long[] {rank() * 13L}, next(), raws[next()]);
            expect(ErrorClasses.ERR_RMA_RANGE, "its attached regions are",
                    () -> w.put(new long[] {1}, next(), MPI.aintAdd(raws[next()], 1)));
            w.unlockAll();
            W.barrier();
            assertEquals(prev() * 13L, raw.getLong(0));
            region.putLong(8, 0x5A5A5A5A5A5A5A5AL);
            for (int i = 0; i < 256; i++) {
                assertEquals((byte) 0x5A, big.get(i), "byte " + i + " around the attached region");
            }
            w.detach(MPI.getAddress(raw));
            w.detach(region);
            W.barrier();
        }
        MPI.freeMem(raw);
    }

    @RankTest
    public static void d1_memoryAndAddresses() {
        ByteBuffer m = MPI.allocMem(64);
        assertTrue(m.isDirect());
        assertEquals(64, m.capacity());
        assertEquals(ByteOrder.nativeOrder(), m.order());
        m.putLong(56, 77);
        long a = MPI.getAddress(m);
        long b = MPI.getAddress(BufferSpec.of(m, 16, 8, Datatype.BYTE));
        assertEquals(16, MPI.aintDiff(b, a));
        assertEquals(b, MPI.aintAdd(a, 16));
        // allocMem memory as window memory
        try (Win w = Win.create(m, 1, Info.NULL, W)) {
            w.fence();
            long[] got = new long[1];
            w.get(got, next(), 56);
            w.fence();
            assertEquals(77, got[0]);
        }
        MPI.freeMem(m);
        expect(LibMpi.MPI_ERR_BASE(), "not allocated by MPI.allocMem", () -> MPI.freeMem(m));
        expect(LibMpi.MPI_ERR_BASE(), "not allocated by MPI.allocMem",
                () -> MPI.freeMem(ByteBuffer.allocateDirect(8)));
        expect(ErrorClasses.ERR_BUFFER, "no fixed address", () -> MPI.getAddress(new int[3]));
        assertNotEquals(0, MPI.getAddress(longs(1)));
    }
    @RankTest
    public static void e1_rawAddressWindowAndInterop() {
        ByteBuffer m = MPI.allocMem(32);
        m.order(ByteOrder.nativeOrder());
        for (int i = 0; i < 4; i++) {
            m.putLong(8 * i, 100L * MPI.COMM_WORLD.getRank() + i);
        }
        try (Win w = Win.create(MPI.getAddress(m), 32, 8, Info.NULL, W)) {
            assertEquals(MPI.getAddress(m), w.getBaseAddress());
            assertEquals(32, w.getSize(next()));
            Win same = Win.fromHandle(w.handle());             // interop: mpi4j's own window comes back
            assertTrue(same == w);
            assertTrue(Win.fromFortran(w.toFortran()) == w);
            w.fence();
            long[] got = new long[2];
            same.get(got, next(), 2);
            w.fence();
            assertArrayEquals(new long[] {100L * next() + 2, 100L * next() + 3}, got);
            MPIException e = assertThrows(MPIException.class, () -> w.callErrhandler(ErrorClasses.ERR_OTHER));
            assertEquals(ErrorClasses.ERR_OTHER, e.getErrorClass(), e.getMessage());
            w.fence();
        }
        MPI.freeMem(m);
    }

    @RankTest
    public static void selfWindowWorksOrSaysWhy() {
        DoubleBuffer mem = doubles(2);
        Win w;
        try {
            w = Win.create(mem, MPI.COMM_SELF);
        } catch (MPIException e) {
            assertEquals(LibMpi.MPI_ERR_WIN(), e.getErrorClass());
            assertTrue(e.getMessage().contains("one-process communicator") && e.getMessage().contains("Win.allocate"),
                    e.getMessage());
            return;
        }
        try (w) {
            w.fence();
            w.put(new double[] {7.5}, 0, 1);
            w.fence();
            assertEquals(7.5, mem.get(1));
        }
    }
}
