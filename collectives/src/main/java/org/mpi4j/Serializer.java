package org.mpi4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How the object path turns objects into bytes and back (mpi4py's pickle). Plug one in with
 * {@link Pickle#setSerializer}. An implementation must refuse, on reading, any class outside its allow-list
 * before creating anything of it: the bytes may come from a hostile peer.
 */
public interface Serializer {
    /**
     * Writes {@code obj} (may be null) to {@code out}.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param out the output
     * @throws IOException when reading or writing the stream fails
     */
    void serialize(Object obj, OutputStream out) throws IOException;

    /**
     * Reads one object written by {@link #serialize} from {@code in}.
     *
     * @param in the stream to read from
     * @return the object read
     * @throws IOException when reading or writing the stream fails
     */
    Object deserialize(InputStream in) throws IOException;

    /**
     * Reads one object from {@code length} bytes of {@code bytes} at {@code offset} (a message that came in one frame,
     * the common case); override it when the serializer can read an array without a stream.
     *
     * @param bytes the number of bytes
     * @param offset the offset, in elements, of the first element used
     * @param length the length
     * @return the object read
     * @throws IOException when reading or writing the stream fails
     */
    default Object deserialize(byte[] bytes, int offset, int length) throws IOException {
        return deserialize(new ByteArrayInputStream(bytes, offset, length));
    }
}
