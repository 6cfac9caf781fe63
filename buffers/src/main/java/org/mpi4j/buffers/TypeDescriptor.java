package org.mpi4j.buffers;

/**
 * What buffer resolution needs to know of an MPI datatype: its handle and layout. {@code org.mpi4j.Datatype}
 * implements it; the buffers layer knows nothing else of datatypes.
 */
public interface TypeDescriptor {
    /**
     * The native MPI_Datatype handle.
     *
     * @return the native MPI_Datatype handle
     */
    long handle();

    /**
     * MPI_Type_size: bytes of data in one element of this type.
     *
     * @return bytes of data in one element of this type
     */
    long size();

    /**
     * MPI_Type_get_extent: the stride between consecutive elements of this type, in bytes.
     *
     * @return the stride between consecutive elements of this type, in bytes
     */
    long extent();

    /**
     * MPI_Type_get_true_extent's lower bound: first byte touched, relative to the element's start.
     *
     * @return MPI_Type_get_true_extent's lower bound: first byte touched, relative to the element's start
     */
    long trueLowerBound();

    /**
     * MPI_Type_get_true_extent's extent: span of bytes one element touches.
     *
     * @return MPI_Type_get_true_extent's extent: span of bytes one element touches
     */
    long trueExtent();

    /**
     * The single primitive element kind the type is built from, or null when it mixes kinds or has none in Java.
     *
     * @return the single primitive element kind the type is built from, or null when it mixes kinds or has none in Java
     */
    ElementType elementType();

    /** Throws MPIException when the type cannot be used in communication (freed, or not committed). */
    void checkUsable();
}
