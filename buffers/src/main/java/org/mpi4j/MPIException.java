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

    /** The MPI error class. */
    private final int errorClass;
    /** The MPI error code (equal to the class for local checks). */
    private final int errorCode;
    /** True when mpi4j detected the problem in Java. */
    private final boolean local;

    /**
     * An error detected by mpi4j itself, with the MPI error class that describes it.
     *
     * @param errorClass the MPI error class
     * @param message the message
     */
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

    /**
     * Builds the exception for an error code an MPI call returned (MPI_Error_class + MPI_Error_string).
     *
     * @param errorCode the MPI error code
     * @return the exception
     */
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

    /**
     * Builds the exception for a receive that failed with {@code errorCode}. A truncation (MPI_ERR_TRUNCATE) names
     * both sizes: the message's, as MPI left it in {@code status} (when that is a real status and says more than the
     * buffer holds), and the receive buffer's, in elements of its datatype and in bytes. Any other error is
     * {@link #fromCode}.
     *
     * @param errorCode what the MPI call returned (not MPI_SUCCESS)
     * @param call the operation, as the user called it ("recv", "wait"...)
     * @param count elements of {@code datatype} the receive buffer holds
     * @param datatype the MPI datatype handle of the receive
     * @param status address of the MPI_Status the call filled, or MPI_STATUS_IGNORE
     * @return the exception to throw
     */
    public static MPIException receiveFailed(int errorCode, String call, long count, long datatype, long status) {
        NativeScratch s = NativeScratch.get();
        long arrived = -1;
        if (status != LibMpi.MPI_STATUS_IGNORE() && status != 0
                && LibMpi.MPI_Get_elements_x(status, LibMpi.MPI_BYTE(), s.address(0)) == 0) {
            arrived = s.getLong(0);   // read before fromCode reuses the scratch area
        }
        MPIException e = fromCode(errorCode);
        if (e.errorClass != ErrorClasses.ERR_TRUNCATE) {
            return e;
        }
        long size = LibMpi.MPI_Type_size_x(datatype, s.address(0)) == 0 ? s.getLong(0) : 0;
        String type = "elements";
        if (LibMpi.MPI_Type_get_name(datatype, s.address(64), s.address(0)) == 0 && s.getInt(0) > 0) {
            type = s.getString(64, s.getInt(0));
        }
        long capacity = size * count;
        String buffer = "a receive buffer of " + count + " " + type + " (" + capacity + " bytes)";
        String text;
        if (arrived > capacity) {
            String message = size > 0 && arrived % size == 0 ? (arrived / size) + " " + type + " (" + arrived + " bytes)"
                    : arrived + " bytes";
            text = call + ": message truncated: " + message + " arrived for " + buffer
                    + "; receive into a buffer that large, or probe first (Status.getCount) to size it";
        } else {
            text = call + ": message truncated: the message is larger than " + buffer
                    + "; the sender sent more: give the receive the sender's count (in a collective every rank passes"
                    + " matching counts), or probe first (Status.getCount) to size a point-to-point receive";
        }
        return new MPIException(e.errorCode, e.errorClass, text);
    }

    /**
     * Throws {@link #fromCode} when {@code rc} is not MPI_SUCCESS: the one check after every native call.
     *
     * @param rc the return code of the MPI call
     */
    public static void check(int rc) {
        if (rc != 0) {
            throw fromCode(rc);
        }
    }

    /**
     * The MPI error class (MPI_Error_class of the code), e.g. {@code MPI_ERR_TRUNCATE}.
     *
     * @return the MPI error class (MPI_Error_class of the code), e.g. {@code MPI_ERR_TRUNCATE}
     */
    public int getErrorClass() {
        return errorClass;
    }

    /**
     * The MPI error code as the native call returned it (equal to the class for local checks).
     *
     * @return the MPI error code as the native call returned it (equal to the class for local checks)
     */
    public int getErrorCode() {
        return errorCode;
    }

    /**
     * MPI's own text for the error (MPI_Error_string), or mpi4j's message for a local check.
     *
     * @return MPI's own text for the error (MPI_Error_string), or mpi4j's message for a local check
     */
    public String getErrorString() {
        return getMessage();
    }

    /**
     * True when mpi4j detected the problem in Java before calling MPI.
     *
     * @return true when mpi4j detected the problem in Java before calling MPI
     */
    public boolean isLocal() {
        return local;
    }
}
