package org.mpi4j.buffers;

/**
 * An explicit message: a buffer with an offset (in the buffer's own elements), a count and a datatype, like
 * mpi4py's {@code [data, count, MPI.INT]}. A count of -1 means "as many as fit"; a null type means "discover it".
 * Any operation accepts a BufferSpec wherever it accepts a buffer. Immutable, so one spec can serve many calls.
 *
 * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
 * @param offset the offset, in elements, of the first element used
 * @param count the number of elements
 * @param type the datatype
 */
public record BufferSpec(Object buffer, long offset, int count, TypeDescriptor type) {

    /**
     * The whole buffer as elements of {@code type} (count inferred from the buffer's length).
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param type the datatype
     * @return the whole buffer as elements of {@code type} (count inferred from the buffer's length)
     */
    public static BufferSpec of(Object buffer, TypeDescriptor type) {
        return new BufferSpec(buffer, 0, -1, type);
    }

    /**
     * {@code count} elements of {@code type} from the buffer's start.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param count the number of elements
     * @param type the datatype
     * @return {@code count} elements of {@code type} from the buffer's start
     */
    public static BufferSpec of(Object buffer, int count, TypeDescriptor type) {
        return new BufferSpec(buffer, 0, count, type);
    }

    /**
     * {@code count} elements of {@code type} starting {@code offset} buffer elements in.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param offset the offset, in elements, of the first element used
     * @param count the number of elements
     * @param type the datatype
     * @return {@code count} elements of {@code type} starting {@code offset} buffer elements in
     */
    public static BufferSpec of(Object buffer, long offset, int count, TypeDescriptor type) {
        return new BufferSpec(buffer, offset, count, type);
    }

    /**
     * {@code count} elements of the discovered type starting {@code offset} buffer elements in.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param offset the offset, in elements, of the first element used
     * @param count the number of elements
     * @return {@code count} elements of the discovered type starting {@code offset} buffer elements in
     */
    public static BufferSpec slice(Object buffer, long offset, int count) {
        return new BufferSpec(buffer, offset, count, null);
    }
}
