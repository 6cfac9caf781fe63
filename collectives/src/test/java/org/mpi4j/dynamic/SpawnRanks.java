package org.mpi4j.dynamic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mpi4j.Comm;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.testing.Family;
import org.mpi4j.testing.RankTest;
import org.junit.jupiter.api.function.Executable;

/** Dynamic processes (issue 16) from 1 and 2 parent ranks: spawn, data both ways, merge, disconnect; ports. */
public final class SpawnRanks {
    private SpawnRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    /** Dynamic processes are there, except on MPICH 4.0 with ch4:ucx (see {@link Family#mpichWithoutDynamicProcesses}). */
    static boolean unsupported() {
        return Family.mpichWithoutDynamicProcesses();
    }

    /**
     * Where the MPI has no dynamic processes: {@code call} is refused on this rank with MPI_ERR_UNSUPPORTED_OPERATION
     * naming the call and the device, before MPI is called (so no rank waits in it), and the communicator still works.
     */
    static void refused(String call, Executable e) {
        MPIException x = assertThrows(MPIException.class, e, call);
        assertEquals(ErrorClasses.name(ErrorClasses.ERR_UNSUPPORTED_OPERATION), ErrorClasses.name(x.getErrorClass()), x.getMessage());
        assertTrue(x.getMessage().startsWith(call + ": this MPICH") && x.getMessage().contains("device ch4:ucx"), x.getMessage());
        int[] sum = new int[1];
        W.allreduce(new int[] {1}, sum, Op.SUM);
        assertEquals(W.getSize(), sum[0]);
    }

    @RankTest
    public static void notSpawned() {
        assertNull(Comm.getParent(), "a process started by mpiexec has no parent");
    }

    @RankTest
    public static void spawnOneToThreeJavaWorkers() {
        int parents = W.getSize();
        if (unsupported()) {
            refused("spawn", () -> W.spawnJava(SpawnWorker.class.getName(), null, 1, java.util.List.of("-Xmx128m"), null, 0, new int[1]));
            refused("spawn", () -> W.spawn("/bin/true", null, 1));
            return;
        }
        for (int workers = 1; workers <= 3; workers++) {
            int[] errcodes = new int[workers];
            Intercomm c = W.spawnJava(SpawnWorker.class.getName(), null, workers, java.util.List.of("-Xmx128m"), null, 0, errcodes);
            assertEquals(workers, c.getRemoteSize());
            assertEquals(parents, c.getSize());
            for (int e : errcodes) {
                assertEquals(0, e, "per-process error code");
            }
            c.bcast(new int[] {40 + workers}, W.getRank() == 0 ? MPI.ROOT : MPI.PROC_NULL);
            for (int w = 0; w < workers; w++) {
                long[] got = new long[2];
                c.recv(got, w, 7);
                assertArrayEquals(new long[] {(40L + workers) * 100 + w, W.getRank()}, got, "from worker " + w);
            }
            int[] sum = new int[1];
            c.reduce(null, sum, Op.SUM, W.getRank() == 0 ? MPI.ROOT : MPI.PROC_NULL);
            if (W.getRank() == 0) {
                assertEquals(workers * (workers + 1) / 2, sum[0]);
            }
            try (Intracomm all = c.merge(false)) {
                assertEquals(parents + workers, all.getSize());
                int[] total = new int[1];
                all.allreduce(new int[] {0}, total, Op.SUM);
                assertEquals(1000 * workers + workers * (workers - 1) / 2, total[0]);
                if (all.getRank() == 0) {
                    for (int w = 0; w < workers; w++) {
                        Object o = all.recvObject(String.class, MPI.ANY_SOURCE, 8);
                        assertTrue(o.toString().endsWith(" saw " + total[0]), o.toString());
                    }
                }
            }
            c.disconnect();
            assertTrue(c.isFreed());
        }
    }

