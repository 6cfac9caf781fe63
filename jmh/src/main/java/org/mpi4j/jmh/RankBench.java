package org.mpi4j.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpi4j.MPI;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link MpiBench} with JMH inside this MPI rank (no fork: the JVM is the rank), with the same options on every
 * rank so all execute the same operations. Arguments: OP KINDS SIZE BATCH WARMUP MEASURE [ROUNDS], KINDS
 * comma-separated; the kinds {@code c} and {@code chuge} are the C kernels, called through JNI in these same processes.
 * Every kind runs once untimed (JIT warm-up across all kinds), then the kinds take turns for ROUNDS rounds (each
 * round in another order), so C and Java are measured interleaved on the same machine. Rank 0 prints per kind the
 * median of all its measured batches as {@code RESULT java-KIND OP SIZE seconds_per_op} ({@code RESULT c ...} for C) and, from JMH's
 * GC profiler, {@code ALLOC java-KIND OP SIZE bytes_allocated_per_op} (the hot path should allocate nothing).
 */
public final class RankBench {
    private RankBench() { }

    public static void main(String[] args) throws RunnerException {
        String op = args[0];
        String[] kinds = args[1].split(",");
        String size = args[2];
        int batch = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measure = Integer.parseInt(args[5]);
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int rank = MPI.COMM_WORLD.getRank();
        // every rank of the job is a JMH instance in its own JVM: JMH's one-instance lock file must not stop them
        System.setProperty("jmh.ignoreLock", "true");
        // a first pass over every kind is thrown away: the JIT compiles the shared paths (resolution, JNI calls) with
        // all the providers' profiles before anything is timed, so no kind pays for being first
        for (String kind : kinds) {
            run(op, kind, size, batch, warmup, 1);
        }
        // then the kinds (C's among them) take turns, round after round, each round in another order: all of them
        // see the same machine, and each kind's median over the rounds is its result
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        Map<String, Double> alloc = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < kinds.length; k++) {
                String kind = kinds[(k + round) % kinds.length];
                // every JMH run starts a new worker thread, and the object path keeps per-thread state (the serializer,
                // its buffers): its turns warm up in full, or they time a cold thread (8 us for the small map, not 1.6)
                boolean perThreadState = op.equals("object") || op.equals("serialize");
                for (RunResult r : run(op, kind, size, batch, perThreadState ? warmup : Math.min(warmup, 3), measure)) {
                    // every measured batch on its own (single-shot: an iteration's score is nanoseconds for one batch),
                    // so one batch disturbed by the machine does not drag a whole turn
                    for (BenchmarkResult br : r.getBenchmarkResults()) {
                        for (IterationResult ir : br.getIterationResults()) {
                            perOp.computeIfAbsent(kind, x -> new ArrayList<>()).add(ir.getPrimaryResult().getScore() * 1e-9 / batch);
                        }
                    }
                    Result a = r.getSecondaryResults().get("gc.alloc.rate.norm");
                    if (a != null && !isC(kind)) {
                        // normalised per JMH operation, which in single-shot mode is one batch
                        alloc.put(kind, a.getScore() / batch);
                    }
                }
            }
        }
        if (rank == 0) {
            for (String kind : kinds) {
                List<Double> v = perOp.get(kind);
                v.sort(null);
                String who = isC(kind) ? kind : "java-" + kind;
                System.out.print(String.format("RESULT %s %s %s %.6e%n", who, op, size, v.get(v.size() / 2)));
                if (alloc.containsKey(kind)) {
                    System.out.print(String.format("ALLOC %s %s %s %.6e%n", who, op, size, alloc.get(kind)));
                }
            }
        }
    }

    static boolean isC(String kind) {
        return kind.equals("c") || kind.equals("chuge");
    }

    private static Collection<RunResult> run(String op, String kind, String size, int batch, int warmup, int measure)
            throws RunnerException {
        // a C kind runs the whole batch in one invocation (one JNI transition per batch)
        int invocations = isC(kind) ? 1 : batch;
        Options o = new OptionsBuilder()
                .include(MpiBench.class.getName() + ".run")
                .param("op", op).param("kind", kind).param("size", size)
                .param("cBatch", Integer.toString(isC(kind) ? batch : 1))
                .forks(0)
                .warmupIterations(warmup).warmupBatchSize(invocations)
                .measurementIterations(measure).measurementBatchSize(invocations)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class)
                .build();
        return new Runner(o).run();
    }
}
