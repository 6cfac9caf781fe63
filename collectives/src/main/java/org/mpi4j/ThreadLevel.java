package org.mpi4j;

import org.mpi4j.jni.LibMpi;

/** MPI thread-support levels (MPI_THREAD_SINGLE ... MPI_THREAD_MULTIPLE), ordered from least to most support. */
public enum ThreadLevel {
    /** MPI_THREAD_SINGLE: only one thread will execute. */
    SINGLE(LibMpi.MPI_THREAD_SINGLE()),
    /** MPI_THREAD_FUNNELED: only the main thread makes MPI calls. */
    FUNNELED(LibMpi.MPI_THREAD_FUNNELED()),
    /** MPI_THREAD_SERIALIZED: one thread at a time makes MPI calls. */
    SERIALIZED(LibMpi.MPI_THREAD_SERIALIZED()),
    /** MPI_THREAD_MULTIPLE: any thread, any time. */
    MULTIPLE(LibMpi.MPI_THREAD_MULTIPLE());

    private final int value;

    ThreadLevel(int value) {
        this.value = value;
    }

    /**
     * The native MPI_THREAD_* value.
     *
     * @return the native MPI_THREAD_* value
     */
    public int value() {
        return value;
    }

    /**
     * The level for a native MPI_THREAD_* value.
     *
     * @param value the value
     * @return the level for a native MPI_THREAD_* value
     */
    public static ThreadLevel of(int value) {
        for (ThreadLevel l : values()) {
            if (l.value == value) {
                return l;
            }
        }
        throw new IllegalArgumentException("not an MPI thread level: " + value);
    }
}
