package org.mpi4j.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.mpi4j.AllowList;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.JdkSerializer;
import org.mpi4j.KryoSerializer;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.ObjectRequest;
import org.mpi4j.Op;
import org.mpi4j.Pickle;
import org.mpi4j.Serializer;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.VBuffer;
import org.mpi4j.testing.RankTest;

/**
 * The object path under hostile bytes: forged frames, lengths and nesting sent as raw byte messages by rank 0 to every
 * object receive path. Each must end in a clear MPIException or the value the bytes really hold, never an Error or a
 * hang, and the communicator must work afterwards. The regression tests name the issue-13 item they keep fixed; the
 * {@code seeded*} tests run thousands of cases generated alike on every rank from one seed.
 */
public final class HostileBytesRanks {
    private HostileBytesRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;
    static final int HEADER = 24;
    static final int MAGIC = 0x4a34504d;
    /** Cases per path in the seeded tests. */
    static final int CASES = Integer.getInteger("mpi4j.test.hostileCases", 1500);
    static final long SEED = Long.getLong("mpi4j.test.hostileSeed", 20240613L);

    // ------------------------------------------------------------------ frames and payloads

    /** A first frame as the object path writes it, with every header field given (forgeries pass other values). */
    static byte[] frame(byte[] payload, long claimedPayload, int claimedLen0, int source, int tag, int magic) {
        byte[] f = new byte[HEADER + payload.length];
        ByteBuffer b = ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(claimedPayload).putInt(claimedLen0).putInt(source).putInt(tag).putInt(magic).put(payload);
        return f;
    }

    /** Honest frames around {@code payload} as a sender with these frame sizes makes them (first frame, then chunks). */
    static List<byte[]> frames(byte[] payload, int tag) {
        int first = Pickle.get().getFirstFrameBytes();
        int chunk = Pickle.get().getChunkBytes();
        if (HEADER + payload.length <= first) {
            return List.of(frame(payload, tag));
        }
        List<byte[]> out = new ArrayList<>();
        out.add(frame(Arrays.copyOf(payload, first - HEADER), payload.length, first, 0, tag, MAGIC));
        for (int at = first - HEADER; at < payload.length; at += chunk) {
            out.add(Arrays.copyOfRange(payload, at, Math.min(payload.length, at + chunk)));
        }
        return out;
    }

    /** An honest single frame around {@code payload}. */
    static byte[] frame(byte[] payload, int tag) {
        return frame(payload, payload.length, HEADER + payload.length, 0, tag, MAGIC);
    }

    static MPIException rejectedWithin5s(Callable<?> receive) {
        long t0 = System.nanoTime();
        MPIException e = assertThrows(MPIException.class, receive::call);
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(s < 5, "rejected only after " + s + " s");
        return e;
    }

    /** Sends a sendrecv ring of a small object and checks it: the communicator still works. */
    static void ringStillWorks(int tag) {
        Object got = W.sendrecvObject(List.of("ring", rank()), next(), tag, prev(), tag);
        assertEquals(List.of("ring", prev()), got);
        int[] in = new int[1];
        W.sendrecv(new int[] {rank()}, next(), tag + 1, in, prev(), tag + 1);
        assertEquals(prev(), in[0]);
        W.barrier();
    }

    /** A big varint: plain (7 bits a byte) or Kryo's flagged form (a flag bit and 6 bits first), for length bombs. */
    static byte[] bigVarint(long v, boolean flagged) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        if (flagged) {
            o.write((int) (0x80 | 0x40 | (v & 0x3F)));
            v >>>= 6;
        }
        while (true) {
            if ((v & ~0x7FL) == 0) {
                o.write((int) v);
                break;
            }
            o.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        return o.toByteArray();
    }

