package org.mpi4j.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Request;
import org.mpi4j.Status;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.testing.Family;
import org.mpi4j.testing.RankTest;

/** The spec's bad-input list: each gives a clear MPIException, and COMM_WORLD works right after. */
public final class BadInputRanks {
    private BadInputRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    /** Asserts the call fails with {@code errorClass} and a message containing {@code words}, then that the ring still works. */
    static MPIException expect(int errorClass, String words, Executable call) {
        MPIException e = assertThrows(MPIException.class, call);
        assertEquals(ErrorClasses.name(errorClass), ErrorClasses.name(e.getErrorClass()), "error class; message: " + e.getMessage());
        assertTrue(e.getMessage().contains(words), "message '" + e.getMessage() + "' should say '" + words + "'");
        ringStillWorks();
        return e;
    }

    static void ringStillWorks() {
        int[] got = new int[1];
        W.sendrecv(new int[] {rank() + 42}, next(), 999, got, prev(), 999);
        assertEquals(prev() + 42, got[0]);
    }

    @RankTest
    public static void countLargerThanBuffer() {
        MPIException e = expect(ErrorClasses.ERR_COUNT, "exceeds the buffer", () -> W.send(BufferSpec.of(new double[10], 11, Datatype.DOUBLE), next(), 1));
        assertTrue(e.isLocal());
        expect(ErrorClasses.ERR_COUNT, "touches bytes", () -> W.recv(BufferSpec.of(new int[10], 5, 6, Datatype.INT), prev(), 1));
        expect(ErrorClasses.ERR_COUNT, "exceeds the buffer", () -> W.send(BufferSpec.slice(new long[4], 2, 3), next(), 1));
        try (Datatype v = Datatype.DOUBLE.vector(3, 1, 4).commit()) {
            // the third block would land at element 8 of a 6-element array
            expect(ErrorClasses.ERR_COUNT, "touches bytes", () -> W.recv(BufferSpec.of(new double[6], 1, v), prev(), 1));
        }
        expect(ErrorClasses.ERR_COUNT, "not a multiple of datatype extent", () -> W.send(BufferSpec.of(new byte[10], Datatype.DOUBLE), next(), 1));
    }

    @RankTest
    public static void negativeCountAndOffset() {
        expect(ErrorClasses.ERR_COUNT, "negative count", () -> W.send(BufferSpec.of(new double[10], -5, Datatype.DOUBLE), next(), 1));
        expect(ErrorClasses.ERR_ARG, "negative offset", () -> W.send(BufferSpec.of(new double[10], -1, 2, Datatype.DOUBLE), next(), 1));
        expect(ErrorClasses.ERR_BUFFER, "past the end", () -> W.send(BufferSpec.of(new double[10], 11, 0, Datatype.DOUBLE), next(), 1));
    }

    @RankTest
    public static void rankOutOfRange() {
        int size = W.getSize();
        expect(ErrorClasses.ERR_RANK, "", () -> W.send(new int[1], size, 1));
        expect(ErrorClasses.ERR_RANK, "", () -> W.send(new int[1], -7, 1));
        expect(ErrorClasses.ERR_RANK, "", () -> W.recv(new int[1], size + 3, 1));
        expect(ErrorClasses.ERR_RANK, "", () -> W.isend(new int[1], size, 1));
    }

    @RankTest
    public static void badTags() {
        expect(ErrorClasses.ERR_TAG, "", () -> W.send(new int[1], next(), -2));
        int ub = MPI.getTagUB();
        assertTrue(ub >= 32767, "TAG_UB " + ub);
        if (ub < Integer.MAX_VALUE) {
            expect(ErrorClasses.ERR_TAG, "", () -> W.send(new int[1], next(), ub + 1));
        }
    }

    @RankTest
    public static void uncommittedAndFreedDatatypes() {
        Datatype v = Datatype.INT.vector(2, 1, 2);
        expect(ErrorClasses.ERR_TYPE, "not committed", () -> W.send(BufferSpec.of(new int[4], 1, v), next(), 1));
        v.commit();
        v.free();
        expect(ErrorClasses.ERR_TYPE, "freed", () -> W.send(BufferSpec.of(new int[4], 1, v), next(), 1));
        expect(ErrorClasses.ERR_TYPE, "freed", v::commit);
    }

