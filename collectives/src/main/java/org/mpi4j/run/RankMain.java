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

    /** The Main-Class of a jar's manifest. */
    static String mainClassOf(String jar) throws java.io.IOException {
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar)) {
            java.util.jar.Manifest m = j.getManifest();
            String c = m == null ? null : m.getMainAttributes().getValue("Main-Class");
            if (c == null) {
                throw new IllegalArgumentException(jar + " has no Main-Class in its manifest");
            }
            return c;
        }
    }

    /**
     * {@code RankMain MAINCLASS [ARGS...]} or {@code RankMain -jar APP.jar [ARGS...]}.
     *
     * @param args the arguments
     * @throws Exception whatever the program throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: RankMain MAINCLASS [ARGS...]");
        }
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtAbort());
        int from = 1;
        String name = args[0];
        if (name.equals("-jar") && args.length > 1) {
            name = mainClassOf(args[1]);
            from = 2;
        }
        Method main;
        try {
            main = Class.forName(name).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            // before MPI starts: one line, and this rank ends; mpiexec ends the others
            System.err.println("[mpi4j] " + (e instanceof ClassNotFoundException ? "main class " + name + " not found"
                    : name + " has no public static void main(String[])") + " (classpath " + System.getProperty("java.class.path") + ")");
            System.exit(1);
            return;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, from, args.length);
        try {
            main.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            UncaughtAbort.abortJob(e.getCause(), "main");
        }
    }
}