    /**
     * Kryo payloads whose length field claims {@code claimed} elements: the object serialized with n and n+1 elements
     * differs first at its length, which is replaced by the big number (in the varint form Kryo uses there) and the rest
     * cut off. About 6 bytes after the class name are enough.
     */
    static List<byte[]> kryoLengthBombs(long claimed) {
        Object[][] pairs = {
            {new byte[3], new byte[4]}, {new int[3], new int[4]}, {new long[3], new long[4]}, {new double[3], new double[4]},
            {"a\u00e9", "a\u00e9b"}, {new ArrayList<>(List.of(1, 2)), new ArrayList<>(List.of(1, 2, 3))},
            {new HashMap<>(Map.of(1, 2)), new HashMap<>(Map.of(1, 2, 3, 4))}, {new Object[2], new Object[3]},
            {new String[2], new String[3]}, {new java.util.HashSet<>(List.of(1)), new java.util.HashSet<>(List.of(1, 2))},
            {new java.math.BigInteger("1234"), new java.math.BigInteger("123456789012345678901234567890")},
            {List.of(1, 2, 3), List.of(1, 2, 3, 4)}, {Arrays.asList(1, 2), Arrays.asList(1, 2, 3)},
        };
        KryoSerializer k = new KryoSerializer(AllowList.defaults());
        List<byte[]> out = new ArrayList<>();
        for (Object[] p : pairs) {
            byte[] x = ObjectRanks.serialize(k, p[0]);
            byte[] y = ObjectRanks.serialize(k, p[1]);
            int i = 0;
            while (x[i] == y[i]) {
                i++;
            }
            boolean flagged = (x[i] & 0x80) != 0; // Kryo's flagged varint (strings, collections) has the top bit set
            byte[] v = bigVarint(claimed, flagged);
            byte[] b = Arrays.copyOf(x, i + v.length);
            System.arraycopy(v, 0, b, i, v.length);
            out.add(b);
        }
        return out;
    }

