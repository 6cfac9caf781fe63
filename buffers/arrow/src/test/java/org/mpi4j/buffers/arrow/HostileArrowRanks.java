package org.mpi4j.buffers.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.util.ValueVectorUtility;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.testing.RankTest;

/**
 * {@link ArrowMessages} under hostile bytes: rank 0 sends forged headers (counts, sizes, nodes, schema bytes,
 * truncations) and buffers as raw byte messages; every receive ends in a clear MPIException or a batch that passes
 * Arrow's full validation (the exact batch when nothing was forged), never an Error or a hang, nothing leaks from the
 * receiver's allocator, and the communicator works afterwards.
 */
public final class HostileArrowRanks {
    private HostileArrowRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;
    static final int CASES = 1000;
    static final long SEED = 20240614L;

    /** A batch of an int column with nulls and a string column, {@code rows} rows, from the seed. */
    static VectorSchemaRoot batch(BufferAllocator a, Random r, int rows) {
        IntVector i = new IntVector("i", a);
        VarCharVector s = new VarCharVector("s", a);
        i.allocateNew(rows);
        s.allocateNew();
        for (int k = 0; k < rows; k++) {
            if (r.nextInt(4) == 0) {
                i.setNull(k);
            } else {
                i.set(k, r.nextInt());
            }
            s.setSafe(k, ("v" + r.nextInt(1000)).getBytes(StandardCharsets.UTF_8));
        }
        i.setValueCount(rows);
        s.setValueCount(rows);
        return new VectorSchemaRoot(List.<FieldVector>of(i, s));
    }

    /** A batch's parts as ArrowMessages sends them: header fields, and each buffer's bytes. */
    static final class Parts {
        byte[] schema;
        int rows;
        long[][] nodes;
        byte[][] buffers;
        long[] sizes;

        static Parts of(VectorSchemaRoot root) {
            Parts p = new Parts();
            p.schema = root.getSchema().serializeAsMessage();
            try (ArrowRecordBatch b = new VectorUnloader(root).getRecordBatch()) {
                p.rows = b.getLength();
                List<ArrowFieldNode> ns = b.getNodes();
                p.nodes = new long[ns.size()][];
                for (int k = 0; k < ns.size(); k++) {
                    p.nodes[k] = new long[] {ns.get(k).getLength(), ns.get(k).getNullCount()};
                }
                List<ArrowBuf> bs = b.getBuffers();
                p.buffers = new byte[bs.size()][];
                p.sizes = new long[bs.size()];
                for (int k = 0; k < bs.size(); k++) {
                    ArrowBuf x = bs.get(k);
                    p.buffers[k] = new byte[(int) x.readableBytes()];
                    x.getBytes(0, p.buffers[k]);
                    p.sizes[k] = p.buffers[k].length;
                }
            }
            return p;
        }

        /** The header with the given field values (forgeries pass other ones). */
        byte[] header(int sl, int rowCount, int nn, int nb) {
            ByteBuffer h = ByteBuffer.allocate(16 + schema.length + 16 * nodes.length + 8 * sizes.length);
            h.putInt(sl).putInt(rowCount).putInt(nn).putInt(nb).put(schema);
            for (long[] n : nodes) {
                h.putLong(n[0]).putLong(n[1]);
            }
            for (long s : sizes) {
                h.putLong(s);
            }
            return h.array();
        }

        byte[] header() {
            return header(schema.length, rows, nodes.length, sizes.length);
        }
    }

    /** One forged case: the header, the buffer messages to send after it, and whether the batch is the honest one. */
    record Case(byte[] header, List<byte[]> messages, boolean honest, boolean mustReject, String kind) { }

