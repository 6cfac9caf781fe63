package org.mpi4j.buffers;

/**
 * Service-provider interface for a family of buffers (Java arrays, NIO buffers, Arrow vectors, ND4J arrays...).
 * Implementations are found with {@link java.util.ServiceLoader}; {@link Buffers} asks them once per class and
 * then goes straight to the one that answered. A provider only describes memory; it never calls MPI.
 */
public interface BufferProvider {
    /** True if objects of this exact class are buffers this provider can describe. */
    boolean supports(Class<?> type);

    /**
     * Describes the buffer's memory and element kind into {@code out} (one of its {@code describe*} methods).
     * Throws {@link org.mpi4j.MPIException} when the buffer cannot be used (closed, released, wrong byte order...).
     */
    void describe(Object buffer, MessageBuffer out);

    /** Higher wins when two providers support the same class. */
    default int priority() {
        return 0;
    }
}
