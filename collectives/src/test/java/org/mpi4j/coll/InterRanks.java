package org.mpi4j.coll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Request;
import org.mpi4j.testing.RankTest;

/**
 * Intercommunicator forms of the collectives, between the even and the odd ranks of COMM_WORLD: rooted operations
 * with MPI.ROOT / MPI.PROC_NULL on the root's side, the others across the two groups. Needs 2 or more ranks.
 */
public final class InterRanks {
    private InterRanks() { }

    static boolean even() {
        return rank() % 2 == 0;
    }

    /** World rank of local rank i of the even (true) or odd group. */
    static int world(boolean evenGroup, int i) {
        return evenGroup ? 2 * i : 2 * i + 1;
    }

    static Intercomm make() {
        Intracomm local = MPI.COMM_WORLD.split(rank() % 2, rank());
        Intercomm inter = local.createIntercomm(0, MPI.COMM_WORLD, even() ? 1 : 0, 99);
        local.free();
        return inter;
    }

    /** The root argument for a collective rooted at the even group's rank 0. */
    static int rootArg(Intercomm c) {
        return even() ? (c.getRank() == 0 ? MPI.ROOT : MPI.PROC_NULL) : 0;
    }

    @RankTest
    public static void sizesAndMerge() {
        try (Intercomm c = make()) {
            assertTrue(c.isInter());
            int evens = (size() + 1) / 2;
            int odds = size() / 2;
            assertEquals(even() ? evens : odds, c.getSize());
            assertEquals(even() ? odds : evens, c.getRemoteSize());
            try (Intracomm m = c.merge(!even())) {
                assertEquals(size(), m.getSize());
                assertEquals(even() ? rank() / 2 : evens + rank() / 2, m.getRank());
            }
        }
    }

    @RankTest
    public static void rootedCollectivesWithRootAndProcNull() {
        try (Intercomm c = make()) {
            int n = 6;
            int remote = c.getRemoteSize();
            int root = rootArg(c);
            // bcast from the even group's rank 0 to every odd rank
            int[] b = root == MPI.ROOT ? CollectiveRanks.ints(0, n) : new int[n];
            c.bcast(root == MPI.PROC_NULL ? null : b, root);
            if (!even()) {
                assertArrayEquals(CollectiveRanks.ints(0, n), b);
            }
            int[] nb = root == MPI.ROOT ? CollectiveRanks.ints(7, n) : new int[n];
            Request r = c.ibcast(root == MPI.PROC_NULL ? null : nb, root);
            r.waitFor();
            if (!even()) {
                assertArrayEquals(CollectiveRanks.ints(7, n), nb);
            }
            // gather from the odd group to the even root
            int[] all = new int[remote * n];
            c.gather(even() ? null : CollectiveRanks.ints(rank(), n), root == MPI.ROOT ? all : null, root);
            if (root == MPI.ROOT) {
                for (int i = 0; i < remote; i++) {
                    for (int k = 0; k < n; k++) {
                        assertEquals(CollectiveRanks.v(world(false, i), k), all[i * n + k]);
                    }
                }
            }
            // scatter it back
            int[] back = new int[n];
            c.scatter(root == MPI.ROOT ? all : null, even() ? null : back, root);
            if (!even()) {
                assertArrayEquals(CollectiveRanks.ints(rank(), n), back);
            }
            // reduce the odd group's data at the even root
            int[] sum = new int[n];
            c.reduce(even() ? null : CollectiveRanks.ints(rank(), n), root == MPI.ROOT ? sum : null, Op.SUM, root);
            if (root == MPI.ROOT) {
                for (int k = 0; k < n; k++) {
                    int expect = 0;
                    for (int i = 0; i < remote; i++) {
                        expect += CollectiveRanks.v(world(false, i), k);
                    }
                    assertEquals(expect, sum[k]);
                }
            }
        }
    }

    @RankTest
    public static void allToAllFormsAcrossTheGroups() {
        try (Intercomm c = make()) {
            int remote = c.getRemoteSize();
            c.barrier();
            c.ibarrier().waitFor();
            int[] ag = new int[remote];
            c.allgather(new int[] {rank()}, ag);
            for (int i = 0; i < remote; i++) {
                assertEquals(world(!even(), i), ag[i]);
            }
            int[] send = new int[remote];
            for (int i = 0; i < remote; i++) {
                send[i] = rank() * 100 + i;
            }
            int[] recv = new int[remote];
            c.alltoall(send, recv);
            for (int i = 0; i < remote; i++) {
                assertEquals(world(!even(), i) * 100 + c.getRank(), recv[i]);
            }
            int[] total = new int[1];
            c.allreduce(new int[] {rank()}, total, Op.SUM);
            int expect = 0;
            for (int i = 0; i < remote; i++) {
                expect += world(!even(), i);
            }
            assertEquals(expect, total[0], "allreduce on an intercommunicator gives the remote group's reduction");
            int[] totalNb = new int[1];
            c.iallreduce(new int[] {rank()}, totalNb, Op.SUM).waitFor();
            assertEquals(expect, totalNb[0]);
            // object point-to-point addresses the remote group
            if (c.getRank() == 0) {
                c.sendObject("from world rank " + rank(), 0, 5);
                assertEquals("from world rank " + (even() ? 1 : 0), c.recvObject(0, 5));
            }
        }
    }

    /**
     * Issue 12: an intercommunicator allreduce once took count and datatype from the send buffer alone, so a smaller
     * receive buffer was written past its end. Now the two must agree, checked before any native call.
     */
    @RankTest
    public static void allreduceChecksTheReceiveBufferToo() {
        try (Intercomm c = make()) {
            long[] canary = new long[3];
            java.util.Arrays.fill(canary, 0x5A5A5A5AL);
            org.mpi4j.MPIException e = org.junit.jupiter.api.Assertions.assertThrows(org.mpi4j.MPIException.class,
                    () -> c.allreduce(new long[8], org.mpi4j.buffers.BufferSpec.of(canary, 0, 1, org.mpi4j.Datatype.LONG), Op.SUM));
            assertEquals(org.mpi4j.ErrorClasses.ERR_COUNT, e.getErrorClass(), e.getMessage());
            assertTrue(e.getMessage().contains("mismatch in send count 8 and receive count 1"), e.getMessage());
            assertThrowsCount(() -> c.iallreduce(new long[8], org.mpi4j.buffers.BufferSpec.of(canary, 0, 1, org.mpi4j.Datatype.LONG), Op.SUM));
            assertArrayEquals(new long[] {0x5A5A5A5AL, 0x5A5A5A5AL, 0x5A5A5A5AL}, canary);
            long[] total = new long[1];
            c.allreduce(new long[] {rank()}, total, Op.SUM);
            long expect = 0;
            for (int i = 0; i < c.getRemoteSize(); i++) {
                expect += world(!even(), i);
            }
            assertEquals(expect, total[0], "the intercommunicator still works");
        }
    }

    private static void assertThrowsCount(org.junit.jupiter.api.function.Executable call) {
        org.mpi4j.MPIException e = org.junit.jupiter.api.Assertions.assertThrows(org.mpi4j.MPIException.class, call);
        assertEquals(org.mpi4j.ErrorClasses.ERR_COUNT, e.getErrorClass(), e.getMessage());
    }
}
