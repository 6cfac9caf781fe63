package org.mpi4j.buffers;

/**
 * Service-provider interface for a family of buffers (Java arrays, NIO buffers, Arrow vectors, ND4J arrays...).
 * Implementations are found with {@link java.util.ServiceLoader} the first time a buffer of a class other than a
 * primitive array or a NIO buffer is met (those two are always the built-in providers'); {@link Buffers} asks them once
 * per class, highest {@link #priority} first, and then goes straight to the one that answered. A provider only
 * describes memory; it never calls MPI.
 */
public interface BufferProvider {
    /**
     * True if objects of this exact class are buffers this provider can describe.
     *
     * @param type the datatype
     * @return true if objects of this exact class are buffers this provider can describe
     */
    boolean supports(Class<?> type);

    /**
     * Describes the buffer's memory and element kind into {@code out} (one of its {@code describe*} methods).
     * Throws {@link org.mpi4j.MPIException} when the buffer cannot be used (closed, released, wrong byte order...).
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param out the message buffer
     */
    void describe(Object buffer, MessageBuffer out);

    /**
     * Keeps the memory of {@code buffer} valid until the returned lease is closed, for an operation that outlives the
     * call (a nonblocking or persistent request): e.g. one more reference on an Arrow buffer, so that closing the
     * vector meanwhile frees nothing until MPI is done with it. Null when holding the Java object is enough (heap
     * arrays are staged; a NIO buffer's memory lives while the buffer is reachable). Throws
     * {@link org.mpi4j.MPIException} when the memory is already gone.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @return keeps the memory of {@code buffer} valid until the returned lease is closed, for an operation that outlives the call (a nonblocking or persistent request): e.g. one more reference on an Arrow buffer, so that closing the vector meanwhile frees nothing until MPI is done with it
     */
    default AutoCloseable retain(Object buffer) {
        return null;
    }

    /**
     * Called when {@code buffer} receives bytes {@code [firstByte, firstByte + bytes)} of the region it described. A
     * provider whose buffers carry more than values updates that here: the Arrow provider marks the received values
     * valid, so they do not read as null. Collectives and one-sided calls, which always fill their whole message, call
     * it before MPI does; a point-to-point receive (recv, sendrecv, irecv, persistent, matched) calls it once it has
     * completed, for the bytes that arrived (only when {@link #marksReceive()} says it does something).
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param firstByte the first byte
     * @param bytes the number of bytes
     */
    default void prepareReceive(Object buffer, long firstByte, long bytes) {
    }

    /**
     * True when {@link #prepareReceive} does something: a point-to-point receive then learns how many bytes arrived
     * (an MPI call) and calls it for those, so a message shorter than its buffer leaves the rest as it was.
     *
     * @return true when prepareReceive does something (the default does nothing: false)
     */
    default boolean marksReceive() {
        return false;
    }

    /**
     * Higher wins when two providers support the same class.
     *
     * @return higher wins when two providers support the same class
     */
    default int priority() {
        return 0;
    }
}
