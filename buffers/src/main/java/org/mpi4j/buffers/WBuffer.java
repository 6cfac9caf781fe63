package org.mpi4j.buffers;

/**
 * A w-variant message (alltoallw, neighborAlltoallw): block i is {@code counts[i]} elements of {@code types[i]}
 * starting {@code displs[i]} <em>bytes</em> from the buffer's start, as MPI_Alltoallw defines it.
 */
public record WBuffer(Object buffer, int[] counts, int[] displs, TypeDescriptor[] types) {

    /** Block i: counts[i] elements of types[i] at displs[i] bytes. */
    public static WBuffer of(Object buffer, int[] counts, int[] displs, TypeDescriptor[] types) {
        return new WBuffer(buffer, counts, displs, types);
    }
}