    @RankTest
    public static void aMainClassNotOnTheClassPathIsRefusedAtEveryParent() {
        MPIException e = assertThrows(MPIException.class, () -> W.spawnJava("org.example.NoSuchWorker", null, 1, null, null, 0, null));
        assertEquals(ErrorClasses.ERR_SPAWN, e.getErrorClass());
        assertTrue(e.getMessage().contains("org.example.NoSuchWorker is not on the class path"), e.getMessage());
        assertThrows(MPIException.class, () -> W.spawn("/bin/true", null, 0));
        W.barrier();
    }

    @RankTest
    public static void acceptAndConnectThroughAPort() {
        if (unsupported()) {
            refused("openPort", () -> MPI.openPort(null));
            refused("accept", () -> W.accept("tag#0$", null, 0));
            refused("connect", () -> W.connect("tag#0$", null, 0));
            return;
        }
        if (W.getSize() < 2) {
            // one process: it accepts and connects to itself through two threads would need THREAD_MULTIPLE games;
            // ports on 1 rank are covered by publish/lookup below
            String port = MPI.openPort(null);
            MPI.publishName("mpi4j-test-service", null, port);
            assertEquals(port, MPI.lookupName("mpi4j-test-service", null));
            MPI.unpublishName("mpi4j-test-service", null, port);
            MPI.closePort(port);
            return;
        }
        boolean server = W.getRank() == 0;
        try (Intracomm half = W.split(server ? 0 : 1, W.getRank())) {
            String port = server ? MPI.openPort(null) : null;
            String[] name = {port};
            Object got = W.bcastObject(port, 0);
            Intercomm link = server ? half.accept(port, null, 0) : half.connect((String) got, null, 0);
            assertEquals(server ? W.getSize() - 1 : 1, link.getRemoteSize());
            if (server) {
                link.send(new int[] {77}, 0, 3);
                int[] back = new int[1];
                link.recv(back, 0, 4);
                assertEquals(78, back[0]);
            } else if (half.getRank() == 0) {
                int[] v = new int[1];
                link.recv(v, 0, 3);
                link.send(new int[] {v[0] + 1}, 0, 4);
            }
            link.disconnect();
            if (server) {
                MPI.closePort(name[0]);
            }
        }
    }

    /** spawnMultiple: two commands (1 and 2 workers) in one new job; the workers see one group of 3. */
    @RankTest
    public static void spawnMultipleStartsOneJobFromSeveralCommands() {
        String[] argv = Intracomm.javaCommandLine(SpawnWorker.class.getName(), null, java.util.List.of("-Xmx128m"));
        if (unsupported()) {
            refused("spawnMultiple", () -> W.spawnMultiple(new String[] {"/usr/bin/env"}, new String[][] {argv}, new int[] {1}, null, 0, null));
            return;
        }
        int[] errcodes = new int[3];
        org.mpi4j.Info hints = org.mpi4j.Info.of(java.util.Map.of("map_by", "slot:OVERSUBSCRIBE"));
        Intercomm c = W.spawnMultiple(new String[] {"/usr/bin/env", "/usr/bin/env"}, new String[][] {argv, argv}, new int[] {1, 2},
                new org.mpi4j.Info[] {hints, hints}, 0, errcodes);
        hints.close();
        assertEquals(3, c.getRemoteSize());
        assertArrayEquals(new int[3], errcodes);
        c.bcast(new int[] {9}, W.getRank() == 0 ? MPI.ROOT : MPI.PROC_NULL);
        for (int w = 0; w < 3; w++) {
            long[] got = new long[2];
            c.recv(got, w, 7);
            assertEquals(900 + w, got[0]);
        }
        c.reduce(null, new int[1], Op.SUM, W.getRank() == 0 ? MPI.ROOT : MPI.PROC_NULL);
        try (Intracomm all = c.merge(false)) {
            all.allreduce(new int[] {0}, new int[1], Op.SUM);
            if (all.getRank() == 0) {
                for (int w = 0; w < 3; w++) {
                    all.recvObject(MPI.ANY_SOURCE, 8);
                }
            }
        }
        c.disconnect();
        assertThrows(MPIException.class, () -> W.spawnMultiple(new String[] {"a"}, null, new int[] {1, 2}, null, 0, null));
    }
}
