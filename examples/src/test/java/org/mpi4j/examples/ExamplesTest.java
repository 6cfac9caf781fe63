package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTestKit;
import org.mpi4j.testing.MpiTestKit.Result;

/** Runs every example through the launcher on 2, 3 and 4 ranks and checks what it printed and its exit code. */
class ExamplesTest {

    @ParameterizedTest(name = "HelloWorld on {0} ranks")
    @ValueSource(ints = {1, 2, 3, 4})
    void helloWorld(int n) throws Exception {
        Result r = MpiTestKit.run(n, HelloWorld.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        String host = InetAddress.getLocalHost().getHostName();
        for (int rank = 0; rank < n; rank++) {
            String line = "Hello, World! I am process " + rank + " of " + n + " on " + host + ".";
            assertTrue(r.output().contains(line), "missing '" + line + "' in:\n" + r.output());
        }
    }

    @ParameterizedTest(name = "PointToPointArrays on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void pointToPointArrays(int n) throws Exception {
        Result r = MpiTestKit.run(n, PointToPointArrays.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("received 1000 ints (explicit MPI.INT) and 100 doubles"), r.output());
    }

    @ParameterizedTest(name = "RingNonblocking on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void ringNonblocking(int n) throws Exception {
        Result r = MpiTestKit.run(n, RingNonblocking.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < n; rank++) {
            assertTrue(r.output().contains("rank " + rank + " of " + n + ": ring sum " + (n * (n - 1) / 2) + " OK"), r.output());
        }
    }

    @ParameterizedTest(name = "PersistentPingPong on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void persistentPingPong(int n) throws Exception {
        Result r = MpiTestKit.run(n, PersistentPingPong.class.getName(), "20");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("1048576"), r.output());
    }

    @ParameterizedTest(name = "object and array tutorial examples on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void tutorialCollectives(int n) throws Exception {
        String[][] cases = {
            {"PointToPointObjects", "rank 1 received {a=7, b=3.14} (blocking) and {a=7, b=3.14} (nonblocking): OK"},
            {"BcastObject", "rank " + (n - 1) + " of " + n + ": {key1=[7, 2.72, Complex[re=2.0, im=3.0]], key2=[abc, xyz]} OK"},
            {"ScatterObjects", "rank " + (n - 1) + " of " + n + ": " + n * n + " OK"},
            {"GatherObjects", "rank 0 gathered [1, 4"},
            {"BcastArray", "rank " + (n - 1) + " of " + n + ": 100 ints broadcast OK"},
            {"ScatterArrays", "rank " + (n - 1) + " of " + n + ": row of 100 x " + (n - 1) + " OK"},
            {"GatherArrays", "rank 0 gathered " + n + " x 100 ints OK"},
            {"MatVec", "rank " + (n - 1) + " of " + n + ": 64 rows of y = A x match the serial product OK"},
            {"UserOp", "rank 0 of " + n + ": product of (1 + r i) = "},
        };
        for (String[] c : cases) {
            Result r = MpiTestKit.run(n, "org.mpi4j.examples." + c[0]);
            assertEquals(0, r.exitCode(), c[0] + ":\n" + r.output());
            assertTrue(r.output().contains(c[1]), c[0] + " missing '" + c[1] + "' in:\n" + r.output());
        }
    }

    @ParameterizedTest(name = "topology and group examples on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void topologyAndGroupExamples(int n) throws Exception {
        Result jacobi = MpiTestKit.run(n, JacobiHalo.class.getName());
        assertEquals(0, jacobi.exitCode(), jacobi.output());
        // uneven blocks: 31 x 27 cells do not divide evenly over 2, 3 or 4 ranks' grids
        Result uneven = MpiTestKit.run(n, JacobiHalo.class.getName(), "31", "27", "120");
        assertEquals(0, uneven.exitCode(), uneven.output());
        Result groups = MpiTestKit.run(n, GroupsAndSplit.class.getName());
        assertEquals(0, groups.exitCode(), groups.output());
        Result ring = MpiTestKit.run(n, NeighborExchange.class.getName());
        assertEquals(0, ring.exitCode(), ring.output());
        for (int rank = 0; rank < n; rank++) {
            assertTrue(jacobi.output().contains("rank " + rank + " of " + n + " at ("), jacobi.output());
            assertTrue(uneven.output().contains("rank " + rank + " of " + n + " at ("), uneven.output());
            assertTrue(groups.output().contains("world rank " + rank + ": " + (rank % 2 == 0 ? "even" : "odd")), groups.output());
            assertTrue(ring.output().contains("rank " + rank + " of " + n + ": " + n + " blocks of 1000 doubles went round the ring"),
                    ring.output());
        }
        assertTrue(jacobi.output().contains("matches the serial solve OK"), jacobi.output());
        assertTrue(groups.output().contains("merged rank " + (n - 1) + " of " + n + " OK"), groups.output());
    }

