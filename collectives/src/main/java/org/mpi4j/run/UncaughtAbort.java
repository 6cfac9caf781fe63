package org.mpi4j.run;

import org.mpi4j.MPI;

/**
 * The uncaught-exception rule of mpi4py's {@code python -m mpi4py}: an exception nobody caught, on any thread of
 * any rank, prints {@code [mpi4j] rank R of N: uncaught exception in WHERE, aborting the job:} with its stack trace
 * and aborts the whole job (MPI_Abort on COMM_WORLD, error code 1) at once, instead of leaving the other ranks
 * blocked in a receive or a barrier forever. {@link RankMain} installs it before the program starts; the library
 * installs it as the default handler when it initialises MPI and no default handler is set, so the rule also holds
 * under a plain {@code mpiexec java ...}. A program that sets its own default handler replaces it.
 */
public final class UncaughtAbort implements Thread.UncaughtExceptionHandler {
    /** A handler for {@link Thread#setDefaultUncaughtExceptionHandler}. */
    public UncaughtAbort() { }

    /** Prints {@code e} with the rank and aborts the job; see {@link #abortJob}. */
    @Override
    public void uncaughtException(Thread t, Throwable e) {
        abortJob(e, "thread " + t.getName());
    }

    /**
     * Prints {@code e} with the rank and {@code where} it was thrown, then aborts the job (MPI_Abort, error code 1)
     * when MPI is running; exits this JVM with status 1 when MPI never started or is already finalized. Never
     * returns.
     *
     * @param e the exception
     * @param where where it happened
     */
    public static void abortJob(Throwable e, String where) {
        String rank = "?";
        String size = "?";
        boolean mpi;
        try {
            mpi = MPI.isInitialized() && !MPI.isFinalized();
            if (mpi) {
                rank = Integer.toString(MPI.COMM_WORLD.getRank());
                size = Integer.toString(MPI.COMM_WORLD.getSize());
            }
        } catch (Throwable ignored) {
            mpi = false;
        }
        System.out.flush();
        System.err.print(report(e, rank, size, where));   // one write, so ranks' traces do not interleave line by line
        System.err.flush();
        if (mpi) {
            MPI.COMM_WORLD.abort(1);
        }
        Runtime.getRuntime().halt(1);
    }

    /**
     * The report an aborting rank prints: a header line, then the exception's trace with every line prefixed by the
     * rank, without the launcher's reflection frames (RankMain invoking the user's main).
     */
    static String report(Throwable e, String rank, String size, String where) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        StringBuilder sb = new StringBuilder("[mpi4j] rank ").append(rank).append(" of ").append(size)
                .append(": uncaught exception in ").append(where).append(", aborting the job:\n");
        for (String line : w.toString().split("\\R")) {
            String t = line.trim();
            if (t.startsWith("at jdk.internal.reflect.") || t.startsWith("at java.base/jdk.internal.reflect.")
                    || t.startsWith("at java.base/java.lang.reflect.Method.invoke") || t.startsWith("at java.lang.reflect.Method.invoke")
                    || t.startsWith("at org.mpi4j.run.RankMain.")) {
                continue;
            }
            sb.append("[rank ").append(rank).append("] ").append(line).append('\n');
        }
        return sb.toString();
    }
}
