package org.mpi4j.buffers;

/**
 * A v-variant message (gatherv, scatterv, allgatherv, alltoallv, neighbourhood v forms): one buffer split into
 * per-process blocks of {@code counts[i]} elements at {@code displs[i]} elements (of the datatype's extent) from the
 * start — mpi4py's {@code [data, (counts, displs), MPI.DOUBLE]}. Null displs means blocks packed in order; a null
 * type means the one discovered from the buffer. The arrays are read when the operation starts.
 *
 * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
 * @param counts the number of elements for each process
 * @param displs the displacements of the blocks, in extents of the datatype
 * @param type the datatype
 */
public record VBuffer(Object buffer, int[] counts, int[] displs, TypeDescriptor type) {

    /**
     * Blocks of {@code counts[i]} discovered elements packed one after another.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param counts the number of elements for each process
     * @return the buffer spec
     */
    public static VBuffer of(Object buffer, int[] counts) {
        return new VBuffer(buffer, counts, null, null);
    }

    /**
     * Blocks of {@code counts[i]} discovered elements at {@code displs[i]}.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param counts the number of elements for each process
     * @param displs the displacements of the blocks, in extents of the datatype
     * @return the buffer spec
     */
    public static VBuffer of(Object buffer, int[] counts, int[] displs) {
        return new VBuffer(buffer, counts, displs, null);
    }

    /**
     * Blocks of {@code counts[i]} elements of {@code type} at {@code displs[i]} extents (null: packed).
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param counts the number of elements for each process
     * @param displs the displacements of the blocks, in extents of the datatype
     * @param type the datatype
     * @return the buffer spec
     */
    public static VBuffer of(Object buffer, int[] counts, int[] displs, TypeDescriptor type) {
        return new VBuffer(buffer, counts, displs, type);
    }
}
