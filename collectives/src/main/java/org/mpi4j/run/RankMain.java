package org.mpi4j.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What every rank started by {@link Mpirun} runs: the user's main class, with mpi4py's {@code -m mpi4py} rule
 * ({@link UncaughtAbort}) in force from the first line on: an uncaught exception on any thread of any rank prints
 * the exception with the rank and aborts the whole job (MPI_Abort) at once, instead of leaving the other ranks hung.
 * How the job ends otherwise (main returns, System.exit, a signal) is the library's rule, the same under a plain
 * mpiexec: see {@link org.mpi4j.MPI}.
 */
public final class RankMain {
    private RankMain() { }

    /** {@code RankMain MAINCLASS [ARGS...]}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: RankMain MAINCLASS [ARGS...]");
        }
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtAbort());
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            main.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            UncaughtAbort.abortJob(e.getCause(), "main");
        }
    }
}
