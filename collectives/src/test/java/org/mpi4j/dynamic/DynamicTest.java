package org.mpi4j.dynamic;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs {@link SpawnRanks} from 1 and 2 parent ranks; a worker that throws ends the job instead of hanging it. */
class DynamicTest {
    @TestFactory
    Stream<DynamicNode> spawn() {
        return MpiTestKit.ranks(SpawnRanks.class, 1, 2);
    }

    /** MPI_Comm_join between two processes over a socket they connected (sun.nio.ch opened to read its descriptor). */
    @TestFactory
    Stream<DynamicNode> join() {
        return MpiTestKit.ranksWithFlags(JoinRanks.class, java.util.List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), 2);
    }

    @Test
    void aWorkerThatThrowsEndsTheJob() throws Exception {
        long t0 = System.nanoTime();
        MpiTestKit.Result r = MpiTestKit.run(1, ThrowingSpawn.class.getName());
        double s = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(0, r.exitCode(), r.output());
        // where the MPI has no dynamic processes (MPICH 4.0 with ch4:ucx) the spawn itself is refused, uncaught: the job
        // ends the same way, with the refusal in its output
        assertTrue(r.output().contains(noDynamicProcesses() ? "spawn: this MPICH" : "a worker that fails on purpose"), r.output());
        assertTrue(s < 60, "the job took " + s + " s to end");
    }

    /**
     * Two separately launched jobs meet through a port whose name the server writes to a file. Open MPI 4.1 connects
     * separate jobs only through a common ompi-server (its rendezvous), which the test starts and passes to both
     * mpiexecs with --ompi-server.
     */
    @Test
    void twoJobsConnectThroughAPortNamedInAFile() throws Exception {
        if (noDynamicProcesses()) {
            // MPICH 4.0 with ch4:ucx: the server's openPort is refused, and its job ends with that in the output
            MpiTestKit.Result r = MpiTestKit.run(1, PortPeer.class.getName(), "server", "/nonexistent/port");
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("openPort: this MPICH") && r.output().contains("MPI_ERR_UNSUPPORTED_OPERATION"), r.output());
            return;
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mpi4j-port-");
        java.nio.file.Path uri = dir.resolve("ompi-server.uri");
        java.nio.file.Path portFile = dir.resolve("port");
        Process server = new ProcessBuilder("ompi-server", "--no-daemonize", "-r", uri.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ompi-server.log").toFile()).start();
        try {
            for (int i = 0; i < 200 && (!java.nio.file.Files.exists(uri) || java.nio.file.Files.size(uri) == 0); i++) {
                Thread.sleep(50);
            }
            Process a = job("server", uri, portFile, dir.resolve("a.log"));
            Process b = job("client", uri, portFile, dir.resolve("b.log"));
            assertTrue(b.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) && a.waitFor(30, java.util.concurrent.TimeUnit.SECONDS),
                    "jobs did not end");
            String outA = java.nio.file.Files.readString(dir.resolve("a.log"));
            String outB = java.nio.file.Files.readString(dir.resolve("b.log"));
            assertTrue(outA.contains("server: got 10,20,12 and hello from the other job"), outA);
            assertTrue(outB.contains("client: sum 42"), outB);
        } finally {
            server.destroyForcibly().waitFor();
            try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
                s.forEach(f -> f.toFile().delete());
            }
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    private static boolean noDynamicProcesses() {
        return org.mpi4j.testing.Family.launchedMpiHasNoDynamicProcesses();
    }

    private static Process job(String role, java.nio.file.Path uri, java.nio.file.Path portFile, java.nio.file.Path log) throws Exception {
        String cp = MpiTestKit.classpath();
        return new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp", cp,
                "-Dmpi4j.mpiexec=" + org.mpi4j.run.Mpirun.mpiexec(), org.mpi4j.run.Mpirun.class.getName(), "-n", "1",
                "--ompi-server", "file:" + uri, "-cp", cp, PortPeer.class.getName(), role, portFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
