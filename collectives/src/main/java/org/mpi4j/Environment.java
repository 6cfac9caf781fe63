package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * Initialisation and finalisation state. MPI is initialised on first use (thread level from the system property
 * {@code mpi4j.threadLevel}, default MULTIPLE as in mpi4py) or explicitly by {@link MPI#init(ThreadLevel)}, and
 * finalised at JVM exit when mpi4j initialised it.
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
        provided = ThreadLevel.of(s.getInt(0));
        weInitialized = true;
        setErrorsReturn();
        ready = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Environment::finalizeAtExit, "mpi4j-finalize"));
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

    private static void finalizeAtExit() {
        synchronized (Environment.class) {
            if (weInitialized && !nativeFlag(false)) {
                LibMpi.MPI_Finalize();
                weInitialized = false;
            }
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
}
