package org.mpi4j.buffers.arrow;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.mpi4j.Comm;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPIException;
import org.mpi4j.Message;
import org.mpi4j.Status;
import org.mpi4j.buffers.BufferSpec;

/**
 * Whole Arrow vectors and record batches as MPI messages, the Arrow-native way: the sender unloads a batch
 * (Arrow's {@link VectorUnloader}), sends a small header (schema in Arrow's IPC flatbuffer form, row count, field
 * nodes, buffer sizes) and then every buffer — validity, offsets, data — straight from Arrow memory; the receiver
 * allocates the buffers from its own allocator, receives into them, and loads them ({@link VectorLoader}). No value
 * passes through a Java object, so VarChar, List, Struct and nullable vectors travel as they are. Point-to-point
 * messages use the caller's tag; {@link #gather} uses {@link #GATHER_TAG}.
 *
 * <p>A receiver trusts no header: counts and sizes must be non-negative and add up to the header's own length, the
 * schema must parse, each buffer message must have the size the header announced before its memory is allocated
 * (point-to-point), and the loaded vectors must pass Arrow's full validation (offsets and lengths within their
 * buffers). Anything else is an {@link MPIException} with {@link ErrorClasses#ERR_TRUNCATE} (sizes) or
 * {@link ErrorClasses#ERR_OTHER} (contents); a broadcast header is at most {@link #MAX_HEADER_BYTES}.
 */
public final class ArrowMessages {
    /** Tag of the point-to-point messages {@link #gather} uses on the communicator. */
    public static final int GATHER_TAG = 32_001;
    /** Largest header a broadcast receiver accepts (16 MiB: a schema of many thousands of fields fits). */
    public static final int MAX_HEADER_BYTES = 16 << 20;

    private ArrowMessages() { }

    // ------------------------------------------------------------------ header

    /** Header: schema length, row count, node count, buffer count, schema bytes, nodes (length, nulls), sizes. */
    private static byte[] header(Schema schema, ArrowRecordBatch b) {
        byte[] sc = schema.serializeAsMessage();
        List<ArrowFieldNode> nodes = b.getNodes();
        List<ArrowBuf> bufs = b.getBuffers();
        ByteBuffer h = ByteBuffer.allocate(16 + sc.length + 16 * nodes.size() + 8 * bufs.size());
        h.putInt(sc.length).putInt(b.getLength()).putInt(nodes.size()).putInt(bufs.size()).put(sc);
        for (ArrowFieldNode n : nodes) {
            h.putLong(n.getLength()).putLong(n.getNullCount());
        }
        for (ArrowBuf buf : bufs) {
            h.putLong(buf.readableBytes());
        }
        return h.array();
    }

    /** A decoded header: the schema, and an empty batch shape to be filled. */
    private record Shape(Schema schema, int rows, List<ArrowFieldNode> nodes, long[] sizes) {
        /** Decodes a header, checking every count and size against the bytes that arrived before using it. */
        static Shape of(byte[] bytes) {
            if (bytes.length < 16) {
                throw forged("a header of " + bytes.length + " bytes, shorter than its 16-byte start");
            }
            ByteBuffer h = ByteBuffer.wrap(bytes);
            int sl = h.getInt();
            int rows = h.getInt();
            int nn = h.getInt();
            int nb = h.getInt();
            long expected = 16L + sl + 16L * nn + 8L * nb;
            if (sl < 0 || rows < 0 || nn < 0 || nb < 0 || expected != bytes.length) {
                throw forged("a header of " + bytes.length + " bytes announcing schema " + sl + " bytes, " + rows + " rows, "
                        + nn + " field nodes and " + nb + " buffers (" + expected + " bytes)");
            }
            Schema schema;
            try {
                schema = Schema.deserializeMessage(ByteBuffer.wrap(bytes, 16, sl).slice());
            } catch (RuntimeException | AssertionError e) {
                MPIException m = new MPIException(ErrorClasses.ERR_OTHER, "Arrow message: the header's " + sl
                        + "-byte schema does not parse (a forged or corrupt message): " + e);
                m.initCause(e);
                throw m;
            }
            h.position(16 + sl);
            List<ArrowFieldNode> nodes = new ArrayList<>(nn);
            for (int i = 0; i < nn; i++) {
                long length = h.getLong();
                long nulls = h.getLong();
                if (length < 0 || nulls < 0 || nulls > length || length > Integer.MAX_VALUE) {
                    throw forged("field node " + i + " of " + length + " values with " + nulls + " nulls");
                }
                nodes.add(new ArrowFieldNode(length, nulls));
            }
            long[] sizes = new long[nb];
            for (int i = 0; i < nb; i++) {
                sizes[i] = h.getLong();
                if (sizes[i] < 0 || sizes[i] > Integer.MAX_VALUE) {
                    throw new MPIException(ErrorClasses.ERR_COUNT, "Arrow message: buffer " + i + " of " + sizes[i]
                            + " bytes announced; a buffer is 0 to 2 GiB here (a forged or corrupt header)");
                }
            }
            return new Shape(schema, rows, nodes, sizes);
        }

