package org.mpi4j.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpi4j.testing.Ring.rank;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mpi4j.Datatype;
import org.mpi4j.Group;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Request;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.VBuffer;
import org.mpi4j.buffers.WBuffer;
import org.mpi4j.testing.RankTest;

/**
 * Issue 12's overflow fuzz: every public method that takes a count, offset, displacement, position, extent or size is
 * called with values near 0, -1, Integer.MAX_VALUE, 2^31, 2^62, Long.MAX_VALUE and seeded random ones (one-sided
 * put/get/accumulate into a window of COMM_SELF included), on COMM_SELF (so any valid combination completes locally). Each call must either succeed or throw an
 * {@link MPIException}: no other exception, no JVM crash, and the canary bytes around every target buffer (a slice of
 * a larger direct buffer) never change. Afterwards COMM_SELF and COMM_WORLD still work. The count of calls tried is
 * printed and asserted.
 */
public final class OverflowFuzzRanks {
    private OverflowFuzzRanks() { }

    static final int CANARY = 64;
    static final int BYTES = 256;
    static final byte MARK = (byte) 0xA5;
    static final long[] LONGS = {0, 1, -1, 2, 7, 8, 31, 32, 33, 255, 256, 257, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 31,
        (1L << 31) + 1, 1L << 32, 1L << 62, -(1L << 62), Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 8 + 1,
        Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, (1L << 61) - 1};
    static final int[] INTS = {0, 1, -1, -2, 2, 3, 4, 31, 32, 33, 255, 256, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE / 8 + 1, 1 << 30, -(1 << 30)};

    /** A message target: a slice of a larger direct buffer whose edges are canaries. */
    static final class Target {
        final ByteBuffer outer = ByteBuffer.allocateDirect(CANARY + BYTES + CANARY).order(ByteOrder.nativeOrder());
        final ByteBuffer inner;

        Target() {
            for (int i = 0; i < outer.capacity(); i++) {
                outer.put(i, MARK);
            }
            inner = outer.duplicate().position(CANARY).limit(CANARY + BYTES).slice().order(ByteOrder.nativeOrder());
        }

        void checkCanaries(String call) {
            for (int i = 0; i < CANARY; i++) {
                if (outer.get(i) != MARK || outer.get(CANARY + BYTES + i) != MARK) {
                    throw new AssertionError(call + " wrote outside its buffer (canary byte " + (outer.get(i) != MARK ? i - CANARY
                            : BYTES + i) + ")");
                }
            }
        }
    }

    private static long anyLong(Random r) {
        return r.nextInt(4) == 0 ? r.nextLong() >> r.nextInt(64) : LONGS[r.nextInt(LONGS.length)];
    }

    private static int anyInt(Random r) {
        return r.nextInt(4) == 0 ? r.nextInt() >> r.nextInt(32) : INTS[r.nextInt(INTS.length)];
    }

    private static int[] anyInts(Random r, int n) {
        int len = r.nextInt(8) == 0 ? r.nextInt(3) : n;
        int[] a = new int[len];
        for (int i = 0; i < len; i++) {
            a[i] = r.nextBoolean() ? r.nextInt(8) : anyInt(r);
        }
        return a;
    }

    /** A datatype built from fuzzed arguments (or a predefined one); null when MPI or mpi4j refused to build it. */
    private static Datatype anyType(Random r, List<Datatype> made) {
        Datatype t;
        try {
            switch (r.nextInt(7)) {
                case 0: t = Datatype.DOUBLE.contiguous(anyInt(r)); break;
                case 1: t = Datatype.DOUBLE.vector(anyInt(r), anyInt(r), anyInt(r)); break;
                case 2: t = Datatype.DOUBLE.hvector(anyInt(r), anyInt(r), anyLong(r)); break;
                case 3: t = Datatype.DOUBLE.indexed(anyInts(r, 2), anyInts(r, 2)); break;
                case 4: t = Datatype.DOUBLE.resized(anyLong(r), anyLong(r)); break;
                case 5: t = Datatype.DOUBLE.subarray(new int[] {anyInt(r), 4}, new int[] {anyInt(r), 2}, new int[] {anyInt(r), 1},
                        Datatype.ORDER_C); break;
                default: return Datatype.DOUBLE;
            }
            made.add(t);
            return t.commit();
        } catch (MPIException e) {
            return null;
        }
    }

