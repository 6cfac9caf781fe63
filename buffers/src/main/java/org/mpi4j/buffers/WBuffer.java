package org.mpi4j.buffers;

/**
 * A w-variant message (alltoallw, neighborAlltoallw): block i is {@code counts[i]} elements of {@code types[i]}
 * starting {@code displs[i]} <em>bytes</em> from the buffer's start, as MPI_Alltoallw defines it.
 *
 * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
 * @param counts the number of elements for each process
 * @param displs the displacements of the blocks, in extents of the datatype
 * @param types the datatypes, one per block
 */
public record WBuffer(Object buffer, int[] counts, int[] displs, TypeDescriptor[] types) {

    /**
     * Block i: counts[i] elements of types[i] at displs[i] bytes.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param counts the number of elements for each process
     * @param displs the displacements of the blocks, in extents of the datatype
     * @param types the datatypes, one per block
     * @return block i: counts[i] elements of types[i] at displs[i] bytes
     */
    public static WBuffer of(Object buffer, int[] counts, int[] displs, TypeDescriptor[] types) {
        return new WBuffer(buffer, counts, displs, types);
    }
}