    static Case forge(Random r, Parts p) {
        int kind = r.nextInt(8);
        List<byte[]> all = new ArrayList<>();
        for (int k = 0; k < p.sizes.length; k++) {
            if (p.sizes[k] > 0) {
                all.add(p.buffers[k]);
            }
        }
        switch (kind) {
            case 0: { // random bytes
                byte[] b = new byte[r.nextInt(100)];
                r.nextBytes(b);
                if (b.length > 0) {
                    b[0] |= (byte) 0x80; // a negative schema length: never a header by chance
                }
                return new Case(b, List.of(), false, true, "random");
            }
            case 1: { // one of the header's counts changed: the lengths no longer add up
                int f = r.nextInt(3);
                int[] v = {p.schema.length, p.nodes.length, p.sizes.length};
                int delta = r.nextBoolean() ? 1 + r.nextInt(3) : r.nextInt();
                v[f] = delta == 0 ? v[f] + 1 : v[f] + delta;
                return new Case(p.header(v[0], p.rows, v[1], v[2]), List.of(), false, true, "counts");
            }
            case 2: { // cut short
                byte[] h = p.header();
                return new Case(Arrays.copyOf(h, r.nextInt(h.length)), List.of(), false, true, "truncated");
            }
            case 3: { // a buffer size forged: negative, huge, or a different size than the message that comes
                int k = r.nextInt(p.sizes.length);
                long real = p.sizes[k];
                long forged = switch (r.nextInt(3)) {
                    case 0 -> -1 - r.nextInt(1 << 20);
                    case 1 -> Integer.MAX_VALUE + 1L + r.nextInt(1 << 20);
                    default -> real + 1 + r.nextInt(1 << 20);
                };
                long saved = p.sizes[k];
                p.sizes[k] = forged;
                byte[] h = p.header();
                p.sizes[k] = saved;
                List<byte[]> msgs = new ArrayList<>();
                if (forged > 0 && forged <= Integer.MAX_VALUE) {
                    for (int j = 0; j <= k; j++) { // the receiver takes the buffers before k, then refuses k
                        if (j == k || p.sizes[j] > 0) {
                            msgs.add(p.buffers[j]);
                        }
                    }
                }
                return new Case(h, msgs, false, true, "size");
            }
            case 4: { // a node forged: negative, more nulls than values, or lengths past the buffers
                int k = r.nextInt(p.nodes.length);
                long[] saved = p.nodes[k].clone();
                int how = r.nextInt(3);
                p.nodes[k] = how == 0 ? new long[] {-1 - r.nextInt(100), 0} : how == 1 ? new long[] {saved[0], saved[0] + 1}
                        : new long[] {saved[0] + 1 + r.nextInt(1 << 20), 0};
                byte[] h = p.header();
                p.nodes[k] = saved;
                return new Case(h, how == 2 ? all : List.of(), false, how != 2, "node");
            }
            case 5: { // a byte of the schema flipped: it may not parse, or parse into another schema
                byte[] saved = p.schema.clone();
                p.schema[r.nextInt(p.schema.length)] ^= (byte) (1 << r.nextInt(8));
                byte[] h = p.header();
                p.schema = saved;
                return new Case(h, all, false, false, "schema");
            }
            case 6: { // a buffer's contents garbled (offsets past the data, say)
                List<byte[]> msgs = new ArrayList<>();
                for (byte[] b : all) {
                    byte[] c = b.clone();
                    if (c.length > 0 && r.nextBoolean()) {
                        c[r.nextInt(c.length)] = (byte) r.nextInt();
                    }
                    msgs.add(c);
                }
                return new Case(p.header(), msgs, false, false, "contents");
            }
            default:
                return new Case(p.header(), all, true, false, "honest");
        }
    }

    static int accepted;
    static int rejected;

    /** The receive ends in an MPIException or a valid batch (the honest one when nothing was forged); never an Error. */
    static void check(String where, Case c, VectorSchemaRoot sent, Callable<VectorSchemaRoot> receive) {
        VectorSchemaRoot got;
        try {
            got = receive.call();
        } catch (MPIException e) {
            rejected++;
            if (c.honest()) {
                throw new AssertionError(where + ": refused an honest batch", e);
            }
            return;
        } catch (Exception e) {
            throw new AssertionError(where + ": threw " + e, e);
        } catch (Error e) {
            throw new AssertionError(where + ": an Error escaped: " + e, e);
        }
        accepted++;
        try (VectorSchemaRoot g = got) {
            if (c.mustReject()) {
                fail(where + ": accepted a forged header");
            }
            for (FieldVector v : g.getFieldVectors()) {
                ValueVectorUtility.validateFull(v);
            }
            if (c.honest()) {
                assertEquals(sent.contentToTSVString(), g.contentToTSVString(), where);
            }
        }
    }

    /** Point-to-point: ArrowMessages.recv (and recvVector) under forged messages from rank 0. */
    @RankTest
    public static void seededRecv() {
        if (size() < 2) {
            return;
        }
        Random r = new Random(SEED);
        try (BufferAllocator a = new RootAllocator(256L << 20)) {
            for (int i = 0; i < CASES; i++) {
                int tag = 100 + i % 1000;
                try (VectorSchemaRoot sent = batch(a, r, r.nextInt(20))) {
                    Parts p = Parts.of(sent);
                    Case c = forge(r, p);
                    if (rank() == 0) {
                        W.send(c.header(), 1, tag);
                        for (byte[] m : c.messages()) {
                            W.send(m, 1, tag);
                        }
                    } else if (rank() == 1) {
                        check("recv case " + i + " (" + c.kind() + ")", c, sent, () -> ArrowMessages.recv(W, a, 0, tag));
                    }
                }
                if (i % 100 == 99) {
                    W.barrier();
                }
            }
            if (rank() == 1) {
                assertTrue(accepted > CASES / 10 && rejected > CASES / 10, accepted + " batches and " + rejected + " rejections");
            }
            assertEquals(0, a.getAllocatedMemory(), "the receiver's allocator leaked");
        }
        ringStillWorks();
    }