        private static MPIException forged(String what) {
            return new MPIException(ErrorClasses.ERR_TRUNCATE, "Arrow message: " + what + " (a forged or corrupt header)");
        }

        /** Buffers for the batch, from the receiver's allocator. */
        List<ArrowBuf> allocate(BufferAllocator alloc) {
            List<ArrowBuf> bufs = new ArrayList<>(sizes.length);
            try {
                for (long s : sizes) {
                    bufs.add(allocate(alloc, s));
                }
            } catch (RuntimeException e) {
                bufs.forEach(ArrowBuf::close);
                throw e;
            }
            return bufs;
        }

        /**
         * Offsets within their buffers, before Arrow's validation (whose messages print values, and would allocate
         * what forged offsets span): each offset buffer holds count + 1 offsets, rising from 0 to at most the data.
         */
        static void checkOffsets(FieldVector v) {
            long count = v.getValueCount();
            if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector w) {
                checkOffsets(w.getName(), w.getOffsetBuffer(), count, w.getDataBuffer().capacity(), 4);
            } else if (v instanceof org.apache.arrow.vector.BaseLargeVariableWidthVector w) {
                checkOffsets(w.getName(), w.getOffsetBuffer(), count, w.getDataBuffer().capacity(), 8);
            } else if (v instanceof org.apache.arrow.vector.complex.BaseRepeatedValueVector w) {
                checkOffsets(w.getName(), w.getOffsetBuffer(), count, w.getDataVector().getValueCount(), 4);
            } else if (v instanceof org.apache.arrow.vector.complex.LargeListVector w) {
                checkOffsets(w.getName(), w.getOffsetBuffer(), count, w.getDataVector().getValueCount(), 8);
            }
            for (FieldVector c : v.getChildrenFromFields()) {
                checkOffsets(c);
            }
        }

