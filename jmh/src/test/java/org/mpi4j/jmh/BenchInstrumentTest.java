package org.mpi4j.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.run.Mpirun;
import org.mpi4j.testing.MpiTestKit;

/**
 * The benchmark instrument works end to end on tiny batches: the C program built by mpicc and the JMH benchmarks
 * inside 2 ranks each measure real operations and report them in the format the driver reads; the driver's table
 * puts Java over C. (Timings themselves are only compared by ./mpi4j bench, never asserted.)
 */
class BenchInstrumentTest {

    @Test
    void theCProgramMeasuresEveryOperation() throws Exception {
        String bin = new File("target/mpi4j_bench").getAbsolutePath();
        for (String[] c : new String[][] {{"pingpong", "1024"}, {"allreduce", "1000"}, {"bcast", "4096"}, {"ring", "512"},
                {"put", "1024"}, {"get", "1024"}, {"putfence", "1024"}}) {
            List<BenchMain.Row> rows = BenchMain.collect(Mpirun.nativeProcessBuilder(2, List.of(bin, c[0], c[1], "50", "1", "2")));
            assertEquals(1, rows.size(), String.join(" ", c));
            BenchMain.Row r = rows.get(0);
            assertEquals("c", r.who());
            assertEquals(c[0], r.op());
            assertEquals(Integer.parseInt(c[1]), r.size());
            assertTrue(r.seconds() > 0 && r.seconds() < 1, "seconds per op " + r.seconds());
        }
    }

    @Test
    void jmhRunsInsideTheRanksForEveryBufferKind() throws Exception {
        MpiTestKit.Result pp = MpiTestKit.run(2, RankBench.class.getName(), "pingpong", String.join(",", BenchMain.KINDS), "4096", "20", "1", "2");
        assertEquals(0, pp.exitCode(), pp.output());
        for (String kind : BenchMain.KINDS) {
            assertTrue(pp.output().matches("(?s).*RESULT java-" + kind + " pingpong 4096 \\d\\.\\d+e-0\\d.*"), pp.output());
        }
        MpiTestKit.Result obj = MpiTestKit.run(2, RankBench.class.getName(), "object", "map", "0", "20", "1", "2");
        assertEquals(0, obj.exitCode(), obj.output());
        assertTrue(obj.output().contains("RESULT java-map object 0 "), obj.output());
    }

    /** The C kernels run inside the JVM ranks through JNI, taking turns with the Java kinds (the interleaved instrument). */
    @Test
    void theCKernelsRunInTheJvmRanksInTurnsWithJava() throws Exception {
        for (String op : new String[] {"pingpong", "allreduce", "ring", "put"}) {
            MpiTestKit.Result r = MpiTestKit.run(2, RankBench.class.getName(), op, "c,chuge,direct,array", "4096", "20", "1", "2",
                    "3");
            assertEquals(0, r.exitCode(), r.output());
            for (String who : new String[] {"c", "chuge", "java-direct", "java-array"}) {
                assertTrue(r.output().matches("(?s).*RESULT " + who + " " + op + " 4096 \\d\\.\\d+e-0\\d.*"), op + ": " + r.output());
            }
            assertTrue(!r.output().contains("ALLOC c "), "C is not JMH-profiled for allocation");
        }
    }

    @Test
    void oneSidedRowsForEveryBufferKind() throws Exception {
        for (String op : new String[] {"put", "get", "putfence"}) {
            MpiTestKit.Result r = MpiTestKit.run(2, RankBench.class.getName(), op, String.join(",", BenchMain.KINDS), "4096", "20", "1", "2");
            assertEquals(0, r.exitCode(), r.output());
            for (String kind : BenchMain.KINDS) {
                assertTrue(r.output().matches("(?s).*RESULT java-" + kind + " " + op + " 4096 \\d\\.\\d+e-0\\d.*"), r.output());
            }
        }
    }

    @Test
    void theTablePutsJavaOverC() {
        List<BenchMain.Row> rows = List.of(new BenchMain.Row("c", "pingpong", 8, 1.0e-6),
                new BenchMain.Row(BenchMain.PROG + "c", "pingpong", 8, 1.1e-6),
                new BenchMain.Row("java-direct", "pingpong", 8, 1.2e-6), new BenchMain.Row("java-arrow", "pingpong", 8, 0.9e-6));
        String t = BenchMain.table(rows, false);
        String line = t.lines().filter(l -> l.startsWith("pingpong")).findFirst().orElseThrow();
        // columns: C (in process), C huge, C prog (the cross-check), then direct, huge, array, arrow, nd4j (µs and
        // ratio each); ratios are over the in-process C
        assertTrue(line.matches("pingpong\\s+8 B\\s+0\\.500\\s+-\\s+0\\.550\\s+0\\.600\\s+1\\.20\\s+-\\s+-\\s+0\\.450\\s+0\\.90\\s+-.*"), line);
    }

