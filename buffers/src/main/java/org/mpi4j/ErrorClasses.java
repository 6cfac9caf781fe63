package org.mpi4j;

import org.mpi4j.jni.LibMpi;

/** The MPI error classes (MPI_ERR_*), read from the native library, and their names for messages. */
public final class ErrorClasses {
    private ErrorClasses() { }

    /** MPI_SUCCESS. */
    public static final int SUCCESS = LibMpi.MPI_SUCCESS();
    /** MPI_ERR_BUFFER: invalid buffer pointer. */
    public static final int ERR_BUFFER = LibMpi.MPI_ERR_BUFFER();
    /** MPI_ERR_COUNT: invalid count argument. */
    public static final int ERR_COUNT = LibMpi.MPI_ERR_COUNT();
    /** MPI_ERR_TYPE: invalid datatype argument. */
    public static final int ERR_TYPE = LibMpi.MPI_ERR_TYPE();
    /** MPI_ERR_TAG: invalid tag argument. */
    public static final int ERR_TAG = LibMpi.MPI_ERR_TAG();
    /** MPI_ERR_COMM: invalid communicator. */
    public static final int ERR_COMM = LibMpi.MPI_ERR_COMM();
    /** MPI_ERR_RANK: invalid rank. */
    public static final int ERR_RANK = LibMpi.MPI_ERR_RANK();
    /** MPI_ERR_REQUEST: invalid request handle. */
    public static final int ERR_REQUEST = LibMpi.MPI_ERR_REQUEST();
    /** MPI_ERR_ROOT: invalid root. */
    public static final int ERR_ROOT = LibMpi.MPI_ERR_ROOT();
    /** MPI_ERR_GROUP: invalid group. */
    public static final int ERR_GROUP = LibMpi.MPI_ERR_GROUP();
    /** MPI_ERR_OP: invalid operation. */
    public static final int ERR_OP = LibMpi.MPI_ERR_OP();
    /** MPI_ERR_ARG: invalid argument of some other kind. */
    public static final int ERR_ARG = LibMpi.MPI_ERR_ARG();
    /** MPI_ERR_TRUNCATE: message truncated on receive. */
    public static final int ERR_TRUNCATE = LibMpi.MPI_ERR_TRUNCATE();
    /** MPI_ERR_OTHER: known error not in this list. */
    public static final int ERR_OTHER = LibMpi.MPI_ERR_OTHER();
    /** MPI_ERR_INTERN: internal error. */
    public static final int ERR_INTERN = LibMpi.MPI_ERR_INTERN();
    /** MPI_ERR_IN_STATUS: error code is in the status. */
    public static final int ERR_IN_STATUS = LibMpi.MPI_ERR_IN_STATUS();
    /** MPI_ERR_PENDING: pending request. */
    public static final int ERR_PENDING = LibMpi.MPI_ERR_PENDING();
    /** MPI_ERR_UNKNOWN: unknown error. */
    public static final int ERR_UNKNOWN = LibMpi.MPI_ERR_UNKNOWN();
    /** MPI_ERR_NO_MEM: out of memory (MPI_Alloc_mem). */
    public static final int ERR_NO_MEM = LibMpi.MPI_ERR_NO_MEM();
    /** MPI_ERR_WIN: invalid window (freed, or none could be made). */
    public static final int ERR_WIN = LibMpi.MPI_ERR_WIN();
    /** MPI_ERR_RMA_RANGE: a one-sided access outside the target's window. */
    public static final int ERR_RMA_RANGE = LibMpi.MPI_ERR_RMA_RANGE();
    /** MPI_ERR_RMA_SYNC: a one-sided call outside an epoch, or a wrong synchronisation. */
    public static final int ERR_RMA_SYNC = LibMpi.MPI_ERR_RMA_SYNC();
    /** MPI_ERR_RMA_FLAVOR: the call needs a window of another flavor (shared, dynamic...). */
    public static final int ERR_RMA_FLAVOR = LibMpi.MPI_ERR_RMA_FLAVOR();
    /** MPI_ERR_BASE: invalid base address (MPI_Free_mem of memory MPI did not allocate). */
    public static final int ERR_BASE = LibMpi.MPI_ERR_BASE();
    /** MPI_ERR_SIZE: invalid size (of a window or of MPI memory). */
    public static final int ERR_SIZE = LibMpi.MPI_ERR_SIZE();
    /** MPI_ERR_DISP: invalid displacement or displacement unit. */
    public static final int ERR_DISP = LibMpi.MPI_ERR_DISP();
    /** MPI_ERR_TOPOLOGY: invalid topology. */
    public static final int ERR_TOPOLOGY = LibMpi.MPI_ERR_TOPOLOGY();
    /** MPI_ERR_DIMS: invalid dimension argument. */
    public static final int ERR_DIMS = LibMpi.MPI_ERR_DIMS();
    /** MPI_ERR_KEYVAL: invalid attribute key. */
    public static final int ERR_KEYVAL = LibMpi.MPI_ERR_KEYVAL();
    /** MPI_ERR_INFO: invalid info object. */
    public static final int ERR_INFO = LibMpi.MPI_ERR_INFO();
    /** MPI_ERR_SPAWN: spawning processes failed. */
    public static final int ERR_SPAWN = LibMpi.MPI_ERR_SPAWN();
    /** MPI_ERR_PORT: invalid port name (connect/accept). */
    public static final int ERR_PORT = LibMpi.MPI_ERR_PORT();
    /** MPI_ERR_NAME: no port published under the service name. */
    public static final int ERR_NAME = LibMpi.MPI_ERR_NAME();
    /** MPI_ERR_SERVICE: publishing or unpublishing a name failed. */
    public static final int ERR_SERVICE = LibMpi.MPI_ERR_SERVICE();
    /** MPI_ERR_UNSUPPORTED_OPERATION: the MPI library does not support the operation. */
    public static final int ERR_UNSUPPORTED_OPERATION = LibMpi.MPI_ERR_UNSUPPORTED_OPERATION();
    /** MPI_ERR_LASTCODE: the last standard error code. */
    public static final int ERR_LASTCODE = LibMpi.MPI_ERR_LASTCODE();

