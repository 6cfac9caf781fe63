package org.mpi4j.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.mpi4j.MPI;

/**
 * What every rank started by {@link Mpirun} runs: the user's main class, with mpi4py's {@code -m mpi4py} rule: an
 * uncaught exception on any thread of any rank prints the exception with the rank and aborts the whole job
 * (MPI_Abort) at once, instead of leaving the other ranks hung.
 */
public final class RankMain {
    private RankMain() { }

    /** {@code RankMain MAINCLASS [ARGS...]}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: RankMain MAINCLASS [ARGS...]");
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> die(e, "thread " + t.getName()));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            main.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            die(e.getCause(), "main");
        }
    }

    /** Prints the failure with the rank and aborts the job; exits 1 if MPI never started. */
    static void die(Throwable e, String where) {
        String rank = "?";
        String size = "?";
        boolean mpi = false;
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
        System.err.println("[mpi4j] rank " + rank + " of " + size + ": uncaught exception in " + where + ", aborting the job:");
        e.printStackTrace();
        System.err.flush();
        if (mpi) {
            MPI.COMM_WORLD.abort(1);
        }
        Runtime.getRuntime().halt(1);
    }
}
