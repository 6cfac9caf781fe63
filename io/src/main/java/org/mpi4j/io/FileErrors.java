package org.mpi4j.io;

import org.mpi4j.ErrorClasses;
import org.mpi4j.jni.LibMpi;

/** The MPI-IO error classes (MPI_ERR_FILE ... MPI_ERR_IO), read from the native library, and names for messages. */
public final class FileErrors {
    private FileErrors() { }

    /** MPI_ERR_FILE: invalid file handle. */
    public static final int ERR_FILE = LibMpi.MPI_ERR_FILE();
    /** MPI_ERR_NOT_SAME: collective argument not identical on all processes. */
    public static final int ERR_NOT_SAME = LibMpi.MPI_ERR_NOT_SAME();
    /** MPI_ERR_AMODE: invalid access mode. */
    public static final int ERR_AMODE = LibMpi.MPI_ERR_AMODE();
    /** MPI_ERR_UNSUPPORTED_DATAREP: unsupported data representation. */
    public static final int ERR_UNSUPPORTED_DATAREP = LibMpi.MPI_ERR_UNSUPPORTED_DATAREP();
    /** MPI_ERR_UNSUPPORTED_OPERATION: unsupported operation (e.g. seeking a sequential file). */
    public static final int ERR_UNSUPPORTED_OPERATION = LibMpi.MPI_ERR_UNSUPPORTED_OPERATION();
    /** MPI_ERR_NO_SUCH_FILE: the file does not exist. */
    public static final int ERR_NO_SUCH_FILE = LibMpi.MPI_ERR_NO_SUCH_FILE();
    /** MPI_ERR_FILE_EXISTS: the file exists (MODE_CREATE | MODE_EXCL). */
    public static final int ERR_FILE_EXISTS = LibMpi.MPI_ERR_FILE_EXISTS();
    /** MPI_ERR_BAD_FILE: invalid file name. */
    public static final int ERR_BAD_FILE = LibMpi.MPI_ERR_BAD_FILE();
    /** MPI_ERR_ACCESS: permission denied. */
    public static final int ERR_ACCESS = LibMpi.MPI_ERR_ACCESS();
    /** MPI_ERR_NO_SPACE: not enough space. */
    public static final int ERR_NO_SPACE = LibMpi.MPI_ERR_NO_SPACE();
    /** MPI_ERR_QUOTA: quota exceeded. */
    public static final int ERR_QUOTA = LibMpi.MPI_ERR_QUOTA();
    /** MPI_ERR_READ_ONLY: read-only file or file system. */
    public static final int ERR_READ_ONLY = LibMpi.MPI_ERR_READ_ONLY();
    /** MPI_ERR_FILE_IN_USE: the file is open in some process (delete). */
    public static final int ERR_FILE_IN_USE = LibMpi.MPI_ERR_FILE_IN_USE();
    /** MPI_ERR_DUP_DATAREP: data representation already defined. */
    public static final int ERR_DUP_DATAREP = LibMpi.MPI_ERR_DUP_DATAREP();
    /** MPI_ERR_CONVERSION: a data conversion function failed. */
    public static final int ERR_CONVERSION = LibMpi.MPI_ERR_CONVERSION();
    /** MPI_ERR_IO: other I/O error. */
    public static final int ERR_IO = LibMpi.MPI_ERR_IO();

    /**
     * The MPI name of an error class, the I/O ones included, e.g. "MPI_ERR_NO_SUCH_FILE".
     *
     * @param errorClass the MPI error class
     * @return the MPI name of an error class, the I/O ones included, e.g. "MPI_ERR_NO_SUCH_FILE"
     */
    public static String name(int errorClass) {
        if (errorClass == ERR_FILE) return "MPI_ERR_FILE";
        if (errorClass == ERR_NOT_SAME) return "MPI_ERR_NOT_SAME";
        if (errorClass == ERR_AMODE) return "MPI_ERR_AMODE";
        if (errorClass == ERR_UNSUPPORTED_DATAREP) return "MPI_ERR_UNSUPPORTED_DATAREP";
        if (errorClass == ERR_UNSUPPORTED_OPERATION) return "MPI_ERR_UNSUPPORTED_OPERATION";
        if (errorClass == ERR_NO_SUCH_FILE) return "MPI_ERR_NO_SUCH_FILE";
        if (errorClass == ERR_FILE_EXISTS) return "MPI_ERR_FILE_EXISTS";
        if (errorClass == ERR_BAD_FILE) return "MPI_ERR_BAD_FILE";
        if (errorClass == ERR_ACCESS) return "MPI_ERR_ACCESS";
        if (errorClass == ERR_NO_SPACE) return "MPI_ERR_NO_SPACE";
        if (errorClass == ERR_QUOTA) return "MPI_ERR_QUOTA";
        if (errorClass == ERR_READ_ONLY) return "MPI_ERR_READ_ONLY";
        if (errorClass == ERR_FILE_IN_USE) return "MPI_ERR_FILE_IN_USE";
        if (errorClass == ERR_DUP_DATAREP) return "MPI_ERR_DUP_DATAREP";
        if (errorClass == ERR_CONVERSION) return "MPI_ERR_CONVERSION";
        if (errorClass == ERR_IO) return "MPI_ERR_IO";
        return ErrorClasses.name(errorClass);
    }
}
