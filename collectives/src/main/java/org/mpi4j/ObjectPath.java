package org.mpi4j;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.VBuffer;

/**
 * The object path behind {@link Comm}'s {@code *Object} methods (mpi4py's msgpickle): objects serialized by
 * {@link Pickle} travel as frames (see {@link Pickle} for the wire format). Collectives exchange frame sizes first,
 * then move everything in one v-collective when it fits MPI's int counts, or frame by frame otherwise (point-to-point
 * on a private duplicate of the communicator, so user messages are never matched).
 */
final class ObjectPath {
    private static final ThreadLocal<Status> STATUS = ThreadLocal.withInitial(Status::new);

    private ObjectPath() { }

    // ------------------------------------------------------------------ point-to-point

    static void send(Comm c, Object obj, int dest, int tag, boolean sync) {
        sendFrames(c, Pickle.get().dump(obj, true), dest, tag, sync);
    }

    private static void sendFrames(Comm c, Pickle.Frames f, int dest, int tag, boolean sync) {
        f.address(c.getRank(), tag);
        for (int i = 0; i < f.count; i++) {
            BufferSpec b = BufferSpec.slice(f.blocks[i], 0, f.lengths[i]);
            if (sync && i == 0) {
                c.ssend(b, dest, tag);
            } else {
                c.send(b, dest, tag);
            }
        }
    }

    static Object recv(Comm c, int source, int tag, Status status) {
        Status st = status != null ? status : STATUS.get();
        // a first frame is never longer than the first-frame size (set alike on every rank), so one plain receive
        // into this thread's array of that size takes it: no matched probe, no array per message. The array is free
        // again once the object is read: deserializers copy what they keep.
        byte[] b0 = firstFrame();
        c.recv(b0, source, tag, st);
        if (st.getSource() == MPI.PROC_NULL) {
            return null;
        }
        return finishReceive(c, b0, st.getCount(Datatype.BYTE), st.getSource(), st.getTag());
    }

    private static final ThreadLocal<byte[]> FIRST_FRAME = new ThreadLocal<>();

    /** This thread's receive array for first frames, as long as the current first-frame size. */
    private static byte[] firstFrame() {
        int n = Pickle.get().getFirstFrameBytes();
        byte[] b = FIRST_FRAME.get();
        if (b == null || b.length != n) {
            b = new byte[n];
            FIRST_FRAME.set(b);
        }
        return b;
    }