    /** Broadcast: forged header lengths and headers from the root (rank 0); receivers refuse before further bcasts. */
    @RankTest
    public static void seededBcast() {
        Random r = new Random(SEED + 1);
        try (BufferAllocator a = new RootAllocator(256L << 20)) {
            for (int i = 0; i < CASES; i++) {
                try (VectorSchemaRoot sent = batch(a, r, r.nextInt(20))) {
                    Parts p = Parts.of(sent);
                    int kind = r.nextInt(4);
                    if (kind == 0) { // a length no header has
                        int len = r.nextBoolean() ? -1 - r.nextInt(Integer.MAX_VALUE) : r.nextBoolean() ? r.nextInt(16)
                                : ArrowMessages.MAX_HEADER_BYTES + 1 + r.nextInt(1000);
                        if (rank() == 0) {
                            W.bcast(new int[] {len}, 0);
                        } else {
                            MPIException e = assertThrows(MPIException.class, () -> ArrowMessages.bcast(W, null, a, 0));
                            assertEquals(ErrorClasses.ERR_TRUNCATE, e.getErrorClass());
                        }
                        continue;
                    }
                    Case c = kind == 3 ? new Case(p.header(), List.of(), true, false, "honest") : forgeHeaderOnly(r, p);
                    if (rank() == 0) {
                        if (c.honest()) {
                            ArrowMessages.bcast(W, sent, a, 0);
                        } else {
                            W.bcast(new int[] {c.header().length}, 0);
                            if (c.header().length >= 16) { // receivers refuse a shorter one before its bytes
                                W.bcast(c.header(), 0);
                            }
                        }
                    } else {
                        check("bcast case " + i + " (" + c.kind() + ")", c, sent, () -> ArrowMessages.bcast(W, null, a, 0));
                    }
                }
            }
            if (rank() != 0) {
                assertTrue(accepted > CASES / 10 && rejected > CASES / 10, accepted + " batches and " + rejected + " rejections");
            }
            assertEquals(0, a.getAllocatedMemory(), "the receiver's allocator leaked");
        }
        ringStillWorks();
    }

    /** A forged header the receiver refuses before any buffer (counts, truncation, random bytes, bad nodes or sizes). */
    static Case forgeHeaderOnly(Random r, Parts p) {
        while (true) {
            Case c = forge(r, p);
            if (c.mustReject() && c.messages().isEmpty()) {
                return c;
            }
        }
    }

    /** Regression (issue 13 items 6 and 8): forged sizes give an MPIException at once, not an OOM or a raw exception. */
    @RankTest
    public static void forgedHeadersAreClearErrors() {
        if (size() < 2) {
            return;
        }
        try (BufferAllocator a = new RootAllocator(64L << 20); VectorSchemaRoot sent = batch(a, new Random(1), 5)) {
            Parts p = Parts.of(sent);
            byte[][] forged = {
                p.header(-5, p.rows, p.nodes.length, p.sizes.length), // NegativeArraySizeException before
                p.header(Integer.MAX_VALUE - 64, p.rows, p.nodes.length, p.sizes.length), // OOM / underflow before
                p.header(p.schema.length, p.rows, Integer.MAX_VALUE, p.sizes.length), // ArrayList(huge) before
                new byte[6],
            };
            long saved = p.sizes[1];
            p.sizes[1] = 1L << 40; // over 2 GiB
            byte[] big = p.header();
            p.sizes[1] = 1_500_000_000L; // a size that would be allocated from the allocator before
            byte[] large = p.header();
            p.sizes[1] = saved;
            if (rank() == 0) {
                for (byte[] h : forged) {
                    W.send(h, 1, 7);
                }
                W.send(big, 1, 7);
                W.send(large, 1, 7);
                if (p.sizes[0] > 0) {
                    W.send(p.buffers[0], 1, 7); // buffer 0 is honest
                }
                W.send(p.buffers[1], 1, 7); // the real buffer 1: 20 bytes, not 1.5 GB
                W.bcast(new int[] {-3}, 0);
            } else if (rank() == 1) {
                for (int k = 0; k < forged.length + 1; k++) {
                    long t0 = System.nanoTime();
                    assertThrows(MPIException.class, () -> ArrowMessages.recv(W, a, 0, 7));
                    assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
                }
                MPIException e = assertThrows(MPIException.class, () -> ArrowMessages.recv(W, a, 0, 7));
                assertTrue(e.getMessage().contains("buffer 1 arrived with"), e.getMessage());
            }
            if (rank() != 0) {
                if (rank() != 1) {
                    assertThrows(MPIException.class, () -> ArrowMessages.bcast(W, null, a, 0));
                } else {
                    MPIException e = assertThrows(MPIException.class, () -> ArrowMessages.bcast(W, null, a, 0));
                    assertTrue(e.getMessage().contains("header of -3 bytes"), e.getMessage());
                }
            }
        }
        ringStillWorks();
    }

    static void ringStillWorks() {
        int[] in = new int[1];
        W.sendrecv(new int[] {rank()}, next(), 9, in, prev(), 9);
        assertEquals(prev(), in[0]);
        W.barrier();
    }
}