    @RankTest
    public static void datatypeThatDoesNotMatchTheBuffer() {
        expect(ErrorClasses.ERR_TYPE, "does not match", () -> W.send(BufferSpec.of(new double[4], 4, Datatype.INT), next(), 1));
        expect(ErrorClasses.ERR_TYPE, "does not match", () -> W.send(BufferSpec.of(new int[4], 2, Datatype.LONG), next(), 1));
        expect(ErrorClasses.ERR_TYPE, "does not match", () -> W.recv(BufferSpec.of(new float[4], 4, Datatype.INT), prev(), 1));
    }

    @RankTest
    public static void truncatedReceiveThenCommStillWorks() {
        Request s = W.isend(new double[10], next(), 2);
        MPIException e = assertThrows(MPIException.class, () -> W.recv(new double[4], prev(), 2));
        assertEquals(ErrorClasses.ERR_TRUNCATE, e.getErrorClass());
        assertFalse(e.isLocal());
        assertTrue(e.getMessage().contains("MPI_ERR_TRUNCATE"), e.getMessage());
        assertTruncation("recv", e, "10 MPI_DOUBLE (80 bytes)", "4 MPI_DOUBLE (32 bytes)");
        s.waitFor();
        W.barrier();
        ringStillWorks();
    }

    /**
     * Issue 18: a truncated receive names both sizes, the message's and the buffer's, in elements of the datatype and
     * in bytes, whether it fails in recv, sendrecv, or in the wait or test of a nonblocking receive (with or without
     * a Status).
     */
    @RankTest
    public static void truncationNamesBothCounts() {
        Request s = W.isend(new int[7], next(), 3);
        Request r = W.irecv(new int[2], prev(), 3);
        assertTruncation("wait", assertThrows(MPIException.class, r::waitFor), "7 MPI_INT (28 bytes)", "2 MPI_INT (8 bytes)");
        s.waitFor();

        s = W.isend(new long[3], next(), 4);
        Request r2 = W.irecv(new long[1], prev(), 4);
        Status st = new Status();
        assertTruncation("test", assertThrows(MPIException.class, () -> {
            while (!r2.test(st)) {
                Thread.onSpinWait();
            }
        }), "3 MPI_LONG (24 bytes)", "1 MPI_LONG (8 bytes)");
        s.waitFor();

        if (W.getSize() > 1) {
            // (on one rank Open MPI 4.1's sendrecv to itself copies what fits and reports no truncation)
            assertTruncation("sendrecv", assertThrows(MPIException.class,
                    () -> W.sendrecv(new short[5], next(), 5, new short[2], prev(), 5)), "5 MPI_SHORT (10 bytes)", "2 MPI_SHORT (4 bytes)");
        }
        W.barrier();
        ringStillWorks();
    }

    /**
     * A receive too small for a message that arrived before it was posted, completed in a multiple wait: Open MPI
     * 4.1's MPI_Waitall never returned then (at thread levels above SINGLE, mpi4j's default MULTIPLE included). Each of
     * waitAll, waitAny and waitSome throws the truncation naming both sizes, the other request of the call lands its
     * data, and the communicator still works.
     */
    @RankTest
    public static void aTruncatedReceiveInAMultipleWaitThrowsAndTheOthersLand() {
        String[] calls = {"waitAll", "waitAny", "waitSome"};
        for (int c = 0; c < calls.length; c++) {
            int tag = 40 + 2 * c;
            Request s1 = W.isend(new double[10], next(), tag);
            Request s2 = W.isend(new int[] {100 * rank() + c}, next(), tag + 1);
            // both messages are here before the receives are posted (a probe waits for the second)
            W.probe(prev(), tag + 1, null);
            double[] small = new double[4];
            int[] one = {-1};
            Request a = W.irecv(small, prev(), tag);
            Request b = W.irecv(one, prev(), tag + 1);
            Request[] both = {a, b};
            String call = calls[c];
            MPIException e = assertThrows(MPIException.class, () -> {
                switch (call) {
                    case "waitAll" -> Request.waitAll(both);
                    case "waitAny" -> {
                        while (!a.isNull() || !b.isNull()) {
                            Request.waitAny(both);
                        }
                    }
                    default -> {
                        while (!a.isNull() || !b.isNull()) {
                            Request.waitSome(both);
                        }
                    }
                }
            }, call);
            assertTruncation(call, e, "10 MPI_DOUBLE (80 bytes)", "4 MPI_DOUBLE (32 bytes)");
            if (!b.isNull()) {
                b.waitFor();
            }
            assertEquals(100 * prev() + c, one[0], call + ": the other receive landed");
            s1.waitFor();
            s2.waitFor();
        }
        W.barrier();
        ringStillWorks();
    }

