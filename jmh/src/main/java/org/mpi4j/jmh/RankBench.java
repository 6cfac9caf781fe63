package org.mpi4j.jmh;

import java.util.Collection;
import org.mpi4j.MPI;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link MpiBench} with JMH inside this MPI rank (no fork: the JVM is the rank), with the same options on every
 * rank so all execute the same operations. Arguments: OP KINDS SIZE BATCH WARMUP MEASURE, KINDS comma-separated.
 * Every kind runs once untimed (JIT warm-up across all kinds), then timed. Rank 0 prints per kind
 * {@code RESULT java-KIND OP SIZE seconds_per_op} and, from JMH's GC profiler,
 * {@code ALLOC java-KIND OP SIZE bytes_allocated_per_op} (the hot path should allocate nothing).
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
        int rank = MPI.COMM_WORLD.getRank();
        // every rank of the job is a JMH instance in its own JVM: JMH's one-instance lock file must not stop them
        System.setProperty("jmh.ignoreLock", "true");
        // a first pass over every kind is thrown away: the JIT compiles the shared paths (resolution, JNI calls) with
        // all the providers' profiles before anything is timed, so no kind pays for being first
        for (int pass = 0; pass < 2; pass++) {
            for (String kind : kinds) {
                Collection<RunResult> results = run(op, kind, size, batch, warmup, pass == 0 ? 1 : measure);
                if (pass == 1 && rank == 0) {
                    print(results, kind, op, size, batch);
                }
            }
        }
    }

    private static Collection<RunResult> run(String op, String kind, String size, int batch, int warmup, int measure)
            throws RunnerException {
        Options o = new OptionsBuilder()
                .include(MpiBench.class.getName() + ".run")
                .param("op", op).param("kind", kind).param("size", size)
                .forks(0)
                .warmupIterations(warmup).warmupBatchSize(batch)
                .measurementIterations(measure).measurementBatchSize(batch)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class)
                .build();
        return new Runner(o).run();
    }

    private static void print(Collection<RunResult> results, String kind, String op, String size, int batch) {
        for (RunResult r : results) {
            // single-shot score: nanoseconds for one iteration, i.e. one batch
            double perOp = r.getPrimaryResult().getScore() * 1e-9 / batch;
            System.out.print(String.format("RESULT java-%s %s %s %.6e%n", kind, op, size, perOp));
            Result alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null) {
                // normalised per JMH operation, which in single-shot mode is one batch
                System.out.print(String.format("ALLOC java-%s %s %s %.6e%n", kind, op, size, alloc.getScore() / batch));
            }
        }
    }
}
