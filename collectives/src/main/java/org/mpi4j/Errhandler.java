package org.mpi4j;

import org.mpi4j.jni.LibMpi;

/** MPI_Errhandler: what MPI does on an error. mpi4j puts ERRORS_RETURN on its handles so errors become exceptions. */
public final class Errhandler {
    /** MPI_ERRORS_RETURN: errors come back as codes, which mpi4j throws as {@link MPIException}. */
    public static final Errhandler ERRORS_RETURN = new Errhandler(LibMpi.MPI_ERRORS_RETURN());
    /** MPI_ERRORS_ARE_FATAL: any error aborts the job. */
    public static final Errhandler ERRORS_ARE_FATAL = new Errhandler(LibMpi.MPI_ERRORS_ARE_FATAL());
    /** MPI_ERRHANDLER_NULL. */
    public static final Errhandler NULL = new Errhandler(LibMpi.MPI_ERRHANDLER_NULL());

    private final long handle;

    private Errhandler(long handle) {
        this.handle = handle;
    }

    /** The matching constant for a native handle, or a wrapper of it. */
    static Errhandler of(long handle) {
        if (handle == ERRORS_RETURN.handle) {
            return ERRORS_RETURN;
        }
        if (handle == ERRORS_ARE_FATAL.handle) {
            return ERRORS_ARE_FATAL;
        }
        return new Errhandler(handle);
    }

    /**
     * The native MPI_Errhandler handle.
     *
     * @return the native MPI_Errhandler handle
     */
    public long handle() {
        return handle;
    }

    @Override
    public String toString() {
        return this == ERRORS_RETURN ? "ERRORS_RETURN" : this == ERRORS_ARE_FATAL ? "ERRORS_ARE_FATAL" : "Errhandler[" + handle + "]";
    }
}