    /** JDK serialization of an int[3] and an ArrayList whose length field claims {@code claimed}. */
    static List<byte[]> jdkLengthBombs(int claimed) {
        JdkSerializer j = new JdkSerializer(AllowList.defaults());
        List<byte[]> out = new ArrayList<>();
        byte[] ints = ObjectRanks.serialize(j, new int[] {7, 7, 7});
        ByteBuffer.wrap(ints).putInt(ints.length - 16, claimed); // length, then 3 x 4 bytes
        out.add(Arrays.copyOf(ints, ints.length - 12));
        byte[] list = ObjectRanks.serialize(j, new ArrayList<>(List.of(5, 6)));
        // ArrayList.writeObject writes its size field, then a capacity int (ignored on reading), then the elements
        byte[] two = {0, 0, 0, 2};
        for (int i = 0; i + 4 <= list.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(list, i, i + 4), two)) {
                byte[] b = list.clone();
                ByteBuffer.wrap(b).putInt(i, claimed);
                out.add(b);
                break;
            }
        }
        return out;
    }

    /** Lists nested {@code depth} deep, serialized on a thread with a big stack (the sender side refuses them). */
    static byte[] deepBytes(Serializer s, int depth) throws Exception {
        byte[][] out = new byte[1][];
        Throwable[] err = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Object o = null;
                for (int i = 0; i < depth; i++) {
                    ArrayList<Object> l = new ArrayList<>(1);
                    l.add(o);
                    o = l;
                }
                out[0] = ObjectRanks.serialize(s, o);
            } catch (Throwable e) {
                err[0] = e;
            }
        }, "deep-writer", 1L << 30);
        t.start();
        t.join();
        if (err[0] != null) {
            throw new AssertionError("could not make the deep test bytes", err[0]);
        }
        return out[0];
    }

    static ArrayList<Object> deepList(int depth) {
        Object o = null;
        for (int i = 0; i < depth; i++) {
            ArrayList<Object> l = new ArrayList<>(1);
            l.add(o);
            o = l;
        }
        return (ArrayList<Object>) o;
    }

    // ------------------------------------------------------------------ regression tests (issue 13 items)

    /** Item 3: a first frame claiming more payload than it holds, but shorter than the first-frame size, never hangs. */
    @RankTest
    public static void truncatedOrForgedFrameIsRejectedAtOnce() {
        if (rank() == 0) {
            byte[] payload = Pickle.get().dumps(List.of(1, 2, 3));
            byte[] forged = frame(payload, payload.length + 1000, HEADER + payload.length, 0, 100, MAGIC);
            byte[] truncated = Arrays.copyOf(frame(Pickle.get().dumps("x".repeat(500)), 100), 100);
            if (size() > 1) {
                W.send(forged, 1, 100);
                W.send(forged, 1, 101);
                W.send(truncated, 1, 102);
                W.send(forged, 1, 103);
            }
        } else if (rank() == 1) {
            MPIException e = rejectedWithin5s(() -> W.recvObject(0, 100));
            assertEquals(ErrorClasses.ERR_TRUNCATE, e.getErrorClass());
            assertTrue(e.getMessage().contains("never followed by further frames"), e.getMessage());
            rejectedWithin5s(() -> W.irecvObject(0, 101).waitObject());
            e = rejectedWithin5s(() -> W.recvObject(0, 102));
            assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
            rejectedWithin5s(() -> W.irecvObject(new byte[Pickle.get().getFirstFrameBytes()], 0, 103).waitObject());
        }
        ringStillWorks(190);
    }

    /** Item 5: a short message into a reused irecv buffer must not bring back the previous message's object. */
    @RankTest
    public static void shortMessageIntoAReusedIrecvBufferIsNotThePreviousObject() {
        if (size() < 2) {
            ringStillWorks(290);
            return;
        }
        byte[] heap = new byte[Pickle.get().getFirstFrameBytes()];
        ByteBuffer direct = ByteBuffer.allocateDirect(Pickle.get().getFirstFrameBytes());
        for (Object buf : new Object[] {heap, direct}) {
            if (rank() == 0) {
                W.sendObject("previous", 1, 200);
                W.send(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 201);
                W.send(new byte[0], 1, 202);
                W.send(Arrays.copyOf(frame(Pickle.get().dumps("x"), 0), 20), 1, 203);
            } else if (rank() == 1) {
                assertEquals("previous", W.irecvObject(buf, 0, 200).waitObject());
                for (int tag = 201; tag <= 203; tag++) {
                    ObjectRequest r = W.irecvObject(buf, 0, tag);
                    MPIException e = rejectedWithin5s(r::waitObject);
                    assertEquals(ErrorClasses.ERR_TRUNCATE, e.getErrorClass(), e.getMessage());
                }
                // the buffer still works for honest messages
                ObjectRequest r = W.irecvObject(buf, 0, 204);
                assertEquals(List.of("after", 1), r.waitObject());
            }
            if (rank() == 0) {
                W.sendObject(List.of("after", 1), 1, 204);
            }
        }
        ringStillWorks(290);
    }

    /** Item 6: a forged length makes no serializer allocate it: a clear MPIException, not an OutOfMemoryError. */
    @RankTest
    public static void forgedLengthsAreBoundedByWhatArrived() {
        List<byte[]> kryo = kryoLengthBombs(0x7FFF_FFF0L);
        kryo.addAll(kryoLengthBombs(100_000_000L));
        for (byte[] b : kryo) {
            MPIException e = assertThrows(MPIException.class, () -> Pickle.get().loads(b), () -> Arrays.toString(b));
            assertTrue(e.getMessage().contains("cannot deserialize"), e.getMessage());
        }
        Pickle p = Pickle.get();
        Serializer saved = p.getSerializer();
        p.setSerializer(new JdkSerializer(p.allowList()));
        try {
            for (byte[] b : jdkLengthBombs(0x7FFF_FFF0)) {
                assertThrows(MPIException.class, () -> p.loads(b), () -> Arrays.toString(b));
            }
            for (byte[] b : jdkLengthBombs(50_000_000)) {
                assertThrows(MPIException.class, () -> p.loads(b));
            }
        } finally {
            p.setSerializer(saved);
        }
        // and through a real receive
        if (size() > 1) {
            if (rank() == 0) {
                for (int i = 0; i < kryo.size(); i++) {
                    W.send(frame(kryo.get(i), 300), 1, 300);
                }
            } else if (rank() == 1) {
                for (int i = 0; i < kryo.size(); i++) {
                    rejectedWithin5s(() -> W.recvObject(0, 300));
                }
            }
        }
        // bcastObject's metadata: a negative or huge first frame length
        for (int[] meta : new int[][] {{1, -5}, {1, 2_000_000_000}, {1, 3}, {0, 100}, {-7, 100}, {3, 100}}) {
            if (rank() == 0) {
                W.bcast(meta, 0);
            } else {
                MPIException e = rejectedWithin5s(() -> W.bcastObject(null, 0));
                assertEquals(ErrorClasses.ERR_TRUNCATE, e.getErrorClass());
                assertTrue(e.getMessage().contains("bcastObject"), e.getMessage());
            }
        }
        ringStillWorks(390);
    }

    /** Item 7: nesting deeper than the limit is an MPIException on the receiver and on the sender, not a StackOverflowError. */
    @RankTest
    public static void deepNestingIsRefusedNotAStackOverflow() throws Exception {
        byte[] kryoDeep = deepBytes(new KryoSerializer(AllowList.defaults(), 1_000_000), 100_000);
        MPIException e = assertThrows(MPIException.class, () -> Pickle.get().loads(kryoDeep));
        assertTrue(e.getMessage().contains("nested deeper than " + KryoSerializer.DEFAULT_MAX_DEPTH), e.getMessage());
        // within the limit still works
        Object ok = Pickle.get().loads(Pickle.get().dumps(deepList(500)));
        assertTrue(ok instanceof ArrayList);
        // the sender refuses what it could not write, and sends nothing
        e = assertThrows(MPIException.class, () -> W.sendObject(deepList(100_000), next(), 401));
        assertTrue(e.getMessage().contains("cannot serialize java.util.ArrayList"), e.getMessage());
        byte[] jdkDeep = deepBytes(new JdkSerializer(AllowList.defaults()), 20_000);
        JdkSerializer jdk = new JdkSerializer(AllowList.defaults());
        e = assertThrows(MPIException.class, () -> jdk.deserialize(new java.io.ByteArrayInputStream(jdkDeep)));
        assertTrue(e.getMessage().contains("nested deeper than " + JdkSerializer.DEFAULT_MAX_DEPTH), e.getMessage());
        Pickle p = Pickle.get();
        Serializer saved = p.getSerializer();
        p.setSerializer(jdk);
        try {
            e = assertThrows(MPIException.class, () -> W.sendObject(deepList(100_000), next(), 402));
            assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
            if (size() > 1) {
                if (rank() == 0) {
                    for (byte[] m : frames(jdkDeep, 403)) {
                        W.send(m, 1, 403);
                    }
                } else if (rank() == 1) {
                    rejectedWithin5s(() -> W.recvObject(0, 403));
                }
            }
        } finally {
            p.setSerializer(saved);
        }
        if (size() > 1) {
            if (rank() == 0) {
                for (byte[] m : frames(kryoDeep, 404)) {
                    W.send(m, 1, 404);
                }
            } else if (rank() == 1) {
                e = rejectedWithin5s(() -> W.recvObject(0, 404));
                assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
            }
        }
        ringStillWorks(490);
    }

    // ------------------------------------------------------------------ the seeded suite

    /** What a case's bytes must give: a rejection, or what {@link Pickle#loads} makes of the payload. */
    record Expect(boolean reject, byte[] payload) {
        static final Expect REJECT = new Expect(true, null);
    }

    /** One point-to-point case: the messages rank 0 sends (first frame, then any continuation frames). */
    record Case(List<byte[]> messages, Expect expect, String kind) { }

    static final Object[] SAMPLES = {
        List.of(1, 2, 3), "hello", Map.of("k", 1.5), new double[] {1, 2, 3}, new ArrayList<>(List.of("a", "b")),
        new HashMap<>(Map.of("x", List.of(1L, 2L))), 42, new int[] {9, 8}, new java.util.TreeMap<>(Map.of(1, "one")),
        java.math.BigInteger.TEN.pow(30), new Object[] {1, "two", null}, new java.util.HashSet<>(List.of(7)),
    };

    static byte[] samplePayload(Random r) {
        return Pickle.get().dumps(SAMPLES[r.nextInt(SAMPLES.length)]);
    }

    /** A random payload: random bytes, or a real one mutated (flipped bytes, a big varint written in, cut, extended). */
    static byte[] payload(Random r) {
        switch (r.nextInt(6)) {
            case 0: {
                byte[] b = new byte[r.nextInt(80)];
                r.nextBytes(b);
                return b;
            }
            case 1: {
                byte[] b = samplePayload(r);
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2: {
                byte[] b = samplePayload(r);
                byte[] v = bigVarint(r.nextBoolean() ? 0x7FFF_FFF0L : 1 + r.nextInt(Integer.MAX_VALUE), r.nextBoolean());
                int at = r.nextInt(b.length);
                byte[] c = Arrays.copyOf(b, Math.max(b.length, at + v.length));
                System.arraycopy(v, 0, c, at, v.length);
                return r.nextBoolean() ? c : Arrays.copyOf(c, at + v.length);
            }
            case 3: {
                byte[] b = samplePayload(r);
                return Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 4: {
                List<byte[]> bombs = r.nextBoolean() ? BOMBS : BOMBS_MID;
                return bombs.get(r.nextInt(bombs.size()));
            }
            default:
                return samplePayload(r); // honest
        }
    }

    static final List<byte[]> BOMBS = kryoLengthBombs(0x7FFF_FFF0L);
    static final List<byte[]> BOMBS_MID = kryoLengthBombs(5_000_000L);

    /**
     * A point-to-point case. With {@code exactFrames}, the header's frame length always equals the bytes sent (or the
     * message is shorter than a header): an irecv cannot see MPI's count, so a frame whose header undercounts its
     * message is indistinguishable there from an honest one. {@code first}/{@code chunk} are the frame sizes in use.
     */
    static Case p2pCase(Random r, int tag, int first, int chunk, boolean exactFrames) {
        int kind = r.nextInt(exactFrames ? 7 : 9);
        byte[] p = payload(r);
        switch (kind) {
            case 0: { // random bytes, no header
                byte[] b = new byte[r.nextInt(60)];
                r.nextBytes(b);
                if (b.length >= HEADER) {
                    b[23] = 0; // never MAGIC by chance
                }
                return new Case(List.of(b), Expect.REJECT, "random");
            }
            case 1: // honest framing around a random/mutated payload
                if (p.length + HEADER > first) {
                    p = Arrays.copyOf(p, first - HEADER);
                }
                return new Case(List.of(frame(p, p.length, HEADER + p.length, 0, tag, MAGIC)), new Expect(false, p), "payload");
            case 2: { // claims more payload than a short first frame holds (item 3)
                p = Arrays.copyOf(p, Math.min(p.length, first - HEADER - 1));
                long claim = p.length + 1 + (r.nextBoolean() ? r.nextInt(1000) : r.nextLong() >>> 1);
                return new Case(List.of(frame(p, claim, HEADER + p.length, 0, tag, MAGIC)), Expect.REJECT, "overclaim");
            }
            case 3: { // claims less (or a negative) payload than the frame holds
                p = Arrays.copyOf(p, Math.max(1, Math.min(p.length, first - HEADER)));
                long claim = r.nextBoolean() ? r.nextInt(p.length) : -1 - r.nextInt(1 << 20);
                return new Case(List.of(frame(p, claim, HEADER + p.length, 0, tag, MAGIC)), Expect.REJECT, "underclaim");
            }
            case 4: { // wrong magic
                p = Arrays.copyOf(p, Math.min(p.length, first - HEADER));
                return new Case(List.of(frame(p, p.length, HEADER + p.length, 0, tag, MAGIC ^ (1 + r.nextInt(255)))),
                        Expect.REJECT, "magic");
            }
            case 5: { // a full first frame, then forged continuation frames
                int total = first - HEADER + 1 + r.nextInt(3 * chunk);
                byte[] all = new byte[total];
                r.nextBytes(all);
                byte[] honest = samplePayload(r);
                System.arraycopy(honest, 0, all, 0, Math.min(honest.length, total));
                List<byte[]> msgs = new ArrayList<>();
                msgs.add(frame(Arrays.copyOf(all, first - HEADER), total, first, 0, tag, MAGIC));
                int at = first - HEADER;
                int bad = r.nextInt(4); // 0: honest; 1: too long; 2: short in the middle; 3: forged sender/tag
                if (bad == 3) {
                    msgs.set(0, frame(Arrays.copyOf(all, first - HEADER), total, first, r.nextBoolean() ? 1 : -1,
                            r.nextBoolean() ? tag + 1 : -1, MAGIC));
                    return new Case(msgs, Expect.REJECT, "continuation-address");
                }
                while (at < total) {
                    int n = Math.min(chunk, total - at);
                    if (bad == 1 && at + n >= total) {
                        msgs.add(new byte[n + 1 + r.nextInt(chunk)]);
                        return new Case(msgs, Expect.REJECT, "continuation-long");
                    }
                    if (bad == 2 && n == chunk && total - at > chunk) {
                        msgs.add(Arrays.copyOfRange(all, at, at + 1 + r.nextInt(chunk - 1)));
                        return new Case(msgs, Expect.REJECT, "continuation-short");
                    }
                    msgs.add(Arrays.copyOfRange(all, at, at + n));
                    at += n;
                }
                return new Case(msgs, new Expect(false, all), "continuation");
            }
            case 6: { // a short message cut from an honest frame
                byte[] f = frame(samplePayload(r), tag);
                return new Case(List.of(Arrays.copyOf(f, Math.min(f.length - 1, r.nextInt(HEADER)))), Expect.REJECT, "cut");
            }
            case 7: { // header frame length differs from the bytes sent
                p = Arrays.copyOf(p, Math.min(p.length, first / 2));
                int len0 = HEADER + p.length + (r.nextBoolean() ? 1 + r.nextInt(100) : -1 - r.nextInt(HEADER + p.length));
                return new Case(List.of(frame(p, p.length, len0, 0, tag, MAGIC)), Expect.REJECT, "len0");
            }
            default: { // an honest frame cut anywhere
                byte[] f = frame(samplePayload(r), tag);
                return new Case(List.of(Arrays.copyOf(f, r.nextInt(f.length))), Expect.REJECT, "truncated");
            }
        }
    }

    /** Outcomes seen on this rank by the seeded tests: values delivered, and MPIExceptions. */
    static int accepted;
    static int rejected;

    /** Asserts the cases of one path ended both ways often enough to mean something, then resets the counts. */
    static void assertBothOutcomes(String path, int cases) {
        assertTrue(accepted >= cases / 20 && rejected >= cases / 20, path + ": " + accepted + " values and " + rejected
                + " rejections in " + cases + " cases");
        accepted = 0;
        rejected = 0;
    }

    /** An honest single frame around a random or mutated payload (its value is what loads makes of it). */
    static Case honestFramed(Random r, int first) {
        byte[] p = r.nextBoolean() ? samplePayload(r) : payload(r);
        p = Arrays.copyOf(p, Math.min(p.length, first - HEADER));
        return new Case(List.of(frame(p, 0)), new Expect(false, p), "payload");
    }

    /** Checks a receive's outcome against the case: a rejection where one is due, else the value of the payload. */
    static void check(String where, Expect e, Callable<Object> receive) {
        Object got;
        try {
            got = receive.call();
        } catch (MPIException ex) {
            rejected++;
            if (e.reject()) {
                return;
            }
            Object want = expected(e.payload());
            if (want instanceof MPIException) {
                return;
            }
            throw new AssertionError(where + ": rejected bytes that hold " + canonical(want), ex);
        } catch (Exception ex) {
            throw new AssertionError(where + ": threw " + ex, ex);
        } catch (Error ex) {
            throw new AssertionError(where + ": an Error escaped: " + ex, ex);
        }
        accepted++;
        if (e.reject()) {
            fail(where + ": accepted forged bytes as " + canonical(got));
        }
        Object want = expected(e.payload());
        if (want instanceof MPIException) {
            fail(where + ": gave " + canonical(got) + " where loads of the same payload throws " + want);
        }
        assertEquals(canonical(want), canonical(got), where);
    }

    static Object expected(byte[] payload) {
        try {
            return Pickle.get().loads(payload);
        } catch (MPIException e) {
            return e;
        }
    }

    /** A comparable description of a deserialized value (arrays by content, cycles and depth cut short). */
    static String canonical(Object o) {
        StringBuilder b = new StringBuilder();
        canonical(o, b, new IdentityHashMap<>(), 0);
        return b.toString();
    }

    private static void canonical(Object o, StringBuilder b, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (o == null) {
            b.append("null");
            return;
        }
        if (depth > 40 || seen.put(o, Boolean.TRUE) != null) {
            b.append("<").append(o.getClass().getName()).append(">");
            return;
        }
        b.append(o.getClass().getName()).append(':');
        if (o.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(o);
            b.append('[');
            for (int i = 0; i < n; i++) {
                canonical(java.lang.reflect.Array.get(o, i), b, seen, depth + 1);
                b.append(',');
            }
            b.append(']');
        } else if (o instanceof Map<?, ?> m) {
            b.append('{');
            for (Map.Entry<?, ?> en : m.entrySet()) {
                canonical(en.getKey(), b, seen, depth + 1);
                b.append('=');
                canonical(en.getValue(), b, seen, depth + 1);
                b.append(',');
            }
            b.append('}');
        } else if (o instanceof Collection<?> c) {
            b.append('[');
            for (Object x : c) {
                canonical(x, b, seen, depth + 1);
                b.append(',');
            }
            b.append(']');
        } else {
            String s;
            try {
                s = String.valueOf(o);
            } catch (RuntimeException ex) {
                s = "<toString threw " + ex.getClass().getName() + ">";
            }
            b.append(s);
        }
        seen.remove(o);
    }

    /** Small frames so continuation frames are cheap to forge; every rank alike. */
    static void withSmallFrames(int first, int chunk, Runnable body) {
        Pickle p = Pickle.get();
        int f = p.getFirstFrameBytes();
        int c = p.getChunkBytes();
        p.setFirstFrameBytes(first);
        p.setChunkBytes(chunk);
        try {
            body.run();
        } finally {
            p.setFirstFrameBytes(f);
            p.setChunkBytes(c);
        }
    }

    /** The point-to-point receive paths, each fed {@link #CASES} seeded cases by rank 0 (rank 1 receives). */
    @RankTest
    public static void seededPointToPointPaths() {
        String[] paths = {"recvObject", "recvObjectAnySource", "sendrecvObject", "irecvObject", "irecvObjectByteArray",
            "irecvObjectByteBuffer"};
        int first = 256;
        int chunk = 64;
        withSmallFrames(first, chunk, () -> {
            byte[] heap = new byte[first];
            ByteBuffer direct = ByteBuffer.allocateDirect(first);
            for (int pi = 0; pi < paths.length; pi++) {
                String path = paths[pi];
                boolean irecv = path.startsWith("irecv");
                Random r = new Random(SEED + pi);
                int counted = 0;
                for (int i = 0; i < CASES; i++) {
                    int tag = 1000 + i;
                    Case c = p2pCase(r, tag, first, chunk, irecv);
                    if (size() < 2) {
                        continue;
                    }
                    if (rank() == 0) {
                        if (path.equals("sendrecvObject")) {
                            assertEquals("ack-" + i, W.recvObject(1, tag));
                        }
                        for (byte[] m : c.messages()) {
                            W.send(m, 1, tag);
                        }
                    } else if (rank() == 1) {
                        String where = path + " case " + i + " (" + c.kind() + ")";
                        String ack = "ack-" + i;
                        switch (path) {
                            case "recvObject" -> check(where, c.expect(), () -> W.recvObject(0, tag));
                            case "recvObjectAnySource" -> check(where, c.expect(), () -> W.recvObject(MPI.ANY_SOURCE, MPI.ANY_TAG));
                            case "sendrecvObject" -> check(where, c.expect(), () -> W.sendrecvObject(ack, 0, tag, 0, tag));
                            case "irecvObject" -> check(where, c.expect(), () -> W.irecvObject(0, tag).waitObject());
                            case "irecvObjectByteArray" -> check(where, c.expect(), () -> W.irecvObject(heap, 0, tag).waitObject());
                            default -> check(where, c.expect(), () -> W.irecvObject(direct, 0, tag).waitObject());
                        }
                        counted++;
                    }
                    if (path.equals("recvObjectAnySource") || i % 200 == 199) {
                        W.barrier(); // ANY_TAG must not take the next case's frames
                    }
                }
                if (rank() == 1) {
                    assertEquals(CASES, counted, path);
                    assertBothOutcomes(path, CASES);
                }
                W.barrier();
            }
        });
        ringStillWorks(1990);
    }

    /** The collectives' receive paths (bcast, gather, allgather, scatter, alltoall, reduce) under a hostile rank 0. */
    @RankTest
    public static void seededCollectivePaths() {
        String[] paths = {"bcastObject", "gatherObject", "allgatherObject", "scatterObject", "alltoallObject", "reduceObject"};
        int first = 256;
        int chunk = 64;
        withSmallFrames(first, chunk, () -> {
            for (int pi = 0; pi < paths.length; pi++) {
                String path = paths[pi];
                Random r = new Random(SEED + 100 + pi);
                int n = size();
                for (int i = 0; i < CASES; i++) {
                    // the forged metadata and frame, alike on every rank
                    int kind = r.nextInt(4);
                    byte[] f;
                    int[] meta;
                    Expect e;
                    if (kind == 0) { // metadata no sender makes
                        int count = r.nextBoolean() ? 1 : r.nextInt(7) - 3;
                        int len0 = r.nextBoolean() ? r.nextInt() : r.nextInt(2 * first) - HEADER;
                        if (count >= 1 && len0 >= HEADER && len0 <= first) {
                            len0 = first + 1 + r.nextInt(1000);
                        }
                        meta = new int[] {count, len0};
                        f = null;
                        e = Expect.REJECT;
                    } else {
                        Case c = kind == 1 ? honestFramed(r, first) : p2pCase(r, 0, first, chunk, true);
                        f = c.messages().get(0);
                        if (f.length > first) {
                            f = Arrays.copyOf(f, first);
                        }
                        if (f.length < HEADER) {
                            f = Arrays.copyOf(f, HEADER); // a first frame is announced as at least the header
                        }
                        meta = new int[] {1, f.length};
                        boolean whole = c.messages().size() == 1 && !c.expect().reject();
                        e = whole ? c.expect() : Expect.REJECT;
                        if (c.messages().size() > 1) {
                            e = Expect.REJECT; // announced as one frame but claims continuation frames
                        }
                        if (!e.reject() && f.length != HEADER + e.payload().length) {
                            e = Expect.REJECT;
                        }
                    }
                    runCollectiveCase(path, i, n, meta, f, e);
                }
                if (rank() != 0) {
                    assertBothOutcomes(path, CASES);
                }
                W.barrier();
            }
        });
        ringStillWorks(2990);
    }

    /** Rank 0 replays the object collective's protocol with forged numbers and bytes; the others call the real one. */
    static void runCollectiveCase(String path, int i, int n, int[] meta, byte[] f, Expect e) {
        String where = path + " case " + i;
        Intracomm c = W;
        boolean metaOk = f != null;
        int me = rank();
        if (me == 0) {
            switch (path) {
                case "bcastObject" -> {
                    c.bcast(meta.clone(), 0);
                    if (metaOk) {
                        c.bcast(f, 0);
                    }
                }
                case "gatherObject", "reduceObject" -> {
                    int root = n - 1;
                    int[] all = new int[2 * n];
                    c.allgather(meta.clone(), all);
                    if (metaOk) {
                        c.gatherv(BufferSpec.slice(f, 0, f.length), null, root);
                    }
                }
                case "allgatherObject" -> {
                    int[] all = new int[2 * n];
                    c.allgather(meta.clone(), all);
                    if (metaOk) {
                        int[] lengths = new int[n];
                        for (int q = 0; q < n; q++) {
                            lengths[q] = all[2 * q + 1];
                        }
                        c.allgatherv(BufferSpec.slice(f, 0, f.length), VBuffer.of(new byte[Arrays.stream(lengths).sum()], lengths));
                    }
                }
                case "scatterObject" -> {
                    int[] all = new int[2 * n];
                    byte[] mine = Pickle.get().dumps("root");
                    byte[] own = frame(mine, 0);
                    all[0] = 1;
                    all[1] = own.length;
                    for (int q = 1; q < n; q++) {
                        all[2 * q] = meta[0];
                        all[2 * q + 1] = meta[1];
                    }
                    c.bcast(all, 0);
                    if (metaOk) {
                        int[] lengths = new int[n];
                        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
                        o.writeBytes(own);
                        lengths[0] = own.length;
                        for (int q = 1; q < n; q++) {
                            o.writeBytes(f);
                            lengths[q] = f.length;
                        }
                        c.scatterv(VBuffer.of(o.toByteArray(), lengths), new byte[own.length], 0);
                    }
                }
                default -> { // alltoallObject
                    int[] mine = new int[2 * n];
                    byte[] own = frame(Pickle.get().dumps("self"), 0);
                    mine[0] = 1;
                    mine[1] = own.length;
                    for (int q = 1; q < n; q++) {
                        mine[2 * q] = meta[0];
                        mine[2 * q + 1] = meta[1];
                    }
                    int[] theirs = new int[2 * n];
                    c.alltoall(mine, theirs);
                    int[] flag = {0};
                    c.allreduce(MPI.IN_PLACE, flag, Op.MAX);
                    if (flag[0] == 0) {
                        int[] sl = new int[n];
                        int[] rl = new int[n];
                        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
                        for (int q = 0; q < n; q++) {
                            byte[] b = q == 0 ? own : f;
                            o.writeBytes(b);
                            sl[q] = b.length;
                            rl[q] = theirs[2 * q + 1];
                        }
                        c.alltoallv(VBuffer.of(o.toByteArray(), sl), VBuffer.of(new byte[Arrays.stream(rl).sum()], rl));
                    }
                }
            }
            return;
        }
        switch (path) {
            case "bcastObject" -> check(where, e, () -> c.bcastObject(null, 0));
            case "gatherObject" -> {
                int root = n - 1;
                if (me == root) {
                    check(where, e, () -> {
                        List<Object> g = c.gatherObject("r" + me, root);
                        for (int q = 1; q < n; q++) {
                            assertEquals("r" + q, g.get(q), where);
                        }
                        return g.get(0);
                    });
                } else {
                    // other processes see only the announced sizes: they refuse bad ones, and return null otherwise
                    check(where, !metaOk ? e : new Expect(false, Pickle.get().dumps(null)), () -> c.gatherObject("r" + me, root));
                }
            }
            case "reduceObject" -> {
                int root = n - 1;
                // a Java function that keeps the forged element as it arrived: rank 0's value, combined with the others
                check(where, me == root || !metaOk ? e : new Expect(false, Pickle.get().dumps(null)),
                        () -> c.reduceObject("r" + me, (a, b) -> a, root));
            }
            case "allgatherObject" -> check(where, e, () -> {
                List<Object> g = c.allgatherObject("r" + me);
                for (int q = 1; q < n; q++) {
                    assertEquals("r" + q, g.get(q), where);
                }
                return g.get(0);
            });
            case "scatterObject" -> check(where, e, () -> c.scatterObject(null, 0));
            default -> check(where, e, () -> {
                List<Object> items = new ArrayList<>();
                for (int q = 0; q < n; q++) {
                    items.add(me + "->" + q);
                }
                List<Object> got = c.alltoallObject(items);
                for (int q = 1; q < n; q++) {
                    assertEquals(q + "->" + me, got.get(q), where);
                }
                return got.get(0);
            });
        }
    }

    /** The meta of a case no sender makes is refused on every rank before any further collective (no rank left behind). */
    @RankTest
    public static void aCommunicatorWorksAfterEveryRejection() {
        for (int k = 0; k < 3; k++) {
            ringStillWorks(3000 + 10 * k);
        }
        assertNull(W.recvObject(MPI.PROC_NULL, 0));
    }
}
