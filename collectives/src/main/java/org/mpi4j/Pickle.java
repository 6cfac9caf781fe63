package org.mpi4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The object path's settings and wire format (mpi4py's {@code MPI.pickle}): the {@link Serializer} (default
 * {@link KryoSerializer}), its {@link AllowList}, and how serialized bytes are framed into MPI messages.
 *
 * <p>An object travels as one or more MPI_BYTE messages with the same source and tag: the first holds an 8-byte
 * payload length and at most {@link #getFirstFrameBytes()} bytes in all, so a receive buffer of that size takes
 * the start of any object; the rest follows in messages of at most {@link #getChunkBytes()} bytes. No message
 * exceeds MPI's int count, so objects of any size (over 2 GiB too) go through.
 */
public final class Pickle {
    private static final Pickle INSTANCE = new Pickle();
    /**
     * Bytes of the header that starts the first frame: payload length (8), first frame length (4), sender's rank (4),
     * tag (4), magic (4), so a receiver can fetch the remaining frames from the right peer even after ANY_SOURCE.
     */
    static final int HEADER = 24;
    static final int MAGIC = 0x4a34504d; // "MP4J"

    private final AllowList allowList = AllowList.defaults();
    private volatile Serializer serializer = new KryoSerializer(allowList);
    private volatile int chunkBytes = Integer.getInteger("mpi4j.pickle.chunkBytes", 64 << 20);
    private volatile int firstFrameBytes = Integer.getInteger("mpi4j.pickle.firstFrameBytes", 64 * 1024);
    private final ThreadLocal<Frames> reusable = ThreadLocal.withInitial(Frames::new);

    private Pickle() { }

    /**
     * The process-wide object-path settings.
     *
     * @return the process-wide object-path settings
     */
    public static Pickle get() {
        return INSTANCE;
    }

    /**
     * The classes deserialization may create; extend it on every rank before receiving your own classes.
     *
     * @return the classes deserialization may create; extend it on every rank before receiving your own classes
     */
    public AllowList allowList() {
        return allowList;
    }

    /**
     * The serializer in use.
     *
     * @return the serializer in use
     */
    public Serializer getSerializer() {
        return serializer;
    }

    /**
     * Replaces the serializer (every rank must use the same one).
     *
     * @param s the serializer
     */
    public void setSerializer(Serializer s) {
        if (s == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "serializer is null");
        }
        serializer = s;
    }

    /**
     * Largest MPI message the object path sends after the first frame (default 64 MiB, or the system property
     * {@code mpi4j.pickle.chunkBytes}). Larger chunks are not faster: every byte of a frame is fresh memory, and page
     * faults, not MPI, bound a large object's speed (64 MiB frames keep the staging of heap arrays reused).
     *
     * @return the largest frame after the first, in bytes
     */
    public int getChunkBytes() {
        return chunkBytes;
    }

    /**
     * Sets the largest message after the first frame, at least 16 bytes (every rank alike).
     *
     * @param bytes the number of bytes
     */
    public void setChunkBytes(int bytes) {
        if (bytes < 16) {
            throw new MPIException(ErrorClasses.ERR_ARG, "chunk size " + bytes + " is below 16 bytes");
        }
        chunkBytes = bytes;
    }

    /**
     * Size of the first message of an object, header included (default 64 KiB): irecv buffers need this much.
     *
     * @return size of the first message of an object, header included (default 64 KiB): irecv buffers need this much
     */
    public int getFirstFrameBytes() {
        return firstFrameBytes;
    }

    /**
     * Sets the first message's maximum size, at least 48 bytes (every rank alike).
     *
     * @param bytes the number of bytes
     */
    public void setFirstFrameBytes(int bytes) {
        if (bytes < 2 * HEADER) {
            throw new MPIException(ErrorClasses.ERR_ARG, "first frame size " + bytes + " is below " + 2 * HEADER + " bytes");
        }
        firstFrameBytes = bytes;
    }

    /**
     * Serializes {@code obj} into a byte array (mpi4py's pickle.dumps).
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @return the bytes
     */
    public byte[] dumps(Object obj) {
        Frames f = dump(obj, false);
        byte[] out = new byte[Math.toIntExact(f.payload)];
        try (InputStream in = f.input()) {
            in.readNBytes(out, 0, out.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Deserializes bytes made by {@link #dumps} (mpi4py's pickle.loads), through the allow-list.
     *
     * @param bytes the number of bytes
     * @return the object read
     */
    public Object loads(byte[] bytes) {
        return load(bytes, 0, bytes.length);
    }

    private Object load(byte[] bytes, int offset, int length) {
        try {
            return serializer.deserialize(bytes, offset, length);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw notDeserialized(length, e);
        }
    }

    /**
     * What a serializer threw on bytes from another process, as an MPIException: the built-in serializers already say
     * what was wrong; this covers plugged-in ones and any raw exception a forged message still reaches.
     */
    private static MPIException notDeserialized(long length, Throwable e) {
        if (e instanceof MPIException m) {
            return m;
        }
        int cls = e instanceof OutOfMemoryError ? ErrorClasses.ERR_NO_MEM : ErrorClasses.ERR_OTHER;
        MPIException m = new MPIException(cls, "cannot deserialize " + length + " bytes: " + e);
        m.initCause(e);
        return m;
    }

    /** Serializes into frames: this thread's reusable ones (blocking sends) or new ones (nonblocking sends). */
    Frames dump(Object obj, boolean reuse) {
        Frames f = reuse ? reusable.get().reset(firstFrameBytes, chunkBytes) : new Frames().reset(firstFrameBytes, chunkBytes);
        try {
            serializer.serialize(obj, f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        f.finish();
        return f;
    }

    /** Deserializes complete frames. */
    Object load(Frames f) {
        if (f.count == 1) {
            return load(f.blocks[0], HEADER, f.lengths[0] - HEADER);
        }
        try (InputStream in = f.input()) {
            return serializer.deserialize(in);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw notDeserialized(f.payload, e);
        }
    }

    /**
     * Serialized bytes as a list of blocks, each one MPI message: block 0 starts with the payload length. Written
     * through as an OutputStream by the serializer; read back as an InputStream.
     */
    static final class Frames extends OutputStream {
        byte[][] blocks = new byte[4][];
        int[] lengths = new int[4];
        int count;
        long payload;
        private int first;
        private int chunk;

        Frames reset(int firstBytes, int chunkBytes) {
            first = firstBytes;
            chunk = chunkBytes;
            count = 1;
            payload = 0;
            if (blocks[0] == null) {
                blocks[0] = new byte[Math.min(256, first)];
            }
            if (blocks[0].length > first) {
                blocks[0] = new byte[first];
            }
            lengths[0] = HEADER;
            for (int i = 1; i < blocks.length; i++) {
                blocks[i] = null; // large blocks are not kept between messages
            }
            return this;
        }

        /**
         * Prepares to receive: block 0 as received ({@code len0} bytes, the count MPI reported), later blocks added
         * with {@link #add}. Nothing in the header is trusted beyond what arrived: its frame length must equal
         * {@code len0}, its payload length must cover exactly the bytes of this frame, or more only when the frame has
         * the full first-frame size {@code firstBytes} (a shorter first frame is never followed by another one).
         */
        static Frames received(byte[] b0, int len0, int firstBytes) {
            if (len0 < HEADER || len0 > b0.length || readInt(b0, 20) != MAGIC || readInt(b0, 8) != len0) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "received " + len0 + " bytes that are not the first frame"
                        + " of an mpi4j object message (a buffer message, or an irecv buffer smaller than the first frame)");
            }
            long payload = readLong(b0);
            long here = len0 - HEADER;
            if (payload < here) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "object frame of " + len0 + " bytes holds " + here
                        + " payload bytes but its header claims a payload of " + payload + " bytes (a forged or corrupt message)");
            }
            if (payload > here && len0 != firstBytes) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "object frame of " + len0 + " bytes claims a payload of "
                        + payload + " bytes, but a first frame shorter than the first-frame size (" + firstBytes
                        + " bytes) is never followed by further frames: a truncated or forged message");
            }
            Frames f = new Frames();
            f.blocks[0] = b0;
            f.lengths[0] = len0;
            f.count = 1;
            f.payload = payload;
            return f;
        }

        /** As {@link #received}, for a frame that must hold the whole object (the collectives' single-frame path). */
        static Frames receivedWhole(byte[] b0, int len0) {
            Frames f = received(b0, len0, len0);
            if (f.payload != len0 - HEADER) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "object frame of " + len0 + " bytes claims a payload of "
                        + f.payload + " bytes, but the sizes exchanged beforehand announced it as the whole object: a forged"
                        + " or corrupt message");
            }
            return f;
        }

        /**
         * Adds a continuation frame of {@code len} bytes after checking it against what is still missing: it may not
         * be empty, longer than the chunk size {@code chunkBytes} or than the missing bytes, and only the last frame may
         * be shorter than a chunk (as the sender frames it).
         */
        void addChecked(byte[] b, int len, int chunkBytes) {
            checkFrame(len, missing(), chunkBytes);
            add(b, len);
        }

        /** Throws unless a continuation frame of {@code len} bytes fits {@code missing} bytes (see {@link #addChecked}). */
        static void checkFrame(long len, long missing, int chunkBytes) {
            if (len <= 0 || len > missing || len > chunkBytes || (len < missing && len != chunkBytes)) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "object continuation frame of " + len + " bytes does not fit:"
                        + " " + missing + " payload bytes were still expected in frames of " + chunkBytes
                        + " bytes (only the last may be shorter): a forged message, or chunk sizes that differ between ranks");
            }
        }

        /** The sender's rank written in block 0. */
        int source() {
            return readInt(blocks[0], 12);
        }

        /** The tag written in block 0. */
        int tag() {
            return readInt(blocks[0], 16);
        }

        /** Stamps sender and tag into block 0 (before sending). */
        void address(int source, int tag) {
            writeInt(blocks[0], 12, source);
            writeInt(blocks[0], 16, tag);
        }

        void add(byte[] b, int len) {
            if (count == blocks.length) {
                grow();
            }
            blocks[count] = b;
            lengths[count] = len;
            count++;
        }

        /** Bytes still expected after the blocks received so far. */
        long missing() {
            long have = -HEADER;
            for (int i = 0; i < count; i++) {
                have += lengths[i];
            }
            return payload - have;
        }

        private void grow() {
            blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
            lengths = java.util.Arrays.copyOf(lengths, lengths.length * 2);
        }

        @Override
        public void write(int b) {
            room(1);
            blocks[count - 1][lengths[count - 1]++] = (byte) b;
        }

        @Override
        public void write(byte[] src, int off, int len) {
            while (len > 0) {
                int n = room(len);
                System.arraycopy(src, off, blocks[count - 1], lengths[count - 1], n);
                lengths[count - 1] += n;
                off += n;
                len -= n;
            }
        }

        /** Makes room for up to {@code want} bytes in the current block (growing it, or starting the next). */
        private int room(int want) {
            int i = count - 1;
            int limit = i == 0 ? first : chunk;
            byte[] b = blocks[i];
            int used = lengths[i];
            if (used + want > b.length && b.length < limit) {
                long size = Math.min(limit, Math.max((long) used + want, 2L * b.length));
                blocks[i] = b = java.util.Arrays.copyOf(b, (int) size);
            }
            if (used == b.length) {
                if (count == blocks.length) {
                    grow();
                }
                // after a full continuation block the object is large: the next ones are whole chunks at once, so
                // no block is grown (copied) more than the first continuation
                blocks[count] = new byte[i >= 1 ? chunk : (int) Math.min(chunk, Math.max(want, 64 * 1024))];
                lengths[count] = 0;
                count++;
                return room(want);
            }
            return Math.min(want, b.length - used);
        }

        void finish() {
            long total = -HEADER;
            for (int i = 0; i < count; i++) {
                total += lengths[i];
            }
            payload = total;
            writeLong(blocks[0], total);
            writeInt(blocks[0], 8, lengths[0]);
            writeInt(blocks[0], 20, MAGIC);
        }

        InputStream input() {
            return new InputStream() {
                private int block;
                private int pos = HEADER;

                private boolean advance() {
                    while (block < count && pos >= lengths[block]) {
                        block++;
                        pos = 0;
                    }
                    return block < count;
                }

                @Override
                public int read() {
                    return advance() ? blocks[block][pos++] & 0xff : -1;
                }

                /** Every byte still to come (at most Integer.MAX_VALUE): deserializers bound lengths by it. */
                @Override
                public int available() {
                    if (!advance()) {
                        return 0;
                    }
                    long left = lengths[Math.min(block, count - 1)] - (long) pos;
                    for (int i = block + 1; i < count; i++) {
                        left += lengths[i];
                    }
                    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
                }

                @Override
                public int read(byte[] dst, int off, int len) {
                    if (len == 0) {
                        return 0;
                    }
                    if (!advance()) {
                        return -1;
                    }
                    int n = Math.min(len, lengths[block] - pos);
                    System.arraycopy(blocks[block], pos, dst, off, n);
                    pos += n;
                    return n;
                }
            };
        }

        static long readLong(byte[] b) {
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (b[i] & 0xff);
            }
            return v;
        }

        static int readInt(byte[] b, int at) {
            return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
        }

        static void writeInt(byte[] b, int at, int v) {
            for (int i = 0; i < 4; i++) {
                b[at + i] = (byte) (v >>> (8 * i));
            }
        }

        static void writeLong(byte[] b, long v) {
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (v >>> (8 * i));
            }
        }
    }
}