        private static void checkOffsets(String name, ArrowBuf offsets, long count, long limit, int width) {
            if (count == 0) {
                return;
            }
            if (offsets.capacity() < (count + 1) * width) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "Arrow message: vector " + name + " of " + count
                        + " values has an offset buffer of " + offsets.capacity() + " bytes (a forged or corrupt message)");
            }
            long prev = 0;
            for (long i = 0; i <= count; i++) {
                long o = width == 4 ? offsets.getInt(i * 4) : offsets.getLong(i * 8);
                if (o < prev || o > limit) {
                    throw new MPIException(ErrorClasses.ERR_OTHER, "Arrow message: vector " + name + " has offset " + o
                            + " at " + i + " after " + prev + ", outside 0.." + limit + " (a forged or corrupt message)");
                }
                prev = o;
            }
        }

        /** One buffer of {@code size} bytes (checked by {@link #of}); an allocator that refuses is an MPIException. */
        static ArrowBuf allocate(BufferAllocator alloc, long size) {
            try {
                ArrowBuf b = size == 0 ? alloc.getEmpty() : alloc.buffer(size);
                b.writerIndex(size);
                return b;
            } catch (org.apache.arrow.memory.OutOfMemoryException | OutOfMemoryError e) {
                MPIException m = new MPIException(ErrorClasses.ERR_NO_MEM, "Arrow message: cannot allocate the " + size
                        + "-byte buffer the header announces: " + e.getMessage());
                m.initCause(e);
                throw m;
            }
        }

        /**
         * Loads the received buffers into a new root, checks it with Arrow's full validation (so no forged length or
         * offset reaches past a buffer later) and lets go of this side's references.
         */
        VectorSchemaRoot load(BufferAllocator alloc, List<ArrowBuf> bufs) {
            VectorSchemaRoot root = null;
            try (ArrowRecordBatch batch = new ArrowRecordBatch(rows, nodes, bufs)) {
                root = VectorSchemaRoot.create(schema, alloc);
                new VectorLoader(root).load(batch);
                for (FieldVector v : root.getFieldVectors()) {
                    checkOffsets(v);
                    org.apache.arrow.vector.util.ValueVectorUtility.validateFull(v);
                }
            } catch (RuntimeException | AssertionError | OutOfMemoryError e) {
                if (root != null) {
                    root.close();
                }
                if (e instanceof MPIException m) {
                    throw m;
                }
                MPIException m = new MPIException(ErrorClasses.ERR_OTHER, "Arrow message: the received buffers do not make"
                        + " the batch the header describes (" + rows + " rows, " + nodes.size() + " field nodes, "
                        + sizes.length + " buffers; a forged or corrupt message): " + e.getMessage());
                m.initCause(e);
                throw m;
            } finally {
                bufs.forEach(ArrowBuf::close);
            }
            return root;
        }
    }

    private static BufferSpec spec(ArrowBuf b, long size) {
        return BufferSpec.of(b, 0, (int) size, null);
    }

    private static VectorSchemaRoot wrap(FieldVector v) {
        VectorSchemaRoot r = new VectorSchemaRoot(List.of(v));
        r.setRowCount(v.getValueCount());
        return r;
    }

    // ------------------------------------------------------------------ point-to-point

    /**
     * Sends a record batch (schema + every buffer) to {@code dest}.
     *
     * @param comm the communicator
     * @param root the record batch to send
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public static void send(Comm comm, VectorSchemaRoot root, int dest, int tag) {
        try (ArrowRecordBatch b = new VectorUnloader(root).getRecordBatch()) {
            comm.send(header(root.getSchema(), b), dest, tag);
            for (ArrowBuf buf : b.getBuffers()) {
                if (buf.readableBytes() > 0) {
                    comm.send(spec(buf, buf.readableBytes()), dest, tag);
                }
            }
        }
    }

    /**
     * Nonblocking {@link #send}: starts the batch's messages (header, then every non-empty buffer) and returns their
     * requests, to complete with {@code Request.waitAll}; {@link #recv} takes it like a blocking one. The batch's
     * memory is held by the requests until they complete; its vectors must not be changed meanwhile. A process that
     * sends a batch to itself needs this form: MPI may make a blocking send wait for its receive (MPICH does on one
     * process, Open MPI buffers small messages), and the receive comes after it on the same thread.
     *
     * @param comm the communicator
     * @param root the record batch to send
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB]
     * @return the requests of the batch's messages, to complete with Request.waitAll
     */
    public static org.mpi4j.Request[] isend(Comm comm, VectorSchemaRoot root, int dest, int tag) {
        List<org.mpi4j.Request> started = new ArrayList<>();
        try (ArrowRecordBatch b = new VectorUnloader(root).getRecordBatch()) {
            started.add(comm.isend(header(root.getSchema(), b), dest, tag));
            for (ArrowBuf buf : b.getBuffers()) {
                if (buf.readableBytes() > 0) {
                    started.add(comm.isend(spec(buf, buf.readableBytes()), dest, tag));
                }
            }
        }
        return started.toArray(new org.mpi4j.Request[0]);
    }

    /**
     * Receives a record batch sent by {@link #send}, its vectors allocated from {@code alloc} (close the root).
     *
     * @param comm the communicator
     * @param alloc the Arrow allocator the received buffers come from
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the record batch (close it)
     */
    public static VectorSchemaRoot recv(Comm comm, BufferAllocator alloc, int source, int tag) {
        Status st = new Status();
        Message m = comm.mprobe(source, tag, st);
        byte[] hdr = new byte[st.getCount(org.mpi4j.Datatype.BYTE)];
        m.recv(hdr);
        int from = st.getSource();
        int t = st.getTag();
        Shape shape = Shape.of(hdr);
        List<ArrowBuf> bufs = new ArrayList<>(shape.sizes.length);
        try {
            for (int i = 0; i < shape.sizes.length; i++) {
                long size = shape.sizes[i];
                if (size > 0) {
                    // the buffer's message must be there, with the announced size, before its memory is allocated
                    Message bm = comm.mprobe(from, t, st);
                    int n = st.getCount(org.mpi4j.Datatype.BYTE);
                    if (n != size) {
                        try {
                            bm.recv(new byte[0]);
                        } catch (MPIException e) {
                            // a non-empty message is truncated, but consumed all the same
                        }
                        throw new MPIException(ErrorClasses.ERR_TRUNCATE, "Arrow message: buffer " + i + " arrived with "
                                + n + " bytes, the header announced " + size + " (a forged or corrupt message)");
                    }
                    ArrowBuf b = Shape.allocate(alloc, size);
                    bufs.add(b);
                    bm.recv(spec(b, size));
                } else {
                    bufs.add(Shape.allocate(alloc, 0));
                }
            }
        } catch (RuntimeException e) {
            bufs.forEach(ArrowBuf::close);
            throw e;
        }
        return shape.load(alloc, bufs);
    }

    /**
     * Sends one complete vector (validity, offsets, data, children).
     *
     * @param comm the communicator
     * @param vector the Arrow vector
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public static void sendVector(Comm comm, FieldVector vector, int dest, int tag) {
        send(comm, wrap(vector), dest, tag);
    }

    /**
     * Receives one vector sent by {@link #sendVector}, allocated from {@code alloc} (close it when done).
     *
     * @param comm the communicator
     * @param alloc the Arrow allocator the received buffers come from
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the vector (close it)
     */
    public static FieldVector recvVector(Comm comm, BufferAllocator alloc, int source, int tag) {
        return recv(comm, alloc, source, tag).getVector(0);
    }

    // ------------------------------------------------------------------ collectives

    /**
     * Broadcasts the root's batch; every other process gets its own copy from {@code alloc} (the root gets its own).
     *
     * @param comm the communicator
     * @param rootBatch the record batch at the root (ignored elsewhere)
     * @param alloc the Arrow allocator the received buffers come from
     * @param root the rank of the root process
     * @return the record batch (close it)
     */
    public static VectorSchemaRoot bcast(Intracomm comm, VectorSchemaRoot rootBatch, BufferAllocator alloc, int root) {
        boolean me = comm.getRank() == root;
        ArrowRecordBatch b = me ? new VectorUnloader(rootBatch).getRecordBatch() : null;
        try {
            byte[] hdr = me ? header(rootBatch.getSchema(), b) : null;
            int[] len = {me ? hdr.length : 0};
            comm.bcast(len, root);
            if (!me) {
                if (len[0] < 16 || len[0] > MAX_HEADER_BYTES) {
                    throw new MPIException(ErrorClasses.ERR_TRUNCATE, "Arrow bcast: the root announced a header of " + len[0]
                            + " bytes; a header is 16 to " + MAX_HEADER_BYTES + " bytes (a forged or corrupt message)");
                }
                hdr = new byte[len[0]];
            }
            comm.bcast(hdr, root);
            if (me) {
                for (ArrowBuf buf : b.getBuffers()) {
                    if (buf.readableBytes() > 0) {
                        comm.bcast(spec(buf, buf.readableBytes()), root);
                    }
                }
                return rootBatch;
            }
            Shape shape = Shape.of(hdr);
            List<ArrowBuf> bufs = shape.allocate(alloc);
            try {
                for (int i = 0; i < bufs.size(); i++) {
                    if (shape.sizes[i] > 0) {
                        comm.bcast(spec(bufs.get(i), shape.sizes[i]), root);
                    }
                }
            } catch (RuntimeException e) {
                bufs.forEach(ArrowBuf::close);
                throw e;
            }
            return shape.load(alloc, bufs);
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }

    /**
     * Broadcasts one vector; non-roots get a new vector from {@code alloc}, the root gets its own back.
     *
     * @param comm the communicator
     * @param vector the Arrow vector
     * @param alloc the Arrow allocator the received buffers come from
     * @param root the rank of the root process
     * @return the vector (close it)
     */
    public static FieldVector bcastVector(Intracomm comm, FieldVector vector, BufferAllocator alloc, int root) {
        if (comm.getRank() == root) {
            bcast(comm, wrap(vector), alloc, root);
            return vector;
        }
        return bcast(comm, null, alloc, root).getVector(0);
    }

    /**
     * Gathers every process's batch at the root, in rank order: the root gets a list whose entry {@code root} is its
     * own batch and the others are new batches from {@code alloc}; other processes get null.
     *
     * @param comm the communicator
     * @param mine this rank's part
     * @param alloc the Arrow allocator the received buffers come from
     * @param root the rank of the root process
     * @return the list
     */
    public static List<VectorSchemaRoot> gather(Intracomm comm, VectorSchemaRoot mine, BufferAllocator alloc, int root) {
        if (comm.getRank() != root) {
            send(comm, mine, root, GATHER_TAG);
            return null;
        }
        List<VectorSchemaRoot> all = new ArrayList<>(comm.getSize());
        try {
            for (int r = 0; r < comm.getSize(); r++) {
                all.add(r == root ? mine : recv(comm, alloc, r, GATHER_TAG));
            }
        } catch (RuntimeException e) {
            all.stream().filter(x -> x != mine).forEach(VectorSchemaRoot::close);
            throw e;
        }
        return all;
    }

    /**
     * Gathers one vector per process at the root, in rank order (see {@link #gather}).
     *
     * @param comm the communicator
     * @param vector the Arrow vector
     * @param alloc the Arrow allocator the received buffers come from
     * @param root the rank of the root process
     * @return the list
     */
    public static List<FieldVector> gatherVector(Intracomm comm, FieldVector vector, BufferAllocator alloc, int root) {
        List<VectorSchemaRoot> all = gather(comm, wrap(vector), alloc, root);
        if (all == null) {
            return null;
        }
        List<FieldVector> out = new ArrayList<>(all.size());
        for (int r = 0; r < all.size(); r++) {
            out.add(r == comm.getRank() ? vector : all.get(r).getVector(0));
        }
        return out;
    }
}
