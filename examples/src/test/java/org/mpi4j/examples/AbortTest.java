package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.MPI;
import org.mpi4j.testing.MpiTestKit;
import org.mpi4j.testing.MpiTestKit.Result;

/** The launcher's promise: an uncaught exception on one rank ends the whole job in seconds, with the rank named. */
class AbortTest {

    /** Rank 1 throws; every other rank blocks forever in a receive nobody will send. */
    public static final class ThrowOnRankOne {
        public static void main(String[] args) {
            if (MPI.COMM_WORLD.getRank() == 1) {
                throw new IllegalStateException("boom on purpose");
            }
            MPI.COMM_WORLD.recv(new int[1], MPI.ANY_SOURCE, 77);
        }
    }

    /** A worker thread (not main) throws on rank 2 while main waits. */
    public static final class ThrowInThreadOnRankTwo {
        public static void main(String[] args) throws Exception {
            if (MPI.COMM_WORLD.getRank() == 2) {
                Thread t = new Thread(() -> {
                    throw new IllegalArgumentException("thread boom");
                }, "worker");
                t.start();
            }
            MPI.COMM_WORLD.recv(new int[1], MPI.ANY_SOURCE, 78);
        }
    }

    @Test
    void uncaughtExceptionInMainAbortsAllRanks() throws Exception {
        long t0 = System.nanoTime();
        Result r = MpiTestKit.run(3, ThrowOnRankOne.class.getName());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[mpi4j] rank 1 of 3: uncaught exception in main"), r.output());
        assertTrue(r.output().contains("boom on purpose"), r.output());
        // the trace comes in one piece, each line marked with its rank, without the launcher's reflection frames
        assertTrue(r.output().lines().anyMatch(l -> l.startsWith("[rank 1] ") && l.contains("boom on purpose")), r.output());
        assertTrue(!r.output().contains("at org.mpi4j.run.RankMain.main"), r.output());
        assertTrue(seconds < 60, "took " + seconds + " s");
    }

    @Test
    void uncaughtExceptionInAThreadAbortsAllRanks() throws Exception {
        Result r = MpiTestKit.run(3, ThrowInThreadOnRankTwo.class.getName());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[mpi4j] rank 2 of 3: uncaught exception in thread worker"), r.output());
        assertTrue(r.output().contains("thread boom"), r.output());
    }
}