    /**
     * Given the first frame ({@code len0} bytes that arrived from {@code source} with {@code tag}; either may be
     * ANY_SOURCE/ANY_TAG when the receive could not report them), checks it, receives the remaining frames from that
     * peer and deserializes. Every length is checked against what arrived before anything of that size is allocated.
     */
    static Object finishReceive(Comm c, byte[] b0, int len0, int source, int tag) {
        Pickle p = Pickle.get();
        Pickle.Frames f = Pickle.Frames.received(b0, len0, p.getFirstFrameBytes());
        if (f.missing() > 0) {
            int src = f.source();
            int t = f.tag();
            if (src < 0 || t < 0 || (source >= 0 && src != source) || (tag >= 0 && t != tag)) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "object frame names sender " + src + " and tag " + t
                        + " for its further frames, but it came from " + source + " with tag " + tag + ": a forged message");
            }
            Status st = STATUS.get();
            int chunk = p.getChunkBytes();
            while (f.missing() > 0) {
                Message m = c.mprobe(src, t, st);
                int n = st.getCount(Datatype.BYTE);
                if (n <= 0 || n > chunk || n > f.missing()) {
                    discard(m);
                    f.addChecked(null, n, chunk); // throws: the frame does not fit what is missing
                }
                byte[] b = new byte[n];
                m.recv(b, st);
                f.addChecked(b, n, chunk);
            }
        }
        return p.load(f);
    }

    /** Takes a matched message that will not be used off the queue without allocating its size. */
    private static void discard(Message m) {
        try {
            m.recv(new byte[0]);
        } catch (MPIException e) {
            // MPI reports the truncation of a non-empty message; it is consumed all the same
        }
    }

    static ObjectRequest isend(Comm c, Object obj, int dest, int tag, boolean sync) {
        Pickle.Frames f = Pickle.get().dump(obj, false);
        f.address(c.getRank(), tag);
        ObjectRequest q = new ObjectRequest(c, false, null);
        c.post(BufferSpec.slice(f.blocks[0], 0, f.lengths[0]), dest, tag, false,
                sync ? org.mpi4j.jni.LibMpi::MPI_Issend : org.mpi4j.jni.LibMpi::MPI_Isend, q);
        if (f.count > 1) {
            Request[] rest = new Request[f.count - 1];
            for (int i = 1; i < f.count; i++) {
                rest[i - 1] = c.isend(BufferSpec.slice(f.blocks[i], 0, f.lengths[i]), dest, tag);
            }
            q.setRest(rest);
        }
        return q;
    }

    static ObjectRequest irecv(Comm c, Object buf, int source, int tag) {
        Object b = buf != null ? buf : ByteBuffer.allocateDirect(Pickle.get().getFirstFrameBytes());
        if (!(b instanceof byte[]) && !(b instanceof ByteBuffer)) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "an object receive buffer must be a byte[] or a ByteBuffer, not "
                    + b.getClass().getName());
        }
        ObjectRequest q = new ObjectRequest(c, true, b);
        q.expect(source, tag);
        if (source == MPI.PROC_NULL) {
            q.fromProcNull();
        }
        // completion cannot see MPI's count (wait/test may ignore the status), so the header is wiped first: a message
        // shorter than the header can never pass for a frame with what an earlier message left in the buffer
        ObjectRequest.clear(b, Pickle.HEADER);
        c.post(b, source, tag, true, org.mpi4j.jni.LibMpi::MPI_Irecv, q);
        return q;
    }

    static Object sendrecv(Comm c, Object obj, int dest, int sendtag, int source, int recvtag, Status status) {
        ObjectRequest s = dest == MPI.PROC_NULL ? null : isend(c, obj, dest, sendtag, false);
        Object got = recv(c, source, recvtag, status);
        if (s != null) {
            s.waitFor();
        }
        return got;
    }

    // ------------------------------------------------------------------ collectives

    /** A private duplicate for frame-by-frame fallbacks, made collectively the first time one is needed. */
    private static Comm shadow(Comm c) {
        Comm s = c.pickleShadow;
        if (s == null) {
            s = c.dup();
            c.pickleShadow = s;
        }
        return s;
    }

    static Object bcast(Comm c, Object obj, int root) {
        boolean isRoot = c.getRank() == root;
        Pickle.Frames f = isRoot ? Pickle.get().dump(obj, true) : null;
        int[] meta = new int[2];
        if (isRoot) {
            meta[0] = f.count;
            meta[1] = f.lengths[0];
        }
        c.bcast(meta, root);
        Pickle p = Pickle.get();
        if (!isRoot) {
            String bad = checkMeta(meta, 1, p.getFirstFrameBytes());
            if (bad != null) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "bcastObject: the root announced " + bad);
            }
        }
        byte[] b0 = isRoot ? f.blocks[0] : new byte[meta[1]];
        c.bcast(BufferSpec.slice(b0, 0, meta[1]), root);
        if (isRoot) {
            if (f.count > 1) {
                c.bcast(Arrays.copyOf(f.lengths, f.count), root);
                for (int i = 1; i < f.count; i++) {
                    c.bcast(BufferSpec.slice(f.blocks[i], 0, f.lengths[i]), root);
                }
            }
            return obj;
        }
        Pickle.Frames g = Pickle.Frames.received(b0, meta[1], p.getFirstFrameBytes());
        int chunk = p.getChunkBytes();
        long frames = 1 + (g.missing() + chunk - 1) / chunk;
        if (frames != meta[0]) {
            throw new MPIException(ErrorClasses.ERR_TRUNCATE, "bcastObject: the root announced " + meta[0] + " frames, but a"
                    + " payload of " + g.payload + " bytes in a first frame of " + meta[1] + " bytes and chunks of " + chunk
                    + " bytes makes " + frames + ": a forged or corrupt message, or chunk sizes that differ between ranks");
        }
        if (meta[0] > 1) {
            int[] lengths = new int[meta[0]];
            c.bcast(lengths, root);
            if (lengths[0] != meta[1]) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "bcastObject: the root announced a first frame of "
                        + meta[1] + " bytes, then of " + lengths[0]);
            }
            long missing = g.missing();
            for (int i = 1; i < meta[0]; i++) { // before allocating any of them
                Pickle.Frames.checkFrame(lengths[i], missing, chunk);
                missing -= lengths[i];
            }
            for (int i = 1; i < meta[0]; i++) {
                byte[] b = new byte[lengths[i]];
                c.bcast(b, root);
                g.add(b, lengths[i]);
            }
        }
        return p.load(g);
    }

    /**
     * Checks the (frame count, first frame length) pairs of {@code n} processes against what a sender makes: at least
     * one frame, a first frame between the header and the first-frame size, and only a full first frame followed by
     * more. Returns what is wrong, or null. Every process checks the same numbers, so all of them reject alike.
     */
    static String checkMeta(int[] meta, int n, int firstBytes) {
        for (int i = 0; i < n; i++) {
            int count = meta[2 * i];
            int len0 = meta[2 * i + 1];
            if (count < 1 || len0 < Pickle.HEADER || len0 > firstBytes || (count > 1 && len0 != firstBytes)) {
                return (n > 1 ? "for process " + i + " " : "") + count + " frames with a first frame of " + len0
                        + " bytes, but an object is at least one frame whose first is " + Pickle.HEADER + " to " + firstBytes
                        + " bytes (the first-frame size), and only a full first frame is followed by more: a forged or corrupt"
                        + " message, or first-frame sizes that differ between ranks";
            }
        }
        return null;
    }

    private static void checkMeta(String op, int[] meta, int n) {
        String bad = checkMeta(meta, n, Pickle.get().getFirstFrameBytes());
        if (bad != null) {
            throw new MPIException(ErrorClasses.ERR_TRUNCATE, op + ": the frame sizes exchanged announce " + bad);
        }
    }

    /** True when every process's object is one frame and their sum fits an int displacement. */
    private static boolean singleFrames(int[] meta, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (meta[2 * i] != 1) {
                return false;
            }
            sum += meta[2 * i + 1];
        }
        return sum <= Integer.MAX_VALUE - 8;
    }

    private static int[] lengthsOf(int[] meta, int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = meta[2 * i + 1];
        }
        return l;
    }

    private static List<Object> split(byte[] all, int[] lengths) {
        List<Object> out = new ArrayList<>(lengths.length);
        int at = 0;
        for (int len : lengths) {
            byte[] b = Arrays.copyOfRange(all, at, at + len);
            out.add(Pickle.get().load(Pickle.Frames.receivedWhole(b, len)));
            at += len;
        }
        return out;
    }

    static List<Object> gather(Comm c, Object obj, int root) {
        int n = c.getSize();
        boolean isRoot = c.getRank() == root;
        Pickle.Frames f = Pickle.get().dump(obj, true);
        int[] meta = new int[2 * n];
        c.allgather(new int[] {f.count, f.lengths[0]}, meta);
        checkMeta("gatherObject", meta, n);
        if (singleFrames(meta, n)) {
            int[] lengths = lengthsOf(meta, n);
            byte[] all = isRoot ? new byte[Arrays.stream(lengths).sum()] : null;
            c.gatherv(BufferSpec.slice(f.blocks[0], 0, f.lengths[0]), isRoot ? VBuffer.of(all, lengths) : null, root);
            if (!isRoot) {
                return null;
            }
            List<Object> out = split(all, lengths);
            out.set(root, obj);
            return out;
        }
        Comm s = shadow(c);
        if (!isRoot) {
            send(s, obj, root, 0, false);
            return null;
        }
        List<Object> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            out.add(r == root ? obj : recv(s, r, 0, null));
        }
        return out;
    }

    static Object scatter(Comm c, List<?> objs, int root) {
        int n = c.getSize();
        boolean isRoot = c.getRank() == root;
        Pickle.Frames[] fs = null;
        int[] meta = new int[2 * n];
        if (isRoot) {
            if (objs == null || objs.size() != n) {
                throw new MPIException(ErrorClasses.ERR_ARG, "scatterObject at the root needs a list of " + n + " objects, got "
                        + (objs == null ? "null" : objs.size()));
            }
            fs = new Pickle.Frames[n];
            for (int r = 0; r < n; r++) {
                fs[r] = Pickle.get().dump(objs.get(r), false);
                meta[2 * r] = fs[r].count;
                meta[2 * r + 1] = fs[r].lengths[0];
            }
        }
        c.bcast(meta, root);
        checkMeta("scatterObject", meta, n);
        int me = c.getRank();
        if (singleFrames(meta, n)) {
            int[] lengths = lengthsOf(meta, n);
            byte[] all = null;
            if (isRoot) {
                all = new byte[Arrays.stream(lengths).sum()];
                int at = 0;
                for (int r = 0; r < n; r++) {
                    System.arraycopy(fs[r].blocks[0], 0, all, at, lengths[r]);
                    at += lengths[r];
                }
            }
            byte[] mine = new byte[lengths[me]];
            c.scatterv(isRoot ? VBuffer.of(all, lengths) : null, mine, root);
            return Pickle.get().load(Pickle.Frames.receivedWhole(mine, lengths[me]));
        }
        Comm s = shadow(c);
        if (isRoot) {
            for (int r = 0; r < n; r++) {
                if (r != root) {
                    sendFrames(s, fs[r], r, 0, false);
                }
            }
            return objs.get(root);
        }
        return recv(s, root, 0, null);
    }

    static List<Object> allgather(Comm c, Object obj) {
        int n = c.getSize();
        Pickle.Frames f = Pickle.get().dump(obj, true);
        int[] meta = new int[2 * n];
        c.allgather(new int[] {f.count, f.lengths[0]}, meta);
        checkMeta("allgatherObject", meta, n);
        if (singleFrames(meta, n)) {
            int[] lengths = lengthsOf(meta, n);
            byte[] all = new byte[Arrays.stream(lengths).sum()];
            c.allgatherv(BufferSpec.slice(f.blocks[0], 0, f.lengths[0]), VBuffer.of(all, lengths));
            return split(all, lengths);
        }
        List<Object> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            out.add(bcast(c, r == c.getRank() ? obj : null, r));
        }
        return out;
    }

    static List<Object> alltoall(Comm c, List<?> objs) {
        int n = c.getSize();
        if (objs == null || objs.size() != n) {
            throw new MPIException(ErrorClasses.ERR_ARG, "alltoallObject needs a list of " + n + " objects, got "
                    + (objs == null ? "null" : objs.size()));
        }
        Pickle.Frames[] fs = new Pickle.Frames[n];
        int[] mine = new int[2 * n];
        for (int r = 0; r < n; r++) {
            fs[r] = Pickle.get().dump(objs.get(r), false);
            mine[2 * r] = fs[r].count;
            mine[2 * r + 1] = fs[r].lengths[0];
        }
        int[] theirs = new int[2 * n];
        c.alltoall(mine, theirs);
        String bad = checkMeta(theirs, n, Pickle.get().getFirstFrameBytes());
        // 2 on any process rejects on every process, so none is left in a collective the others skip
        int[] multi = {bad != null ? 2 : singleFrames(mine, n) && singleFrames(theirs, n) ? 0 : 1};
        c.allreduce(MPI.IN_PLACE, multi, Op.MAX);
        if (multi[0] == 2) {
            throw new MPIException(ErrorClasses.ERR_TRUNCATE, "alltoallObject: the frame sizes exchanged announce "
                    + (bad != null ? bad : "a forged or corrupt size on another process"));
        }
        if (multi[0] == 0) {
            int[] sl = lengthsOf(mine, n);
            int[] rl = lengthsOf(theirs, n);
            byte[] sall = new byte[Arrays.stream(sl).sum()];
            int at = 0;
            for (int r = 0; r < n; r++) {
                System.arraycopy(fs[r].blocks[0], 0, sall, at, sl[r]);
                at += sl[r];
            }
            byte[] rall = new byte[Arrays.stream(rl).sum()];
            c.alltoallv(VBuffer.of(sall, sl), VBuffer.of(rall, rl));
            return split(rall, rl);
        }
        Comm s = shadow(c);
        List<Request> sends = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (r != c.getRank()) {
                sends.add(isend(s, objs.get(r), r, 0, false));
            }
        }
        List<Object> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            out.add(r == c.getRank() ? objs.get(r) : recv(s, r, 0, null));
        }
        Request.waitAll(sends.toArray(new Request[0]));
        return out;
    }

    static Object fold(List<Object> values, int upTo, BinaryOperator<Object> op) {
        Object acc = values.get(0);
        for (int i = 1; i < upTo; i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }

    static Object reduce(Comm c, Object obj, BinaryOperator<Object> op, int root) {
        List<Object> all = gather(c, obj, root);
        return all == null ? null : fold(all, all.size(), op);
    }

    static Object allreduce(Comm c, Object obj, BinaryOperator<Object> op) {
        List<Object> all = allgather(c, obj);
        return fold(all, all.size(), op);
    }

    static Object scan(Comm c, Object obj, BinaryOperator<Object> op, boolean exclusive) {
        List<Object> all = allgather(c, obj);
        int upTo = exclusive ? c.getRank() : c.getRank() + 1;
        return upTo == 0 ? null : fold(all, upTo, op);
    }

    /** {@code o} as a {@code type}: the typed object receives; another class is MPI_ERR_TYPE naming both. */
    static <T> T as(Class<T> type, Object o) {
        // collectives check after the collective, so every rank has taken part before a null type fails on one
        Args.notNull(type, "type");
        if (o == null || type.isInstance(o)) {
            return type.cast(o);
        }
        throw new MPIException(ErrorClasses.ERR_TYPE, "received a " + o.getClass().getName() + ", expected a " + type.getName());
    }
}