    @ParameterizedTest(name = "one-sided examples on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void oneSidedExamples(int n) throws Exception {
        Result counter = MpiTestKit.run(n, GlobalCounter.class.getName());
        assertEquals(0, counter.exitCode(), counter.output());
        Result halo = MpiTestKit.run(n, OneSidedHalo.class.getName());
        assertEquals(0, halo.exitCode(), halo.output());
        Result uneven = MpiTestKit.run(n, OneSidedHalo.class.getName(), "31", "27", "120");
        assertEquals(0, uneven.exitCode(), uneven.output());
        Result pipeline = MpiTestKit.run(n, PscwPipeline.class.getName());
        assertEquals(0, pipeline.exitCode(), pipeline.output());
        for (int rank = 0; rank < n; rank++) {
            assertTrue(counter.output().contains("rank " + rank + " of " + n + ": 50 tickets, first "), counter.output());
            assertTrue(halo.output().contains("rank " + rank + " of " + n + " at ("), halo.output());
            assertTrue(uneven.output().contains("rank " + rank + " of " + n + " at ("), uneven.output());
            assertTrue(pipeline.output().contains("rank " + rank + " of " + n + ": 20 items of 1000 doubles through stage "
                    + rank), pipeline.output());
        }
        assertTrue(counter.output().contains("all " + 50 * n + " distinct OK"), counter.output());
        assertTrue(halo.output().contains("one-sided halos match JacobiHalo's serial solve OK"), halo.output());
        Result shared = MpiTestKit.run(n, Nd4jSharedMatrix.class.getName());
        assertEquals(0, shared.exitCode(), shared.output());
        for (int rank = 0; rank < n; rank++) {
            assertTrue(shared.output().contains("rank " + rank + " of " + n + ": 32 rows of the shared matrix done"),
                    shared.output());
        }
        assertTrue(shared.output().contains("with A shared by the node matches the single-process product OK"),
                shared.output());
    }

    @ParameterizedTest(name = "Arrow and ND4J examples on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void arrowAndNd4jExamples(int n) throws Exception {
        Result arrow = MpiTestKit.run(n, ArrowExchange.class.getName());
        assertEquals(0, arrow.exitCode(), arrow.output());
        Result matvec = MpiTestKit.run(n, Nd4jMatVec.class.getName());
        assertEquals(0, matvec.exitCode(), matvec.output());
        Result column = MpiTestKit.run(n, Nd4jColumnSend.class.getName());
        assertEquals(0, column.exitCode(), column.output());
        for (int rank = 0; rank < n; rank++) {
            int prev = (rank - 1 + n) % n;
            assertTrue(arrow.output().contains("rank " + rank + " of " + n + ": 100000 doubles and " + (4 + prev) + " words"),
                    arrow.output());
            assertTrue(matvec.output().contains("rank " + rank + " of " + n + ": 64 rows done"), matvec.output());
            assertTrue(column.output().contains("rank " + rank + " of " + n + ": column " + (prev % 7) + " of rank " + prev),
                    column.output());
        }
        assertTrue(matvec.output().contains("matches the single-process product"), matvec.output());
        // no JavaCPP version clash between ND4J's natives and mpi4j's
        assertTrue(!matvec.output().contains("Version mismatch") && !matvec.output().contains("UnsatisfiedLinkError"), matvec.output());
    }

