package org.mpi4j.conformance;

import java.nio.ByteOrder;

/**
 * The whole backing memory of one message buffer, read and written as 8-byte words in native byte order (every
 * layout is made of doubles, so gaps and canaries are whole words too), and the object handed to mpi4j. The
 * message's first element starts {@link #start()} bytes into the backing.
 */
public abstract class Region implements AutoCloseable {
    /** Canary bytes kept before and after the message by the kinds that take an offset. */
    public static final int CANARY = 16;

    private final int bytes;
    private final int start;

    protected Region(int bytes, int start) {
        this.bytes = bytes;
        this.start = start;
    }

    /** Size of the backing in bytes. */
    public final int bytes() {
        return bytes;
    }

    /** Byte index in the backing where the message starts. */
    public final int start() {
        return start;
    }

    /** The 8 bytes at {@code index} (a multiple of 8) as a native-order long. */
    public abstract long word(int index);

    /** Stores 8 bytes at {@code index} (a multiple of 8). */
    public abstract void word(int index, long bits);

    /**
     * What to pass to mpi4j for the message: usually a BufferSpec with {@code count} elements (per block, for
     * collectives) of the layout's datatype; a whole-view kind ignores count and passes its view.
     */
    public abstract Object message(int count);

    /** Byte {@code i} of the backing. */
    public final int byteAt(int i) {
        long w = word(i & ~7);
        int shift = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 8 * (i & 7) : 8 * (7 - (i & 7));
        return (int) (w >>> shift) & 0xFF;
    }

    /** Releases off-heap memory the kind allocated (nothing for heap kinds). */
    @Override
    public void close() {
    }
}