    /**
     * The message of a truncation: the call, the receive buffer's size and (Open MPI reports the message's size in the
     * status of a truncated receive) the message's.
     */
    static void assertTruncation(String call, MPIException e, String message, String buffer) {
        String m = e.getMessage();
        assertEquals(ErrorClasses.name(ErrorClasses.ERR_TRUNCATE), ErrorClasses.name(e.getErrorClass()), m);
        assertTrue(m.startsWith(call + ": message truncated: "), m);
        assertTrue(m.contains("a receive buffer of " + buffer), m);
        if (Family.current() == Family.OPEN_MPI) {
            assertTrue(m.contains(message + " arrived for a receive buffer of " + buffer), m);
        }
    }

    @RankTest
    public static void freedCommunicatorAndRequest() {
        Intracomm c = W.dup();
        c.free();
        assertTrue(c.isFreed());
        expect(ErrorClasses.ERR_COMM, "communicator has been freed", () -> c.send(new int[1], 0, 0));
        expect(ErrorClasses.ERR_COMM, "communicator has been freed", c::getRank);
        expect(ErrorClasses.ERR_COMM, "cannot free a predefined", W::free);
        Request r = W.isend(new int[] {1}, next(), 3);
        W.recv(new int[1], prev(), 3);
        r.waitFor();
        assertTrue(r.isNull());
        // waiting on a completed (null) request is allowed by MPI and returns at once
        r.waitFor();
    }

    @RankTest
    public static void readOnlyAndWrongOrderBuffers() {
        ByteBuffer ro = ByteBuffer.allocateDirect(16).asReadOnlyBuffer();
        expect(ErrorClasses.ERR_BUFFER, "read-only", () -> W.recv(ro, prev(), 4));
        DoubleBuffer bigEndian = ByteBuffer.allocateDirect(16).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer();
        if (ByteOrder.nativeOrder() != ByteOrder.BIG_ENDIAN) {
            expect(ErrorClasses.ERR_BUFFER, "byte order", () -> W.send(bigEndian, next(), 4));
        }
        expect(ErrorClasses.ERR_BUFFER, "is not a buffer", () -> W.send("a string", next(), 4));
        expect(ErrorClasses.ERR_BUFFER, "is not a buffer", () -> W.send(new Object[] {1}, next(), 4));
    }

    @RankTest
    public static void constructorArraysOfDifferentLengths() {
        expect(ErrorClasses.ERR_ARG, "blocklengths has 2 entries but displacements has 3",
                () -> Datatype.INT.indexed(new int[] {1, 1}, new int[] {0, 2, 4}));
        expect(ErrorClasses.ERR_ARG, "blocklengths has 1 entries but types has 2",
                () -> Datatype.struct(new int[] {1}, new long[] {0}, new Datatype[] {Datatype.INT, Datatype.DOUBLE}));
        expect(ErrorClasses.ERR_ARG, "sizes has 2 entries but starts has 1",
                () -> Datatype.DOUBLE.subarray(new int[] {4, 4}, new int[] {2, 2}, new int[] {0}, Datatype.ORDER_C));
        expect(ErrorClasses.ERR_ARG, "range 0 has 2 entries", () -> {
            try (var g = W.getGroup()) {
                g.rangeIncl(new int[][] {{0, 1}});
            }
        });
    }

    @RankTest
    public static void errorStringsComeFromMpi() {
        MPIException e = MPIException.fromCode(ErrorClasses.ERR_RANK);
        assertEquals(ErrorClasses.ERR_RANK, e.getErrorClass());
        assertTrue(e.getErrorString().toLowerCase().contains("rank"), e.getErrorString());
        ringStillWorks();
    }
}