    @Test
    void groupsAndSplitRefusesASingleRank() throws Exception {
        Result r = MpiTestKit.run(1, GroupsAndSplit.class.getName());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("needs at least 2 ranks"), r.output());
    }

    @Test
    void largeObjectExampleOnASmallPayload() throws Exception {
        Result r = MpiTestKit.run(2, LargeObject.class.getName(), "2", "3");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("rank 1 received an object of 6291456 bytes"), r.output());
    }

    @Test
    void aWrongResultAbortsTheJobWithTheRank() throws Exception {
        Result r = MpiTestKit.run(1, PointToPointArrays.class.getName());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[mpi4j] rank 0 of 1: uncaught exception in main"), r.output());
        assertTrue(r.output().contains("run on at least 2 ranks"), r.output());
    }

    /** The manual's compute-pi master/worker: one master spawns 1-3 Java workers, with arrays and with objects. */
    @ParameterizedTest(name = "ComputePi with {0} workers")
    @ValueSource(ints = {1, 3})
    void computePi(int workers) throws Exception {
        boolean refused = org.mpi4j.testing.Family.launchedMpiHasNoDynamicProcesses();
        for (String mode : new String[] {"arrays", "objects"}) {
            Result r = MpiTestKit.run(1, ComputePi.class.getName(), Integer.toString(workers), "20000", mode);
            if (refused) {
                // MPICH 4.0 with ch4:ucx has no dynamic processes: the master's spawn is refused, uncaught, and the
                // job ends with the reason (README, MPICH)
                assertNotEquals(0, r.exitCode(), r.output());
                assertTrue(r.output().contains("spawn: this MPICH") && r.output().contains("MPI_ERR_UNSUPPORTED_OPERATION"), r.output());
                continue;
            }
            assertEquals(0, r.exitCode(), r.output());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("pi is approximately ([0-9.]+), error").matcher(r.output());
            assertTrue(m.find(), r.output());
            assertEquals(Math.PI, Double.parseDouble(m.group(1)), 1e-8, r.output());
            assertTrue(r.output().contains("(" + workers + " workers, 20000 intervals, " + mode + ")"), r.output());
        }
    }

    /** Interop (issue 20): a native C library and a Fortran subroutine called with mpi4j's communicators and datatypes. */
    @ParameterizedTest(name = "InteropHello on {0} ranks")
    @ValueSource(ints = {1, 2, 3, 4})
    void interopHello(int n) throws Exception {
        Result r = MpiTestKit.run(n, org.mpi4j.examples.interop.InteropHello.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        String host = InetAddress.getLocalHost().getHostName();
        double sum = 10.0 * n * (n - 1) / 2 + n * 45.0;
        for (int rank = 0; rank < n; rank++) {
            assertTrue(r.output().contains("I am process " + rank + " of " + n + " on " + host + " (C library)."), r.output());
            assertTrue(r.output().contains("I am process " + rank + " of " + n + " (Fortran subroutine)."), r.output());
            assertTrue(r.output().contains(String.format("rank %d: native sum %.1f from an array and %.1f from a direct buffer,"
                    + " native dup of %d processes OK", rank, sum, sum, n)), r.output());
        }
        // the split halves: even and odd ranks
        int evens = (n + 1) / 2;
        assertTrue(r.output().contains("I am process " + (evens - 1) + " of " + evens + " on " + host + " (C library)."), r.output());
    }

    /** spawnJava under a plain mpiexec (no launcher): the workers start the same way, also beyond the core count. */
    @org.junit.jupiter.api.Test
    void computePiUnderAPlainMpiexec() throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(System.getProperty("java.home") + "/bin/java"));
        cmd.addAll(org.mpi4j.run.Mpirun.defaultJvmFlags());
        cmd.addAll(java.util.List.of("-cp", MpiTestKit.classpath(), ComputePi.class.getName(), "3", "20000", "arrays"));
        ProcessBuilder pb = org.mpi4j.run.Mpirun.nativeProcessBuilder(1, cmd).redirectErrorStream(true);
        pb.environment().remove("OMPI_MCA_rmaps_base_oversubscribe");   // as a user's plain mpiexec: no oversubscription
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        if (org.mpi4j.testing.Family.launchedMpiHasNoDynamicProcesses()) {
            assertNotEquals(0, p.exitValue(), out);
            assertTrue(out.contains("spawn: this MPICH") && out.contains("MPI_ERR_UNSUPPORTED_OPERATION"), out);
            return;
        }
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("(3 workers, 20000 intervals, arrays)"), out);
    }

    @ParameterizedTest(name = "MPI-IO tutorial examples, Arrow table, Jacobi checkpoint on {0} ranks")
    @ValueSource(ints = {1, 2, 3, 4})
    void ioExamples(int n) throws Exception {
        Result contig = MpiTestKit.run(n, IoContiguous.class.getName());
        assertEquals(0, contig.exitCode(), contig.output());
        assertTrue(contig.output().contains(" holds " + n + " x 10 ints, read back OK"), contig.output());
        Result noncontig = MpiTestKit.run(n, IoNoncontiguous.class.getName());
        assertEquals(0, noncontig.exitCode(), noncontig.output());
        assertTrue(noncontig.output().contains(" interleaves " + n + " ranks x 10 ints, read back OK"), noncontig.output());
        Result table = MpiTestKit.run(n, ArrowTable.class.getName());
        assertEquals(0, table.exitCode(), table.output());
        assertTrue(table.output().contains("rank 0: " + n + " batches, " + (3 * n + n * (n - 1) / 2) + " rows in one Arrow IPC file,"
                + " read back OK"), table.output());
        // JacobiHalo's grid (uneven blocks of a Cartesian decomposition) checkpointed into one .npy file
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mpi4j-ckpt-");
        java.nio.file.Path npy = dir.resolve("jacobi.npy");
        try {
            Result ckpt = MpiTestKit.run(n, JacobiHalo.class.getName(), "31", "27", "120", npy.toString());
            assertEquals(0, ckpt.exitCode(), ckpt.output());
            assertTrue(ckpt.output().contains("checkpoint 31x27 written to one .npy file and read back OK"), ckpt.output());
            org.mpi4j.io.Npy.Header h = org.mpi4j.io.Npy.readHeader(npy.toString());
            assertEquals("<f8", h.descr());
            assertEquals(java.util.List.of(31L, 27L), java.util.Arrays.stream(h.shape()).boxed().toList());
            assertEquals(h.dataOffset() + 31L * 27 * 8, java.nio.file.Files.size(npy));
        } finally {
            java.nio.file.Files.deleteIfExists(npy);
            java.nio.file.Files.delete(dir);
        }
    }

    /** ND4J arrays and strided views as MPI-IO buffers, on 1-3 ranks. */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicNode> nd4jFiles() {
        return MpiTestKit.ranks(Nd4jFileRanks.class, 1, 2, 3);
    }
}