    /**
     * The MPI name of an error class, e.g. "MPI_ERR_COUNT"; "MPI error class N" for others.
     *
     * @param errorClass the MPI error class
     * @return the MPI name of an error class, e.g. "MPI_ERR_COUNT"; "MPI error class N" for others
     */
    public static String name(int errorClass) {
        if (errorClass == SUCCESS) return "MPI_SUCCESS";
        if (errorClass == ERR_BUFFER) return "MPI_ERR_BUFFER";
        if (errorClass == ERR_COUNT) return "MPI_ERR_COUNT";
        if (errorClass == ERR_TYPE) return "MPI_ERR_TYPE";
        if (errorClass == ERR_TAG) return "MPI_ERR_TAG";
        if (errorClass == ERR_COMM) return "MPI_ERR_COMM";
        if (errorClass == ERR_RANK) return "MPI_ERR_RANK";
        if (errorClass == ERR_REQUEST) return "MPI_ERR_REQUEST";
        if (errorClass == ERR_ROOT) return "MPI_ERR_ROOT";
        if (errorClass == ERR_GROUP) return "MPI_ERR_GROUP";
        if (errorClass == ERR_OP) return "MPI_ERR_OP";
        if (errorClass == ERR_ARG) return "MPI_ERR_ARG";
        if (errorClass == ERR_TRUNCATE) return "MPI_ERR_TRUNCATE";
        if (errorClass == ERR_OTHER) return "MPI_ERR_OTHER";
        if (errorClass == ERR_INTERN) return "MPI_ERR_INTERN";
        if (errorClass == ERR_IN_STATUS) return "MPI_ERR_IN_STATUS";
        if (errorClass == ERR_PENDING) return "MPI_ERR_PENDING";
        if (errorClass == ERR_UNKNOWN) return "MPI_ERR_UNKNOWN";
        if (errorClass == ERR_NO_MEM) return "MPI_ERR_NO_MEM";
        if (errorClass == ERR_SPAWN) return "MPI_ERR_SPAWN";
        if (errorClass == ERR_PORT) return "MPI_ERR_PORT";
        if (errorClass == ERR_NAME) return "MPI_ERR_NAME";
        if (errorClass == ERR_SERVICE) return "MPI_ERR_SERVICE";
        if (errorClass == ERR_UNSUPPORTED_OPERATION) return "MPI_ERR_UNSUPPORTED_OPERATION";
        if (errorClass == ERR_WIN) return "MPI_ERR_WIN";
        if (errorClass == ERR_RMA_RANGE) return "MPI_ERR_RMA_RANGE";
        if (errorClass == ERR_RMA_SYNC) return "MPI_ERR_RMA_SYNC";
        if (errorClass == ERR_RMA_FLAVOR) return "MPI_ERR_RMA_FLAVOR";
        if (errorClass == ERR_BASE) return "MPI_ERR_BASE";
        if (errorClass == ERR_SIZE) return "MPI_ERR_SIZE";
        if (errorClass == ERR_DISP) return "MPI_ERR_DISP";
        if (errorClass == ERR_TOPOLOGY) return "MPI_ERR_TOPOLOGY";
        if (errorClass == ERR_DIMS) return "MPI_ERR_DIMS";
        if (errorClass == ERR_KEYVAL) return "MPI_ERR_KEYVAL";
        if (errorClass == ERR_INFO) return "MPI_ERR_INFO";
        return "MPI error class " + errorClass;
    }
}
