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
 */
public final class ArrowMessages {
    /** Tag of the point-to-point messages {@link #gather} uses on the communicator. */
    public static final int GATHER_TAG = 32_001;

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
        static Shape of(byte[] bytes) {
            ByteBuffer h = ByteBuffer.wrap(bytes);
            int sl = h.getInt();
            int rows = h.getInt();
            int nn = h.getInt();
            int nb = h.getInt();
            byte[] sc = new byte[sl];
            h.get(sc);
            Schema schema = Schema.deserializeMessage(ByteBuffer.wrap(sc));
            List<ArrowFieldNode> nodes = new ArrayList<>(nn);
            for (int i = 0; i < nn; i++) {
                nodes.add(new ArrowFieldNode(h.getLong(), h.getLong()));
            }
            long[] sizes = new long[nb];
            for (int i = 0; i < nb; i++) {
                sizes[i] = h.getLong();
            }
            return new Shape(schema, rows, nodes, sizes);
        }

        /** Buffers for the batch, from the receiver's allocator. */
        List<ArrowBuf> allocate(BufferAllocator alloc) {
            List<ArrowBuf> bufs = new ArrayList<>(sizes.length);
            try {
                for (long s : sizes) {
                    if (s > Integer.MAX_VALUE) {
                        throw new MPIException(ErrorClasses.ERR_COUNT, "an Arrow buffer of " + s + " bytes is over the 2 GiB a message can hold here");
                    }
                    ArrowBuf b = s == 0 ? alloc.getEmpty() : alloc.buffer(s);
                    b.writerIndex(s);
                    bufs.add(b);
                }
            } catch (RuntimeException e) {
                bufs.forEach(ArrowBuf::close);
                throw e;
            }
            return bufs;
        }

        /** Loads the received buffers into a new root and lets go of this side's references. */
        VectorSchemaRoot load(BufferAllocator alloc, List<ArrowBuf> bufs) {
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, alloc);
            try (ArrowRecordBatch batch = new ArrowRecordBatch(rows, nodes, bufs)) {
                new VectorLoader(root).load(batch);
            } catch (RuntimeException e) {
                root.close();
                throw e;
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

    /** Sends a record batch (schema + every buffer) to {@code dest}. */
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

    /** Receives a record batch sent by {@link #send}, its vectors allocated from {@code alloc} (close the root). */
    public static VectorSchemaRoot recv(Comm comm, BufferAllocator alloc, int source, int tag) {
        Status st = new Status();
        Message m = comm.mprobe(source, tag, st);
        byte[] hdr = new byte[st.getCount(org.mpi4j.Datatype.BYTE)];
        m.recv(hdr);
        int from = st.getSource();
        Shape shape = Shape.of(hdr);
        List<ArrowBuf> bufs = shape.allocate(alloc);
        try {
            for (int i = 0; i < bufs.size(); i++) {
                if (shape.sizes[i] > 0) {
                    comm.recv(spec(bufs.get(i), shape.sizes[i]), from, tag);
                }
            }
        } catch (RuntimeException e) {
            bufs.forEach(ArrowBuf::close);
            throw e;
        }
        return shape.load(alloc, bufs);
    }

    /** Sends one complete vector (validity, offsets, data, children). */
    public static void sendVector(Comm comm, FieldVector vector, int dest, int tag) {
        send(comm, wrap(vector), dest, tag);
    }

    /** Receives one vector sent by {@link #sendVector}, allocated from {@code alloc} (close it when done). */
    public static FieldVector recvVector(Comm comm, BufferAllocator alloc, int source, int tag) {
        return recv(comm, alloc, source, tag).getVector(0);
    }

    // ------------------------------------------------------------------ collectives

    /** Broadcasts the root's batch; every other process gets its own copy from {@code alloc} (the root gets its own). */
    public static VectorSchemaRoot bcast(Intracomm comm, VectorSchemaRoot rootBatch, BufferAllocator alloc, int root) {
        boolean me = comm.getRank() == root;
        ArrowRecordBatch b = me ? new VectorUnloader(rootBatch).getRecordBatch() : null;
        try {
            byte[] hdr = me ? header(rootBatch.getSchema(), b) : null;
            int[] len = {me ? hdr.length : 0};
            comm.bcast(len, root);
            if (!me) {
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

    /** Broadcasts one vector; non-roots get a new vector from {@code alloc}, the root gets its own back. */
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

    /** Gathers one vector per process at the root, in rank order (see {@link #gather}). */
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
