package org.mpi4j;

import java.util.Map;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;
import org.mpi4j.run.UncaughtAbort;

/**
 * Initialisation and finalisation state. MPI is initialised on first use (thread level from the system property
 * {@code mpi4j.threadLevel}, default MULTIPLE as in mpi4py) or explicitly by {@link MPI#init(ThreadLevel)}.
 *
 * <p>When mpi4j initialised MPI, how the JVM ends decides what happens to the job (the rules are stated for users in
 * {@link MPI}): a normal end (main returned and every non-daemon thread ended: the JVM's DestroyJavaVM path)
 * finalises MPI; System.exit before that, with MPI not finalised, aborts the job when COMM_WORLD has more than one
 * rank, because the other ranks may be blocked waiting for this one and MPI_Finalize would then wait forever; a signal (SIGTERM, SIGINT, SIGHUP) leaves
 * MPI alone, so the process ends without finalising and the MPI runtime ends the rest of the job. An uncaught
 * exception aborts the job through {@link UncaughtAbort}, installed at initialisation when no default handler is
 * set.
 */
final class Environment {
    /** Set once MPI is usable; a plain field read on every operation's fast path. */
    static boolean ready;
    private static boolean weInitialized;
    private static ThreadLevel provided;

    private Environment() { }

    /** Called by every operation: initialises MPI on first use. */
    static void ensure() {
        if (!ready) {
            autoInit();
        }
    }

    private static synchronized void autoInit() {
        if (ready) {
            return;
        }
        if (nativeFlag(true)) {
            if (nativeFlag(false)) {
                throw new MPIException(ErrorClasses.ERR_OTHER, "MPI has already been finalized");
            }
            adopt();
            return;
        }
        String p = System.getProperty("mpi4j.threadLevel", "MULTIPLE");
        init(ThreadLevel.valueOf(p.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    static synchronized ThreadLevel init(ThreadLevel required) {
        if (nativeFlag(true)) {
            throw new MPIException(ErrorClasses.ERR_OTHER, "MPI is already initialized");
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Init_thread(0, 0, required.value(), s.address(0)));
        LibMpi.mpi4j_keep_jvm_signals();   // again, for an MPI that loads UCX only in MPI_Init (Open MPI's pml_ucx)
        provided = ThreadLevel.of(s.getInt(0));
        weInitialized = true;
        setErrorsReturn();
        ready = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Environment::atExit, "mpi4j-finalize"));
        // -Dmpi4j.abortOnUncaught=false leaves uncaught exceptions to the JVM (the other ranks may then hang)
        if (Thread.getDefaultUncaughtExceptionHandler() == null && Boolean.parseBoolean(System.getProperty("mpi4j.abortOnUncaught", "true"))) {
            Thread.setDefaultUncaughtExceptionHandler(new UncaughtAbort());
        }
        return provided;
    }

    /** MPI was initialised by someone else in this process (e.g. a native library): use it, leave it to them. */
    private static void adopt() {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Query_thread(s.address(0)));
        provided = ThreadLevel.of(s.getInt(0));
        setErrorsReturn();
        ready = true;
    }

    private static void setErrorsReturn() {
        long ret = LibMpi.MPI_ERRORS_RETURN();
        MPIException.check(LibMpi.MPI_Comm_set_errhandler(LibMpi.MPI_COMM_WORLD(), ret));
        MPIException.check(LibMpi.MPI_Comm_set_errhandler(LibMpi.MPI_COMM_SELF(), ret));
    }

    static ThreadLevel provided() {
        ensure();
        return provided;
    }

    static boolean nativeFlag(boolean initialized) {
        NativeScratch s = NativeScratch.get();
        int rc = initialized ? LibMpi.MPI_Initialized(s.address(0)) : LibMpi.MPI_Finalized(s.address(0));
        MPIException.check(rc);
        return s.getInt(0) != 0;
    }

    static synchronized void finalizeMpi() {
        ensure();
        if (nativeFlag(false)) {
            throw new MPIException(ErrorClasses.ERR_OTHER, "MPI is already finalized");
        }
        MPIException.check(LibMpi.MPI_Finalize());
        weInitialized = false;
    }

    /** How the JVM is ending, as seen from a shutdown hook. */
    enum Ending {
        /** main returned and every non-daemon thread ended (DestroyJavaVM). */
        NORMAL,
        /** System.exit / Runtime.exit, from any thread. */
        EXIT,
        /** SIGTERM, SIGINT or SIGHUP. */
        SIGNAL
    }

    /** The shutdown hook: finalise after a normal end, abort after System.exit, leave MPI alone on a signal. */
    private static void atExit() {
        synchronized (Environment.class) {
            if (!weInitialized || nativeFlag(false)) {
                return;
            }
            Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
            switch (ending(stacks)) {
                case NORMAL:
                    LibMpi.MPI_Finalize();
                    weInitialized = false;
                    break;
                case EXIT:
                    if (MPI.COMM_WORLD.getSize() == 1) {
                        // A world of one (a singleton `java Main`, a test runner's JVM) has nobody waiting for it,
                        // and System.exit keeps its status. When spawn/connect arrive, a parent or children will
                        // have to count here too.
                        LibMpi.MPI_Finalize();
                        weInitialized = false;
                    } else {
                        abortAtExit(exitCaller(stacks));
                    }
                    break;
                default:
                    // The signal's sender is ending this process (mpiexec ending the job, or someone from outside):
                    // finalising could wait forever for blocked ranks, and the MPI runtime ends the job anyway
                    // once this rank is gone without finalising.
                    break;
            }
        }
    }