    /** One fuzzed call; returns a label for failures. */
    private static String call(Random r, Intracomm self, Target a, Target b, org.mpi4j.Win win, List<Datatype> made) {
        Datatype t = r.nextInt(3) == 0 ? anyType(r, made) : Datatype.DOUBLE;
        if (t == null) {
            t = Datatype.BYTE;
        }
        long off = r.nextInt(3) == 0 ? r.nextInt(BYTES + 2) : anyLong(r);
        int count = r.nextInt(3) == 0 ? r.nextInt(40) : anyInt(r);
        BufferSpec sa = BufferSpec.of(a.inner, off, count, t);
        BufferSpec sb = BufferSpec.of(b.inner, r.nextInt(3) == 0 ? 0 : anyLong(r), r.nextInt(2) == 0 ? count : anyInt(r), t);
        double[] heap = new double[BYTES / 8];
        BufferSpec sh = BufferSpec.of(heap, anyLong(r), count, t);
        int op = r.nextInt(25);
        switch (op) {
            case 0: self.sendrecv(sa, 0, 1, sb, 0, 1); break;
            case 1: self.sendrecv(sh, 0, 1, sb, 0, 1); break;
            case 2: self.sendrecv(sa, 0, 1, sh, 0, 1); break;
            case 3: {
                Request rr = self.irecv(sb, 0, 2);
                try {
                    self.isend(sa, 0, 2).waitFor();
                } finally {
                    rr.cancel();
                    rr.waitFor();
                }
                break;
            }
            case 4: self.bcast(sa, 0); break;
            case 5: self.gather(sa, sb, 0); break;
            case 6: self.allgather(sa, sb); break;
            case 7: self.alltoall(sa, sb); break;
            case 8: self.allreduce(sa, sb, Op.SUM); break;
            case 9: self.iallgather(sh, sb).waitFor(); break;
            case 10: self.iscatter(sa, sh, 0).waitFor(); break;
            case 11: self.gatherv(sa, VBuffer.of(b.inner, anyInts(r, 1), anyInts(r, 1), t), 0); break;
            case 12: self.igatherv(sa, VBuffer.of(heap, anyInts(r, 1), anyInts(r, 1), t), 0).waitFor(); break;
            case 13: self.alltoallw(WBuffer.of(a.inner, anyInts(r, 1), anyInts(r, 1), new Datatype[] {t}),
                    WBuffer.of(b.inner, anyInts(r, 1), anyInts(r, 1), new Datatype[] {t})); break;
            case 14: t.pack(sa, b.inner, anyInt(r), self); break;
            case 15: t.unpack(a.inner, anyInt(r), sb, self); break;
            case 16: t.pack(sa, BufferSpec.of(b.inner, anyLong(r), anyInt(r), Datatype.BYTE), r.nextInt(8), self); break;
            case 17: t.packSize(anyInt(r), self); break;
            case 18: self.sendrecvReplace(sa, 0, 3, 0, 3); break;
            case 19: try (Group g = self.getGroup()) {
                    g.translateRanks(anyInts(r, 2), g);
                    g.incl(anyInts(r, 1)).close();
                    g.rangeIncl(new int[][] {{anyInt(r), anyInt(r), anyInt(r)}}).close();
                }
                break;
            case 20: self.reduceScatterBlock(sa, sb, Op.MAX); break;
            case 22: case 23: case 24: {
                // one-sided into a window of BYTES bytes (displacement unit 8): fuzzed displacement, count and type
                long disp = r.nextInt(2) == 0 ? r.nextInt(40) : anyLong(r);
                Object origin = r.nextBoolean() ? sa : sh;
                win.lockAll();
                try {
                    if (op == 22) {
                        win.put(origin, 0, disp, r.nextBoolean() ? count : anyInt(r), t);
                    } else if (op == 23) {
                        win.get(r.nextBoolean() ? sb : sh, 0, disp, r.nextBoolean() ? count : anyInt(r), t);
                    } else {
                        win.accumulate(origin, 0, disp, count, t, Op.SUM);
                    }
                } finally {
                    win.unlockAll();
                }
                break;
            }
            default: self.scan(sh, sb, Op.SUM); break;
        }
        return "op " + op;
    }

    @RankTest
    public static void everyCountOffsetDisplacementPositionAndExtent() {
        Random r = new Random(0x6d70_6934_6aL + rank());
        Intracomm self = MPI.COMM_SELF;
        Target a = new Target();
        Target b = new Target();
        int calls = 0;
        int refused = 0;
        List<Datatype> made = new ArrayList<>();
        org.mpi4j.Win win = org.mpi4j.Win.allocate(BYTES, 8, org.mpi4j.Info.NULL, self);
        for (int i = 0; i < 6000; i++) {
            long seedForReplay = r.nextLong();
            Random one = new Random(seedForReplay);
            String what = "call " + i + " (replay seed " + seedForReplay + ")";
            try {
                what += ": " + call(one, self, a, b, win, made);
            } catch (MPIException e) {
                refused++;
            } catch (Throwable e) {
                throw new AssertionError(what + " threw " + e + " instead of an MPIException", e);
            }
            calls++;
            a.checkCanaries(what);
            b.checkCanaries(what);
            for (Datatype t : made) {
                t.close();
            }
            made.clear();
        }
        win.close();
        // the communicators still work
        double[] x = {rank() + 0.5};
        double[] y = new double[1];
        self.sendrecv(x, 0, 9, y, 0, 9);
        assertEquals(rank() + 0.5, y[0]);
        BadInputRanks.ringStillWorks();
        System.err.println("[fuzz] rank " + rank() + ": " + calls + " calls, " + refused + " refused with MPIException, "
                + (calls - refused) + " completed; no canary touched");
        assertEquals(6000, calls);
    }
}