    /**
     * Ratios of messages from 1 MiB are over C on huge pages, smaller ones over plain C; mpi4py's are over the C kernels
     * that ran in its own processes when it has them (py-c, py-chuge), else over the Java ranks' C.
     */
    @Test
    void ratiosAreOverTheCThatRanBesideThem() {
        List<BenchMain.Row> rows = List.of(new BenchMain.Row("c", "pingpong", 1 << 20, 4.0e-6),
                new BenchMain.Row("chuge", "pingpong", 1 << 20, 2.0e-6), new BenchMain.Row("java-direct", "pingpong", 1 << 20, 3.0e-6),
                new BenchMain.Row("mpi4py", "pingpong", 1 << 20, 6.0e-6), new BenchMain.Row("py-c", "pingpong", 1 << 20, 5.0e-6),
                new BenchMain.Row("py-chuge", "pingpong", 1 << 20, 3.0e-6),
                new BenchMain.Row("c", "pingpong", 65536, 1.0e-6), new BenchMain.Row("java-direct", "pingpong", 65536, 1.1e-6),
                new BenchMain.Row("mpi4py", "pingpong", 65536, 2.0e-6),
                new BenchMain.Row("c", "allreduce", 1 << 17, 1.0e-6), new BenchMain.Row("chuge", "allreduce", 1 << 17, 0.5e-6));
        assertEquals(2.0e-6, BenchMain.reference(rows, "java-direct", "pingpong", 1 << 20));
        assertEquals(3.0e-6, BenchMain.reference(rows, "mpi4py", "pingpong", 1 << 20));
        assertEquals(1.0e-6, BenchMain.reference(rows, "mpi4py", "pingpong", 65536), "no py-c row: the Java ranks' C");
        assertEquals(1.0e-6, BenchMain.reference(rows, "java-direct", "pingpong", 65536));
        assertEquals(0.5e-6, BenchMain.reference(rows, "allreduce", 1 << 17), "2^17 doubles are 1 MiB");
        String t = BenchMain.table(rows, true);
        String line = t.lines().filter(l -> l.startsWith("pingpong   1 MiB")).findFirst().orElseThrow();
        // ping-pong times are one way (half the round trip)
        assertTrue(line.matches("pingpong\\s+1 MiB\\s+2\\.000\\s+1\\.000\\s+-\\s+1\\.500\\s+1\\.50\\s.*\\s3\\.000\\s+2\\.00\\s.*"), line);
    }

    @Test
    void everyKindIsTimedLastInSomeRound() {
        String[] k = BenchMain.KINDS;
        assertArrayEquals(k, BenchMain.rotate(k, 0));
        assertArrayEquals(new String[] {"huge", "array", "arrow", "nd4j", "direct"}, BenchMain.rotate(k, 1));
        assertArrayEquals(new String[] {"direct", "huge", "array", "arrow", "nd4j"}, BenchMain.rotate(k, 5));
        java.util.Set<String> last = new java.util.HashSet<>();
        for (int round = 0; round < k.length; round++) {
            last.add(BenchMain.rotate(k, round)[k.length - 1]);
        }
        assertEquals(java.util.Set.of(k), last);
    }

    /** The io cases: the C program and IoBench write and read their blocks of one file with collective MPI-IO. */
    @Test
    void ioCasesRunInCAndJava() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("mpi4j-bench-io-", ".bin");
        try {
            for (String op : new String[] {"iowrite-shm", "ioread-disk"}) {
                ProcessBuilder c = Mpirun.nativeProcessBuilder(2, List.of(new File("target/mpi4j_bench").getAbsolutePath(), op,
                        "1048576", "1", "1", "2"));
                c.environment().put("MPI4J_BENCH_IO_FILE", file.toString());
                List<BenchMain.Row> rows = BenchMain.collect(c);
                assertEquals(1, rows.size(), op);
                assertEquals("c", rows.get(0).who());
                assertEquals(2L << 20, java.nio.file.Files.size(file), "both ranks' blocks are in the file");
                java.nio.file.Files.delete(file);
                // the C kernel and the Java kinds in turns in the same ranks, 2 rounds
                ProcessBuilder j = Mpirun.processBuilder(2, MpiTestKit.classpath(), List.of(), IoBench.class.getName(),
                        List.of(op, "c," + String.join(",", BenchMain.IO_KINDS), "1048576", "1", "1", "1", "2"));
                j.environment().put("MPI4J_BENCH_IO_FILE", file.toString());
                List<BenchMain.Row> jrows = BenchMain.collect(j);
                assertEquals(1 + BenchMain.IO_KINDS.length, jrows.size(), op + ": " + jrows);
                assertEquals("c", jrows.get(0).who(), op);
                for (int k = 0; k < BenchMain.IO_KINDS.length; k++) {
                    assertEquals("java-" + BenchMain.IO_KINDS[k], jrows.get(k + 1).who(), op);
                }
                for (BenchMain.Row r : jrows) {
                    assertTrue(r.seconds() > 0 && r.seconds() < 10, r.toString());
                }
                assertEquals(2L << 20, java.nio.file.Files.size(file));
            }
            assertTrue(BenchMain.fileChannel(file, true, 4L << 20) > 0);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