    /**
     * Waits (at most 2 s) until the launcher has read what this process wrote to stdout and stderr. MPI_Abort ends the
     * job at once, and MPICH's hydra dropped an aborting rank's last lines when the abort overtook them in the pipe
     * (AbortTest and TeardownTest's MPI.abort case, intermittently). Output that is not a pipe, or a launcher that
     * reads promptly, costs nothing.
     */
    static void drainOutput() {
        try {
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end && (LibMpi.mpi4j_unread_bytes(1) > 0
                    || LibMpi.mpi4j_unread_bytes(2) > 0)) {
                Thread.sleep(5);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (Throwable ignored) {
            // the report was written; an abort must not fail here
        }
    }

    /** Null until asked: why this MPI library cannot start or connect processes, or "" when it can. */
    private static volatile String noDynamicProcesses;

    /**
     * Throws when the MPI library has no dynamic processes. MPICH 4.0 built with the ch4:ucx device (Debian's and
     * Ubuntu's mpich packages) answers MPI_Open_port, MPI_Comm_join and connect/accept "not supported with ucx
     * netmod" (pmodels/mpich#5128, #5137), and its MPI_Comm_spawn fails at the root while the other ranks wait in it
     * forever. So mpi4j refuses these calls on every rank before MPI is called: the same answer everywhere, no hang.
     */
    static void requireDynamicProcesses(String call) {
        String why = noDynamicProcesses;
        if (why == null) {
            String v = MPI.getLibraryVersion();
            boolean ucx40 = v.matches("(?s).*MPICH Device:\\s*ch4:ucx\\b.*") && v.matches("(?s)MPICH Version:\\s*(3\\.|4\\.0\\b).*");
            noDynamicProcesses = why = ucx40 ? "this MPICH (" + v.lines().findFirst().orElse("").replace('\t', ' ').trim()
                    + ", device ch4:ucx) does not support dynamic processes (spawn, ports, connect/accept, join); an MPICH built"
                    + " with the ch4:ofi or ch3 device, or Open MPI, does" : "";
        }
        if (!why.isEmpty()) {
            throw new MPIException(ErrorClasses.ERR_UNSUPPORTED_OPERATION, call + ": " + why);
        }
    }

    /**
     * The C handle MPI's f2c gave for Fortran handle {@code f}; an unknown index (Open MPI answers a C NULL, which
     * no valid handle is) is an MPIException instead of a handle that crashes the next call.
     */
    static long fromFortran(long h, int f, String what) {
        if (h == 0) {
            throw new MPIException(ErrorClasses.ERR_ARG, "Fortran handle " + f + " names no " + what);
        }
        return h;
    }

    /**
     * Reads how the JVM ends from the thread running the shutdown hooks: its stack holds
     * {@code java.lang.Shutdown.runHooks} called from {@code Shutdown.shutdown} (DestroyJavaVM: a normal end) or from
     * {@code Shutdown.exit} (Runtime.exit, or the JVM's signal handler via {@code java.lang.Terminator}). Checked on
     * JDK 17 and 25. Should a JDK ever name these differently, a live {@code DestroyJavaVM} thread still marks a
     * normal end.
     */
    static Ending ending(Map<Thread, StackTraceElement[]> stacks) {
        boolean destroyJavaVm = false;
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            destroyJavaVm |= "DestroyJavaVM".equals(e.getKey().getName());
            StackTraceElement[] st = e.getValue();
            for (int i = 0; i + 1 < st.length; i++) {
                if (isFrame(st[i], "java.lang.Shutdown", "runHooks")) {
                    if (isFrame(st[i + 1], "java.lang.Shutdown", "shutdown")) {
                        return Ending.NORMAL;
                    }
                    for (int j = i + 1; j < st.length; j++) {
                        if (st[j].getClassName().startsWith("java.lang.Terminator")) {
                            return Ending.SIGNAL;
                        }
                    }
                    return Ending.EXIT;
                }
            }
        }
        return destroyJavaVm ? Ending.NORMAL : Ending.EXIT;
    }

    private static boolean isFrame(StackTraceElement f, String cls, String method) {
        return cls.equals(f.getClassName()) && method.equals(f.getMethodName());
    }

    /** The first frame below System.exit / Runtime.exit on the exiting thread, or "" when not found. */
    private static String exitCaller(Map<Thread, StackTraceElement[]> stacks) {
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            StackTraceElement[] st = e.getValue();
            for (int i = st.length - 1; i >= 0; i--) {
                String c = st[i].getClassName();
                if ((c.equals("java.lang.System") || c.equals("java.lang.Runtime")) && st[i].getMethodName().equals("exit")) {
                    return i + 1 < st.length ? " (thread " + e.getKey().getName() + ", at " + st[i + 1] + ")" : "";
                }
            }
        }
        return "";
    }

    /** System.exit with MPI still running: say why, then MPI_Abort the job (error code 1); never returns. */
    private static void abortAtExit(String where) {
        String rank = "?";
        String size = "?";
        try {
            rank = Integer.toString(MPI.COMM_WORLD.getRank());
            size = Integer.toString(MPI.COMM_WORLD.getSize());
        } catch (RuntimeException ignored) {
            // the message matters more than the numbers
        }
        System.out.flush();
        System.err.println("[mpi4j] rank " + rank + " of " + size + ": System.exit was called" + where + " before the program"
                + " ended normally, with MPI not finalized; other ranks may be waiting for this one, so the job is aborted"
                + " (MPI_Abort). To end normally, return from main (MPI is finalized at exit) or call MPI.finalizeMPI()"
                + " before System.exit.");
        System.err.flush();
        drainOutput();
        LibMpi.MPI_Abort(LibMpi.MPI_COMM_WORLD(), 1);
        Runtime.getRuntime().halt(1);
    }
}
