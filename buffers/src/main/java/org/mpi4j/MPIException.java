package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * An MPI error as an unchecked exception: MPI's error class, error code and error string.
 *
 * <p>Raised for every non-success return of a native MPI call (mpi4j sets ERRORS_RETURN on every handle it makes),
 * and for bad input that mpi4j detects in Java before any native call (then {@link #isLocal()} is true and the
 * error class is the one MPI would have used, e.g. {@code MPI_ERR_COUNT} for a count larger than the buffer).
 */
public class MPIException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorClass;
    private final int errorCode;
    private final boolean local;

    /** An error detected by mpi4j itself, with the MPI error class that describes it. */
    public MPIException(int errorClass, String message) {
        super(message + " [" + ErrorClasses.name(errorClass) + "]");
        this.errorClass = errorClass;
        this.errorCode = errorClass;
        this.local = true;
    }

    private MPIException(int errorCode, int errorClass, String mpiString) {
        super(mpiString + " [" + ErrorClasses.name(errorClass) + ", code " + errorCode + "]");
        this.errorClass = errorClass;
        this.errorCode = errorCode;
        this.local = false;
    }

    /** Builds the exception for an error code an MPI call returned (MPI_Error_class + MPI_Error_string). */
    public static MPIException fromCode(int errorCode) {
        NativeScratch s = NativeScratch.get();
        int cls = errorCode;
        if (LibMpi.MPI_Error_class(errorCode, s.address(0)) == 0) {
            cls = s.getInt(0);
        }
        String text;
        if (LibMpi.MPI_Error_string(errorCode, s.address(64), s.address(0)) == 0) {
            text = s.getString(64, s.getInt(0));
        } else {
            text = "MPI error code " + errorCode;
        }
        return new MPIException(errorCode, cls, text);
    }

    /** Throws {@link #fromCode} when {@code rc} is not MPI_SUCCESS: the one check after every native call. */
    public static void check(int rc) {
        if (rc != 0) {
            throw fromCode(rc);
        }
    }

    /** The MPI error class (MPI_Error_class of the code), e.g. {@code MPI_ERR_TRUNCATE}. */
    public int getErrorClass() {
        return errorClass;
    }

    /** The MPI error code as the native call returned it (equal to the class for local checks). */
    public int getErrorCode() {
        return errorCode;
    }

    /** MPI's own text for the error (MPI_Error_string), or mpi4j's message for a local check. */
    public String getErrorString() {
        return getMessage();
    }

    /** True when mpi4j detected the problem in Java before calling MPI. */
    public boolean isLocal() {
        return local;
    }
}
