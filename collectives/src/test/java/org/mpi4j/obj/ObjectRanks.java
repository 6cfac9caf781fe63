package org.mpi4j.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mpi4j.AllowList;
import org.mpi4j.Intracomm;
import org.mpi4j.JdkSerializer;
import org.mpi4j.KryoSerializer;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.ObjectRequest;
import org.mpi4j.Op;
import org.mpi4j.Pickle;
import org.mpi4j.Request;
import org.mpi4j.Status;
import org.mpi4j.testing.RankTest;
import org.mpi4j.testing.Ring;

/** The object path across real ranks: point-to-point, collectives, chunked frames, allow-list and bad input. */
public final class ObjectRanks {
    private ObjectRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    /** A record the tests allow explicitly. */
    public record Point(int x, double y, String label) { }

    static {
        Pickle.get().allowList().allow(Point.class);
    }

    static Map<String, Object> sample(int r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 7 + r);
        m.put("b", 3.14);
        m.put("nested", List.of(List.of(1, 2), Map.of("k", new double[] {r, 0.5}), new TreeSet<>(List.of("x", "y"))));
        m.put("point", new Point(r, r / 2.0, "p" + r));
        m.put("none", null);
        m.put("big", new java.math.BigInteger("123456789012345678901234567890").add(java.math.BigInteger.valueOf(r)));
        return m;
    }

    static void assertSample(int r, Object got) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) got;
        Map<String, Object> e = sample(r);
        assertEquals(e.keySet(), m.keySet());
        assertEquals(e.get("a"), m.get("a"));
        assertEquals(e.get("b"), m.get("b"));
        assertEquals(e.get("point"), m.get("point"));
        assertEquals(e.get("big"), m.get("big"));
        assertNull(m.get("none"));
        List<?> nested = (List<?>) m.get("nested");
        assertEquals(List.of(1, 2), nested.get(0));
        assertTrue(Arrays.equals(new double[] {r, 0.5}, (double[]) ((Map<?, ?>) nested.get(1)).get("k")));
        assertEquals(new TreeSet<>(List.of("x", "y")), nested.get(2));
    }

    /**
     * sendObject to the next rank, then recvObject from {@code source}. Where a send to oneself waits for its receive
     * ({@link Ring#selfSendWaitsForReceive}: one process under MPICH) the send is started with isendObject and
     * completed after the blocking receive; the data checked is the same.
     */
    static Object sendThenRecv(Object o, int source, int tag) {
        if (Ring.selfSendWaitsForReceive()) {
            ObjectRequest s = W.isendObject(o, next(), tag);
            Object got = W.recvObject(source, tag);
            s.waitFor();
            return got;
        }
        W.sendObject(o, next(), tag);
        return W.recvObject(source, tag);
    }

    @RankTest
    public static void pointToPointBlockingAndNonblocking() {
        assertSample(prev(), sendThenRecv(sample(rank()), prev(), 1));
        assertNull(sendThenRecv(null, MPI.ANY_SOURCE, 2));
        ObjectRequest s = W.isendObject(sample(rank()), next(), 3);
        ObjectRequest r = W.irecvObject(prev(), 3);
        Request.waitAll(s, r);
        assertSample(prev(), r.getObject());
        assertSample(prev(), W.sendrecvObject(sample(rank()), next(), 4, prev(), 4));
        Status st = new Status();
        ObjectRequest sync = W.issendObject(new Point(rank(), 1, "s"), next(), 5);
        assertEquals(new Point(prev(), 1, "s"), W.recvObject(MPI.ANY_SOURCE, MPI.ANY_TAG, st));
        sync.waitFor();
        assertEquals(prev(), st.getSource());
        assertEquals(5, st.getTag());
        assertNull(W.recvObject(MPI.PROC_NULL, 0));
        ObjectRequest none = W.irecvObject(MPI.PROC_NULL, 0);
        assertNull(none.waitObject());
    }

    @RankTest
    public static void irecvIntoAReusableBuffer() {
        byte[] heap = new byte[Pickle.get().getFirstFrameBytes()];
        ByteBuffer direct = ByteBuffer.allocateDirect(Pickle.get().getFirstFrameBytes());
        for (int round = 0; round < 3; round++) {
            Object buf = round % 2 == 0 ? heap : direct;
            ObjectRequest r = W.irecvObject(buf, prev(), 10 + round);
            W.sendObject(List.of(rank(), round, "r" + round), next(), 10 + round);
            assertEquals(List.of(prev(), round, "r" + round), r.waitObject());
        }
        // an object larger than the first frame arrives in further frames that completion fetches
        double[] big = new double[100_000];
        Arrays.fill(big, rank());
        ObjectRequest r = W.irecvObject(heap, prev(), 20);
        ObjectRequest s = W.isendObject(big, next(), 20);
        double[] got = (double[]) r.waitObject();
        s.waitFor();
        assertEquals(100_000, got.length);
        assertEquals(prev(), got[99_999]);
    }

    @RankTest
    public static void collectivesOfObjects() {
        for (int root = 0; root < size(); root++) {
            Object b = W.bcastObject(rank() == root ? sample(root) : null, root);
            assertSample(root, b);
            List<Object> g = W.gatherObject(new Point(rank(), 0, "g"), root);
            if (rank() == root) {
                for (int r = 0; r < size(); r++) {
                    assertEquals(new Point(r, 0, "g"), g.get(r));
                }
            } else {
                assertNull(g);
            }
            List<Object> items = new ArrayList<>();
            for (int r = 0; r < size(); r++) {
                items.add((r + 1) * (r + 1));
            }
            assertEquals((rank() + 1) * (rank() + 1), W.scatterObject(rank() == root ? items : null, root));
            Object sum = W.reduceObject(rank() + 1, Op.SUM, root);
            if (rank() == root) {
                assertEquals(size() * (size() + 1) / 2, sum);
            }
        }
        List<Object> all = W.allgatherObject("r" + rank());
        List<Object> toEach = new ArrayList<>();
        for (int r = 0; r < size(); r++) {
            assertEquals("r" + r, all.get(r));
            toEach.add(rank() + "->" + r);
        }
        List<Object> fromEach = W.alltoallObject(toEach);
        for (int r = 0; r < size(); r++) {
            assertEquals(r + "->" + rank(), fromEach.get(r));
        }
        // a non-commutative Java function, applied in rank order
        StringBuilder expected = new StringBuilder();
        for (int r = 0; r < size(); r++) {
            expected.append(r);
        }
        assertEquals(expected.toString(), W.allreduceObject(String.valueOf(rank()), (x, y) -> "" + x + y));
        assertEquals(expected.substring(0, rank() + 1), W.scanObject(String.valueOf(rank()), (x, y) -> "" + x + y));
        Object ex = W.exscanObject(String.valueOf(rank()), (x, y) -> "" + x + y);
        if (rank() == 0) {
            assertNull(ex);
        } else {
            assertEquals(expected.substring(0, rank()), ex);
        }
        assertEquals(1.5 * size(), W.allreduceObject(1.5, Op.SUM));
        assertEquals((long) size() - 1, W.allreduceObject((long) rank(), Op.MAX));
        assertEquals(Boolean.TRUE, W.allreduceObject(true, Op.LAND));
        Object loc = W.allreduceObject(new AbstractMap.SimpleImmutableEntry<>(rank() % 2 == 0 ? 5.0 : 1.0, rank()), Op.MAXLOC);
        assertEquals(new AbstractMap.SimpleImmutableEntry<>(5.0, 0), loc);
    }

    @RankTest
    public static void tinyFramesForceTheChunkedPathEverywhere() {
        Pickle p = Pickle.get();
        int chunk = p.getChunkBytes();
        int first = p.getFirstFrameBytes();
        p.setChunkBytes(100);
        p.setFirstFrameBytes(64);
        try {
            List<Double> list = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                list.add(rank() * 10_000 + i + 0.5);
            }
            List<?> got = (List<?>) sendThenRecv(list, prev(), 1);
            assertEquals(5000, got.size());
            assertEquals(prev() * 10_000 + 4999.5, got.get(4999));
            ObjectRequest r = W.irecvObject(prev(), 2);
            ObjectRequest s = W.isendObject(list, next(), 2);
            Request.waitAll(r, s);
            assertEquals(prev() * 10_000 + 0.5, ((List<?>) r.getObject()).get(0));
            Object b = W.bcastObject(rank() == 0 ? list : null, 0);
            assertEquals(0 * 10_000 + 17.5, ((List<?>) b).get(17));
            List<Object> g = W.gatherObject(list, size() - 1);
            if (rank() == size() - 1) {
                for (int q = 0; q < size(); q++) {
                    assertEquals(q * 10_000 + 4999.5, ((List<?>) g.get(q)).get(4999));
                }
            }
            List<Object> parts = new ArrayList<>();
            for (int q = 0; q < size(); q++) {
                parts.add(Collections2.range(q, 300));
            }
            assertEquals(Collections2.range(rank(), 300), W.scatterObject(rank() == 0 ? parts : null, 0));
            List<Object> ag = W.allgatherObject(Collections2.range(rank(), 200));
            List<Object> aa = W.alltoallObject(parts);
            for (int q = 0; q < size(); q++) {
                assertEquals(Collections2.range(q, 200), ag.get(q));
                assertEquals(Collections2.range(rank(), 300), aa.get(q));
            }
        } finally {
            p.setChunkBytes(chunk);
            p.setFirstFrameBytes(first);
        }
    }

    /** Small helper lists. */
    static final class Collections2 {
        static List<Integer> range(int from, int n) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                l.add(from + i);
            }
            return l;
        }
    }

    @RankTest
    public static void classesOutsideTheAllowListAreRejectedBeforeTheyAreCreated() {
        // bytes made by a permissive peer, read through the default allow-list: refused, the class never initialised
        AllowList everything = AllowList.defaults().allowPackage("org.mpi4j.obj.");
        byte[] hostile = serialize(new KryoSerializer(everything), new HashMap<>(Map.of("x", new Unlisted())));
        KryoSerializer strict = new KryoSerializer(AllowList.defaults());
        MPIException e = assertThrows(MPIException.class, () -> strict.deserialize(new java.io.ByteArrayInputStream(hostile)));
        assertTrue(e.getMessage().contains("org.mpi4j.obj.Unlisted is not in the object path's allow-list"), e.getMessage());
        JdkSerializer jdkStrict = new JdkSerializer(AllowList.defaults());
        byte[] jdkHostile = serialize(new JdkSerializer(everything), new Unlisted());
        e = assertThrows(MPIException.class, () -> jdkStrict.deserialize(new java.io.ByteArrayInputStream(jdkHostile)));
        assertTrue(e.getMessage().contains("not in the object path's allow-list"), e.getMessage());
        // across ranks: the sender's serializer allows Secret, the receiver's does not
        if (size() > 1) {
            if (rank() == 0) {
                // rank 0 sends with a permissive serializer; the others never touch the class
                Pickle p = Pickle.get();
                org.mpi4j.Serializer saved = p.getSerializer();
                p.setSerializer(new KryoSerializer(everything));
                try {
                    W.sendObject(new Secret(), 1, 30);
                } finally {
                    p.setSerializer(saved);
                }
            } else if (rank() == 1) {
                e = assertThrows(MPIException.class, () -> W.recvObject(0, 30));
                assertTrue(e.getMessage().contains("org.mpi4j.obj.Secret is not in the object path's allow-list"), e.getMessage());
                assertNull(System.getProperty("mpi4j.test.secretInitialised"), "Secret was initialised on the receiver");
            }
        }
        // objects that cannot be serialized are refused on the sender, and the communicator still works
        e = assertThrows(MPIException.class, () -> W.sendObject(new Thread(), next(), 31));
        assertTrue(e.getMessage().contains("cannot serialize java.lang.Thread"), e.getMessage());
        assertEquals("still fine", sendThenRecv("still fine", prev(), 32));
        if (rank() == 0) {
            // the root checks the list before any communication, so only it calls
            e = assertThrows(MPIException.class, () -> W.scatterObject(Collections2.range(0, size() + 1), 0));
            assertTrue(e.getMessage().contains("list of " + size() + " objects"), e.getMessage());
        }
    }

    static byte[] serialize(org.mpi4j.Serializer s, Object o) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            s.serialize(o, out);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    @RankTest
    public static void jdkSerializerIsPluggable() {
        Pickle p = Pickle.get();
        org.mpi4j.Serializer saved = p.getSerializer();
        p.setSerializer(new JdkSerializer(p.allowList()));
        try {
            assertEquals(List.of(1, "two", 3.0), sendThenRecv(new ArrayList<>(List.of(1, "two", 3.0)), prev(), 40));
            assertEquals(List.of(0, "two"), W.bcastObject(rank() == 0 ? new ArrayList<>(List.of(0, "two")) : null, 0));
        } finally {
            p.setSerializer(saved);
        }
        byte[] d = p.dumps(Map.of("k", 1));
        assertEquals(Map.of("k", 1), p.loads(d));
    }
}
