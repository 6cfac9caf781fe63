package org.mpi4j.io;

import org.mpi4j.MPIException;

/**
 * An {@link MPIException} from a file operation: its message names the MPI call and the file's path, then MPI's
 * error string (or mpi4j's reason for a problem found in Java), the error class and code. Catch it as MPIException.
 */
final class FileException extends MPIException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final boolean local;
    private final String text;

    private FileException(int errorClass, int code, boolean local, String text) {
        super(errorClass, text);
        this.code = code;
        this.local = local;
        this.text = text + " [" + FileErrors.name(errorClass) + (local ? "" : ", code " + code) + "]";
    }

    /** For a code an MPI call returned: "{@code call} on {@code path}: MPI's string [class, code]". */
    static FileException of(int rc, String call, String path) {
        MPIException e = MPIException.fromCode(rc);
        String mpi = e.getMessage();
        int cut = mpi.lastIndexOf(" [");
        return new FileException(e.getErrorClass(), rc, false, call + " on " + path + ": " + (cut > 0 ? mpi.substring(0, cut) : mpi));
    }

    /** For bad input found in Java before any native call. */
    static FileException local(int errorClass, String call, String path, String reason) {
        return new FileException(errorClass, errorClass, true, call + " on " + path + ": " + reason);
    }

    /** Throws {@link #of} when {@code rc} is not MPI_SUCCESS. */
    static void check(int rc, String call, String path) {
        if (rc != 0) {
            throw of(rc, call, path);
        }
    }

    @Override
    public String getMessage() {
        return text;
    }

    @Override
    public int getErrorCode() {
        return code;
    }

    @Override
    public boolean isLocal() {
        return local;
    }
}
