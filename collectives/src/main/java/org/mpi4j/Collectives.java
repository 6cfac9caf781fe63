package org.mpi4j;

import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.buffers.TypeDescriptor;
import org.mpi4j.jni.LibMpi;

/**
 * The implementation of buffer collectives behind {@link Comm} (mpi4py's collective message class): which buffers
 * are significant at which rank (intra- and intercommunicator forms), block counts, IN_PLACE, count and datatype
 * agreement for reductions, and the blocking (buffers pinned for the call) versus nonblocking (memory bound to a
 * {@link Request}, heap arrays staged) paths. Every buffer still goes through {@link Buffers#resolve}.
 */
final class Collectives {
    /** Scratch offset of the request handle a nonblocking call writes. */
    private static final int REQ_AT = 0;
    /** Scratch offset where count, displacement and type arrays of blocking v/w calls start. */
    private static final int ARRAYS_AT = 64;

    private Collectives() { }

    // ------------------------------------------------------------------ roles and resolution

    /** Number of blocks a per-process buffer holds: the group size, or the remote group's for intercommunicators. */
    private static int peers(Comm c) {
        return c.isInter() ? c.getRemoteSize() : c.getSize();
    }

    /** Blocks of a receive buffer: one per process, or per in-neighbour for a neighbourhood collective. */
    private static int inBlocks(Comm c, boolean nbr) {
        return nbr ? ((Topocomm) c).getIndegree() : peers(c);
    }

    /** Blocks of an all-to-all send buffer: one per process, or per out-neighbour for a neighbourhood collective. */
    private static int outBlocks(Comm c, boolean nbr) {
        return nbr ? ((Topocomm) c).getOutdegree() : peers(c);
    }

    /** Neighbourhood collectives take no MPI_IN_PLACE; the others none on an intercommunicator. */
    private static void inPlaceRule(MessageBuffer m, Comm c, boolean nbr) {
        if (nbr) {
            noInPlace(m, "in a neighbourhood collective");
        } else {
            noInPlaceOnInter(m, c);
        }
    }

    private static void checkRoot(Comm c, int root) {
        if (c.isInter()) {
            if (root != MPI.ROOT && root != MPI.PROC_NULL && (root < 0 || root >= c.getRemoteSize())) {
                throw new MPIException(ErrorClasses.ERR_ROOT, "root " + root + " is not MPI.ROOT, MPI.PROC_NULL or a rank"
                        + " of the remote group of " + c.getRemoteSize() + " processes");
            }
        } else if (root < 0 || root >= c.getSize()) {
            throw new MPIException(ErrorClasses.ERR_ROOT, "root " + root + " is out of range for a communicator of "
                    + c.getSize() + " processes");
        }
    }

    /** What this process does in a rooted collective: 1 root (receives/sends for all), 0 leaf, -1 nothing. */
    private static int role(Comm c, int root) {
        checkRoot(c, root);
        if (c.isInter()) {
            return root == MPI.ROOT ? 1 : root == MPI.PROC_NULL ? -1 : 0;
        }
        return root == c.getRank() ? 1 : 0;
    }

    private static MessageBuffer send(Object arg, int blocks) {
        return Buffers.resolve(arg, Buffers.slot0(), false, blocks);
    }

    private static MessageBuffer recv(Object arg, int blocks) {
        return Buffers.resolve(arg, Buffers.slot1(), true, blocks);
    }

    private static MessageBuffer none(boolean sendSide) {
        return (sendSide ? Buffers.slot0() : Buffers.slot1()).clear();
    }

    private static void noInPlace(MessageBuffer m, String what) {
        if (m.isInPlace()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "MPI.IN_PLACE is not allowed " + what);
        }
    }

    /** Rooted collectives: MPI_IN_PLACE only at the root of an intracommunicator. */
    private static void inPlaceAtRootOnly(MessageBuffer m, Comm c, int role, String op) {
        if (m.isInPlace() && (role != 1 || c.isInter())) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "MPI.IN_PLACE is only allowed at the root of an intracommunicator " + op);
        }
    }

    /** Unrooted collectives: MPI_IN_PLACE has no meaning on an intercommunicator. */
    private static void noInPlaceOnInter(MessageBuffer m, Comm c) {
        if (m.isInPlace() && c.isInter()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "MPI.IN_PLACE is not allowed on an intercommunicator");
        }
    }

    /** A v-variant message from a VBuffer, or from a plain buffer split into equal blocks. */
    private static MessageBuffer vmessage(Object arg, int blocks, boolean receiving) {
        MessageBuffer m = Buffers.resolve(arg, receiving ? Buffers.slot1() : Buffers.slot0(), receiving, blocks);
        if (m.counts() == null && !m.isInPlace() && arg != null) {
            if (arg instanceof org.mpi4j.buffers.BufferSpec b && b.offset() != 0) {
                throw new MPIException(ErrorClasses.ERR_ARG, "a v-variant buffer with an offset needs a VBuffer with displacements");
            }
            int[] counts = new int[blocks];
            java.util.Arrays.fill(counts, m.count());
            Buffers.resolve(org.mpi4j.buffers.VBuffer.of(bufferOf(arg), counts, null, m.type()), m, receiving, blocks);
        }
        return m;
    }

    private static Object bufferOf(Object arg) {
        return arg instanceof org.mpi4j.buffers.BufferSpec b ? b.buffer() : arg;
    }

    /** Reductions: counts and datatypes of the two sides must agree; IN_PLACE takes them from the other side. */
    private static MessageBuffer reduceShape(MessageBuffer s, MessageBuffer r) {
        if (s.isInPlace()) {
            return r;
        }
        if (s.datatype() != r.datatype()) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "mismatch in send and receive MPI datatypes (a reduction uses one"
                    + " count and datatype for both sides; a strided view only pairs with a view of the same layout)");
        }
        if (s.count() != r.count()) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "mismatch in send count " + s.count() + " and receive count "
                    + r.count());
        }
        return s;
    }

    // ------------------------------------------------------------------ blocking vs nonblocking plumbing

    /**
     * Returns the request that owns the call's memory: always for nonblocking calls (every buffer relocated to its
     * native address), and for blocking reductions with a Java op over heap arrays (staged: no Java code may run
     * while an array is pinned). Null for the plain blocking path, where buffers are pinned for the call.
     */
    private static Request prepare(boolean nonblocking, Op op, MessageBuffer s, MessageBuffer r) {
        return prepare(nonblocking, op, s, r, false);
    }

    /**
     * As above; {@code recvIsInput} when MPI reads the receive buffer or may leave parts of it unwritten (local
     * reduction, exscan's rank 0, neighbours that are MPI_PROC_NULL): a staged array is then copied in first, so
     * that landing gives back what MPI did not write. MPI_IN_PLACE on the send side implies it.
     */
    private static Request prepare(boolean nonblocking, Op op, MessageBuffer s, MessageBuffer r, boolean recvIsInput) {
        if (op != null && !op.isUserDefined() && (s.isStrided() || r.isStrided())) {
            throw new MPIException(ErrorClasses.ERR_OP, "a predefined reduction op needs contiguous row-major buffers: an"
                    + " F-order INDArray or a strided view goes through a derived datatype (its elements in row-major order),"
                    + " which Open MPI 4.1 refuses for predefined ops; reduce a C-order copy instead (dup('c'))");
        }
        boolean stage = op != null && Op.needsStaging(op, s, r);
        if (!nonblocking && !stage) {
            // blocking: heap arrays go through this thread's staging areas (see Staging), landed by finish()
            Staging.send(s);
            Staging.recv(r, recvIsInput || s.isInPlace());
            return null;
        }
        Request q = new Request();
        q.userOp = op != null && op.isUserDefined();
        try {
            if (nonblocking || s.isHeap()) {
                s.relocate(q.bind(s, false));
            }
            if (nonblocking || r.isHeap()) {
                r.relocate(q.bind(r, true));
            }
        } catch (RuntimeException e) {
            q.release();   // a buffer refused (e.g. Arrow memory already released): give back what the other took
            throw e;
        }
        return q;
    }

    private static long reqAddress() {
        return NativeScratch.get().address(REQ_AT);
    }

    /** Ends a call: a nonblocking one returns its request, a blocking one lands staged memory and checks rc. */
    private static Request finish(int rc, Request q, boolean nonblocking, Op op) {
        if (nonblocking) {
            if (rc != 0) {
                q.release();
                throw MPIException.fromCode(rc);
            }
            q.handle = NativeScratch.get().getHandle(REQ_AT);
            return q;
        }
        if (q != null) {
            q.completed();
        } else {
            Staging.landed(rc, 0);
            if (op != null && op.isUserDefined()) {
                Op.rethrowPending();
            }
        }
        MPIException.check(rc);
        return null;
    }

    /** Native int array for a call: scratch for blocking calls, request-owned memory for nonblocking ones. */
    private static long ints(Request q, int[] values, int n, int slot) {
        return ints(q, values, n, slot, n);
    }

    /** As above, laid out in scratch for arrays of up to {@code width} entries (in- and out-degrees differ). */
    private static long ints(Request q, int[] values, int n, int slot, int width) {
        if (values == null) {
            return 0;
        }
        if (q != null) {
            return q.ints(values, n);
        }
        int at = ARRAYS_AT + slot * 4 * width;
        NativeScratch s = scratchFor(width);
        for (int i = 0; i < n; i++) {
            s.putInt(at + 4 * i, values[i]);
        }
        return s.address(at);
    }

    /** Scratch with room for every array of a call on n processes, sized once so no address moves mid-call. */
    private static NativeScratch scratchFor(int n) {
        return NativeScratch.get().ensure(ARRAYS_AT + 32 * n + 2 * NativeScratch.HANDLE_SIZE * n);
    }

    /** Native MPI_Aint array (neighbor_alltoallw's byte displacements), after the int and handle arrays. */
    private static long aints(Request q, int[] values, int n, int slot, int width) {
        if (q != null) {
            return q.aints(values, n);
        }
        int at = ARRAYS_AT + 16 * width + 2 * NativeScratch.HANDLE_SIZE * width + slot * 8 * width;
        NativeScratch s = scratchFor(width);
        for (int i = 0; i < n; i++) {
            s.putLong(at + 8 * i, values[i]);
        }
        return s.address(at);
    }

    /** Native MPI_Datatype array for an alltoallw call. */
    private static long handles(Request q, TypeDescriptor[] types, int n, int slot, int width) {
        if (q != null) {
            return q.handles(types, n);
        }
        int h = NativeScratch.HANDLE_SIZE;
        int at = ARRAYS_AT + 16 * width + slot * h * width;
        NativeScratch s = scratchFor(width);
        for (int i = 0; i < n; i++) {
            s.putHandle(at + h * i, types[i].handle());
        }
        return s.address(at);
    }

    // ------------------------------------------------------------------ the operations

    static Request barrier(Comm c, boolean nb) {
        long h = c.handle();
        if (!nb) {
            MPIException.check(LibMpi.MPI_Barrier(h));
            return null;
        }
        Request q = new Request();
        return finish(LibMpi.MPI_Ibarrier(h, reqAddress()), q, true, null);
    }

    static Request bcast(Comm c, Object buf, int root, boolean nb) {
        long h = c.handle();
        int role = role(c, root);
        boolean receiving = c.isInter() ? role == 0 : role != 1;
        MessageBuffer m = role < 0 ? none(true) : Buffers.resolve(buf, Buffers.slot0(), receiving, 1);
        noInPlace(m, "in bcast");
        Request q = nb ? new Request() : null;
        if (q != null) {
            m.relocate(q.bind(m, receiving));
            return finish(LibMpi.MPI_Ibcast(m.offset(), m.count(), m.datatype(), root, h, reqAddress()), q, true, null);
        }
        if (receiving) {
            Staging.recv(m, false);
        } else {
            Staging.send(m);
        }
        int rc = LibMpi.mpi4j_bcast(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), root, h);
        if (rc != 0 && receiving) {
            Staging.landed(rc, 0);
            // a root that sends more than this rank's buffer holds: MPI_ERR_TRUNCATE, with this buffer's size
            throw MPIException.receiveFailed(rc, "bcast", m.count(), m.datatype(), LibMpi.MPI_STATUS_IGNORE());
        }
        return finish(rc, null, false, null);
    }

    static Request gather(Comm c, Object sendbuf, Object recvbuf, int root, boolean nb) {
        long h = c.handle();
        int role = role(c, root);
        MessageBuffer r = role == 1 ? recv(recvbuf, peers(c)) : none(false);
        MessageBuffer s = c.isInter() && role != 0 ? none(true) : send(sendbuf, 1);
        inPlaceAtRootOnly(s, c, role, "gather");
        noInPlace(r, "as gather's receive buffer");
        Request q = prepare(nb, null, s, r);
        int rc = nb ? LibMpi.MPI_Igather(s.offset(), s.count(), s.datatype(), r.offset(), r.count(), r.datatype(), root, h, reqAddress())
                : LibMpi.mpi4j_gather(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(), r.offset(),
                        r.count(), r.datatype(), root, h);
        return finish(rc, q, nb, null);
    }

    static Request scatter(Comm c, Object sendbuf, Object recvbuf, int root, boolean nb) {
        long h = c.handle();
        int role = role(c, root);
        MessageBuffer s = role == 1 ? send(sendbuf, peers(c)) : none(true);
        MessageBuffer r = c.isInter() && role != 0 ? none(false) : recv(recvbuf, 1);
        inPlaceAtRootOnly(r, c, role, "scatter");
        noInPlace(s, "as scatter's send buffer");
        Request q = prepare(nb, null, s, r);
        int rc = nb ? LibMpi.MPI_Iscatter(s.offset(), s.count(), s.datatype(), r.offset(), r.count(), r.datatype(), root, h, reqAddress())
                : LibMpi.mpi4j_scatter(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(), r.offset(),
                        r.count(), r.datatype(), root, h);
        return finish(rc, q, nb, null);
    }

    static Request gatherv(Comm c, Object sendbuf, Object recvbuf, int root, boolean nb) {
        long h = c.handle();
        int role = role(c, root);
        int n = peers(c);
        MessageBuffer r = role == 1 ? vmessage(recvbuf, n, true) : none(false);
        MessageBuffer s = c.isInter() && role != 0 ? none(true) : send(sendbuf, 1);
        inPlaceAtRootOnly(s, c, role, "gatherv");
        noInPlace(r, "as gatherv's receive buffer");
        Request q = prepare(nb, null, s, r);
        long counts = ints(q, r.counts(), n, 0);
        long displs = ints(q, r.displs(), n, 1);
        int rc = nb ? LibMpi.MPI_Igatherv(s.offset(), s.count(), s.datatype(), r.offset(), counts, displs, r.datatype(), root, h, reqAddress())
                : LibMpi.mpi4j_gatherv(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(), r.offset(),
                        counts, displs, r.datatype(), root, h);
        return finish(rc, q, nb, null);
    }

    static Request scatterv(Comm c, Object sendbuf, Object recvbuf, int root, boolean nb) {
        long h = c.handle();
        int role = role(c, root);
        int n = peers(c);
        MessageBuffer s = role == 1 ? vmessage(sendbuf, n, false) : none(true);
        MessageBuffer r = c.isInter() && role != 0 ? none(false) : recv(recvbuf, 1);
        inPlaceAtRootOnly(r, c, role, "scatterv");
        noInPlace(s, "as scatterv's send buffer");
        Request q = prepare(nb, null, s, r);
        long counts = ints(q, s.counts(), n, 0);
        long displs = ints(q, s.displs(), n, 1);
        int rc = nb ? LibMpi.MPI_Iscatterv(s.offset(), counts, displs, s.datatype(), r.offset(), r.count(), r.datatype(), root, h, reqAddress())
                : LibMpi.mpi4j_scatterv(s.base(), s.kind(), s.offset(), counts, displs, s.datatype(), r.base(), r.kind(),
                        r.offset(), r.count(), r.datatype(), root, h);
        return finish(rc, q, nb, null);
    }

    /** allgather, or with {@code nbr} neighbor_allgather over a topology's in-neighbours. */
    static Request allgather(Comm c, Object sendbuf, Object recvbuf, boolean nbr, boolean nb) {
        long h = c.handle();
        MessageBuffer r = recv(recvbuf, inBlocks(c, nbr));
        MessageBuffer s = send(sendbuf, 1);
        inPlaceRule(s, c, nbr);
        noInPlace(r, "as allgather's receive buffer");
        Request q = prepare(nb, null, s, r, nbr);
        int rc;
        if (nb) {
            rc = nbr ? LibMpi.MPI_Ineighbor_allgather(s.offset(), s.count(), s.datatype(), r.offset(), r.count(), r.datatype(), h, reqAddress())
                    : LibMpi.MPI_Iallgather(s.offset(), s.count(), s.datatype(), r.offset(), r.count(), r.datatype(), h, reqAddress());
        } else {
            rc = nbr ? LibMpi.mpi4j_neighbor_allgather(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(),
                            r.offset(), r.count(), r.datatype(), h)
                    : LibMpi.mpi4j_allgather(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(), r.offset(),
                            r.count(), r.datatype(), h);
        }
        return finish(rc, q, nb, null);
    }

    /** allgatherv, or with {@code nbr} neighbor_allgatherv. */
    static Request allgatherv(Comm c, Object sendbuf, Object recvbuf, boolean nbr, boolean nb) {
        long h = c.handle();
        int n = inBlocks(c, nbr);
        MessageBuffer r = vmessage(recvbuf, n, true);
        MessageBuffer s = send(sendbuf, 1);
        inPlaceRule(s, c, nbr);
        noInPlace(r, "as allgatherv's receive buffer");
        Request q = prepare(nb, null, s, r, nbr);
        long counts = ints(q, r.counts(), n, 0);
        long displs = ints(q, r.displs(), n, 1);
        int rc;
        if (nb) {
            rc = nbr ? LibMpi.MPI_Ineighbor_allgatherv(s.offset(), s.count(), s.datatype(), r.offset(), counts, displs, r.datatype(), h, reqAddress())
                    : LibMpi.MPI_Iallgatherv(s.offset(), s.count(), s.datatype(), r.offset(), counts, displs, r.datatype(), h, reqAddress());
        } else {
            rc = nbr ? LibMpi.mpi4j_neighbor_allgatherv(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(),
                            r.offset(), counts, displs, r.datatype(), h)
                    : LibMpi.mpi4j_allgatherv(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(), r.offset(),
                            counts, displs, r.datatype(), h);
        }
        return finish(rc, q, nb, null);
    }

    /** alltoall, or with {@code nbr} neighbor_alltoall (send blocks per out-neighbour, receive per in-neighbour). */
    static Request alltoall(Comm c, Object sendbuf, Object recvbuf, boolean nbr, boolean nb) {
        long h = c.handle();
        MessageBuffer r = recv(recvbuf, inBlocks(c, nbr));
        MessageBuffer s = send(sendbuf, outBlocks(c, nbr));
        inPlaceRule(s, c, nbr);
        noInPlace(r, "as alltoall's receive buffer");
        Request q = prepare(nb, null, s, r, nbr);
        int rc;
        if (nb) {
            rc = nbr ? LibMpi.MPI_Ineighbor_alltoall(s.offset(), s.count(), s.datatype(), r.offset(), r.count(), r.datatype(), h, reqAddress())
                    : LibMpi.MPI_Ialltoall(s.offset(), s.count(), s.datatype(), r.offset(), r.count(), r.datatype(), h, reqAddress());
        } else {
            rc = nbr ? LibMpi.mpi4j_neighbor_alltoall(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(),
                            r.offset(), r.count(), r.datatype(), h)
                    : LibMpi.mpi4j_alltoall(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), r.base(), r.kind(), r.offset(),
                            r.count(), r.datatype(), h);
        }
        return finish(rc, q, nb, null);
    }

    /**
     * On a one-process communicator alltoallv/alltoallw send one block to the process itself, and MPI requires its send
     * and receive type signatures to match. A mismatch is refused here because MPICH 4.0.2 waits forever when the block
     * sent is empty and the block received is not (it skips the empty send but still waits for the receive), where it
     * should report an error; a larger block sent than received is MPI_ERR_TRUNCATE, as MPI reports it.
     */
    private static void selfBlockAgrees(String op, long sendBytes, long recvBytes) {
        if (sendBytes != recvBytes) {
            throw new MPIException(sendBytes > recvBytes ? ErrorClasses.ERR_TRUNCATE : ErrorClasses.ERR_ARG, op + " on one process"
                    + " sends " + sendBytes + " bytes to itself but receives " + recvBytes + ": the type signatures must match");
        }
    }

    /** The count of a v or w message's first block (0 for the empty message). */
    private static long firstCount(MessageBuffer m) {
        return m.counts() == null ? 0 : m.counts()[0];
    }

    /** MPI_Type_size of a datatype handle. */
    private static long typeSize(long datatype) {
        NativeScratch n = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Type_size_x(datatype, n.address(0)));
        return n.getLong(0);
    }

    /** alltoallv, or with {@code nbr} neighbor_alltoallv. */
    static Request alltoallv(Comm c, Object sendbuf, Object recvbuf, boolean nbr, boolean nb) {
        long h = c.handle();
        int in = inBlocks(c, nbr);
        int out = outBlocks(c, nbr);
        int w = Math.max(in, out);
        MessageBuffer r = vmessage(recvbuf, in, true);
        MessageBuffer s = vmessage(sendbuf, out, false);
        inPlaceRule(s, c, nbr);
        noInPlace(r, "as alltoallv's receive buffer");
        if (!nbr && !s.isInPlace() && c.getSize() == 1 && !c.isInter()) {
            selfBlockAgrees("alltoallv", firstCount(s) * typeSize(s.datatype()), firstCount(r) * typeSize(r.datatype()));
        }
        Request q = prepare(nb, null, s, r, nbr);
        long sc = ints(q, s.counts(), out, 0, w);
        long sd = ints(q, s.displs(), out, 1, w);
        long rcnt = ints(q, r.counts(), in, 2, w);
        long rd = ints(q, r.displs(), in, 3, w);
        int rc;
        if (nb) {
            rc = nbr ? LibMpi.MPI_Ineighbor_alltoallv(s.offset(), sc, sd, s.datatype(), r.offset(), rcnt, rd, r.datatype(), h, reqAddress())
                    : LibMpi.MPI_Ialltoallv(s.offset(), sc, sd, s.datatype(), r.offset(), rcnt, rd, r.datatype(), h, reqAddress());
        } else {
            rc = nbr ? LibMpi.mpi4j_neighbor_alltoallv(s.base(), s.kind(), s.offset(), sc, sd, s.datatype(), r.base(), r.kind(),
                            r.offset(), rcnt, rd, r.datatype(), h)
                    : LibMpi.mpi4j_alltoallv(s.base(), s.kind(), s.offset(), sc, sd, s.datatype(), r.base(), r.kind(), r.offset(),
                            rcnt, rd, r.datatype(), h);
        }
        return finish(rc, q, nb, null);
    }

    /** alltoallw, or with {@code nbr} neighbor_alltoallw. */
    static Request alltoallw(Comm c, Object sendbuf, Object recvbuf, boolean nbr, boolean nb) {
        long h = c.handle();
        int in = inBlocks(c, nbr);
        int out = outBlocks(c, nbr);
        int w = Math.max(in, out);
        MessageBuffer r = recv(recvbuf, in);
        MessageBuffer s = send(sendbuf, out);
        if (nbr) {
            noInPlace(s, "in a neighbourhood collective");
        }
        if (r.types() == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "alltoallw's receive buffer must be a WBuffer (counts, byte displacements, types)");
        }
        if (s.types() == null && !s.isInPlace()) {
            throw new MPIException(ErrorClasses.ERR_ARG, "alltoallw's send buffer must be a WBuffer or MPI.IN_PLACE");
        }
        if (!nbr && !s.isInPlace() && c.getSize() == 1 && !c.isInter()) {
            selfBlockAgrees("alltoallw", firstCount(s) * s.types()[0].size(), firstCount(r) * r.types()[0].size());
        }
        Request q = prepare(nb, null, s, r, nbr);
        long sc = s.isInPlace() ? 0 : ints(q, s.counts(), out, 0, w);
        long sd = s.isInPlace() ? 0 : nbr ? aints(q, s.displs(), out, 0, w) : ints(q, s.displs(), out, 1, w);
        long st = s.isInPlace() ? 0 : handles(q, s.types(), out, 0, w);
        long rcnt = ints(q, r.counts(), in, 2, w);
        long rd = nbr ? aints(q, r.displs(), in, 1, w) : ints(q, r.displs(), in, 3, w);
        long rt = handles(q, r.types(), in, 1, w);
        int rc;
        if (nb) {
            rc = nbr ? LibMpi.MPI_Ineighbor_alltoallw(s.offset(), sc, sd, st, r.offset(), rcnt, rd, rt, h, reqAddress())
                    : LibMpi.MPI_Ialltoallw(s.offset(), sc, sd, st, r.offset(), rcnt, rd, rt, h, reqAddress());
        } else {
            rc = nbr ? LibMpi.mpi4j_neighbor_alltoallw(s.base(), s.kind(), s.offset(), sc, sd, st, r.base(), r.kind(), r.offset(),
                            rcnt, rd, rt, h)
                    : LibMpi.mpi4j_alltoallw(s.base(), s.kind(), s.offset(), sc, sd, st, r.base(), r.kind(), r.offset(), rcnt, rd, rt, h);
        }
        return finish(rc, q, nb, null);
    }

    // ------------------------------------------------------------------ reductions

    /**
     * The send buffer handed to MPI at an intercommunicator reduce's root (MPI_ROOT), where MPI reads none: a
     * non-null address that is not the receive buffer. The standard says the root's send buffer is not significant,
     * but MPICH 4.0.2 refuses NULL there ("Null buffer pointer") and the receive buffer too ("aliased").
     */
    private static final long UNREAD_SEND = LibMpi.mpi4j_malloc(16);

    static Request reduce(Comm c, Object sendbuf, Object recvbuf, Op op, int root, boolean nb) {
        long h = c.handle();
        long oh = Args.op(op);
        int role = role(c, root);
        MessageBuffer r = role == 1 ? recv(recvbuf, 1) : none(false);
        MessageBuffer s = c.isInter() && role != 0 ? none(true) : send(sendbuf, 1);
        inPlaceAtRootOnly(s, c, role, "reduce");
        noInPlace(r, "as reduce's receive buffer");
        // intercommunicator root: only receives, so the receive side gives count and type
        MessageBuffer shape = role != 1 ? s : c.isInter() ? r : reduceShape(s, r);
        int count = shape.count();
        long type = shape.datatype();
        Request q = prepare(nb, op, s, r);
        long so = c.isInter() && role == 1 ? UNREAD_SEND : s.offset();
        int rc = nb ? LibMpi.MPI_Ireduce(so, r.offset(), count, type, oh, root, h, reqAddress())
                : LibMpi.mpi4j_reduce(s.base(), s.kind(), so, r.base(), r.kind(), r.offset(), count, type, oh, root, h);
        return finish(rc, q, nb, op);
    }

    /** allreduce (kind 0), scan (1), exscan (2): same shape, every process sends and receives. */
    static Request allreduce(Comm c, Object sendbuf, Object recvbuf, Op op, int kind, boolean nb) {
        long h = c.handle();
        long oh = Args.op(op);
        MessageBuffer r = recv(recvbuf, 1);
        MessageBuffer s = send(sendbuf, 1);
        noInPlaceOnInter(s, c);
        noInPlace(r, "as the receive buffer");
        // on an intercommunicator too: MPI takes one count and datatype for both buffers, so they must agree
        MessageBuffer shape = reduceShape(s, r);
        int count = shape.count();
        long type = shape.datatype();
        Request q = prepare(nb, op, s, r, kind == 2);
        long req = reqAddress();
        int rc;
        switch (kind) {
            case 0:
                rc = nb ? LibMpi.MPI_Iallreduce(s.offset(), r.offset(), count, type, oh, h, req)
                        : LibMpi.mpi4j_allreduce(s.base(), s.kind(), s.offset(), r.base(), r.kind(), r.offset(), count, type, oh, h);
                break;
            case 1:
                rc = nb ? LibMpi.MPI_Iscan(s.offset(), r.offset(), count, type, oh, h, req)
                        : LibMpi.mpi4j_scan(s.base(), s.kind(), s.offset(), r.base(), r.kind(), r.offset(), count, type, oh, h);
                break;
            default:
                rc = nb ? LibMpi.MPI_Iexscan(s.offset(), r.offset(), count, type, oh, h, req)
                        : LibMpi.mpi4j_exscan(s.base(), s.kind(), s.offset(), r.base(), r.kind(), r.offset(), count, type, oh, h);
        }
        return finish(rc, q, nb, op);
    }

    static Request reduceScatterBlock(Comm c, Object sendbuf, Object recvbuf, Op op, boolean nb) {
        long h = c.handle();
        long oh = Args.op(op);
        int n = c.getSize();
        MessageBuffer s = send(sendbuf, n);
        // in place, the receive buffer holds all n blocks on entry and the result in its first block
        MessageBuffer r = recv(recvbuf, s.isInPlace() ? n : 1);
        noInPlace(r, "as the receive buffer");
        if (!s.isInPlace()) {
            if (s.count() != r.count()) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "send buffer holds " + n + " blocks of " + s.count()
                        + " elements, the receive buffer " + r.count());
            }
            if (s.datatype() != r.datatype()) {
                throw new MPIException(ErrorClasses.ERR_TYPE, "mismatch in send and receive MPI datatypes");
            }
        }
        int count = r.count();
        long type = r.datatype();
        Request q = prepare(nb, op, s, r);
        int rc = nb ? LibMpi.MPI_Ireduce_scatter_block(s.offset(), r.offset(), count, type, oh, h, reqAddress())
                : LibMpi.mpi4j_reduce_scatter_block(s.base(), s.kind(), s.offset(), r.base(), r.kind(), r.offset(), count, type, oh, h);
        return finish(rc, q, nb, op);
    }

    static Request reduceScatter(Comm c, Object sendbuf, Object recvbuf, int[] recvcounts, Op op, boolean nb) {
        long h = c.handle();
        long oh = Args.op(op);
        int n = c.getSize();
        if (recvcounts == null || recvcounts.length != n) {
            throw new MPIException(ErrorClasses.ERR_ARG, "recvcounts has " + (recvcounts == null ? 0 : recvcounts.length)
                    + " entries, reduceScatter needs " + n + " (one per process)");
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (recvcounts[i] < 0) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "negative count " + recvcounts[i] + " at index " + i);
            }
            total += recvcounts[i];
        }
        MessageBuffer s = send(sendbuf, 1);
        MessageBuffer r = recv(recvbuf, 1);
        noInPlace(r, "as the receive buffer");
        MessageBuffer all = s.isInPlace() ? r : s;
        if (all.count() < total) {
            throw new MPIException(ErrorClasses.ERR_COUNT, (s.isInPlace() ? "receive" : "send") + " buffer holds "
                    + all.count() + " elements, recvcounts add up to " + total);
        }
        if (!s.isInPlace()) {
            if (r.count() < recvcounts[c.getRank()]) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "receive buffer holds " + r.count() + " elements, recvcounts["
                        + c.getRank() + "] is " + recvcounts[c.getRank()]);
            }
            if (s.datatype() != r.datatype()) {
                throw new MPIException(ErrorClasses.ERR_TYPE, "mismatch in send and receive MPI datatypes");
            }
        }
        long type = r.datatype();
        Request q = prepare(nb, op, s, r);
        long counts = ints(q, recvcounts, n, 0);
        int rc = nb ? LibMpi.MPI_Ireduce_scatter(s.offset(), r.offset(), counts, type, oh, h, reqAddress())
                : LibMpi.mpi4j_reduce_scatter(s.base(), s.kind(), s.offset(), r.base(), r.kind(), r.offset(), counts, type, oh, h);
        return finish(rc, q, nb, op);
    }

    static void reduceLocal(Op op, Object inbuf, Object inoutbuf) {
        long oh = Args.op(op);
        MessageBuffer r = recv(inoutbuf, 1);
        MessageBuffer s = send(inbuf, 1);
        noInPlace(s, "in reduceLocal");
        noInPlace(r, "in reduceLocal");
        reduceShape(s, r);
        Request q = prepare(false, op, s, r, true);
        int rc = LibMpi.mpi4j_reduce_local(s.base(), s.kind(), s.offset(), r.base(), r.kind(), r.offset(), s.count(), s.datatype(), oh);
        finish(rc, q, false, op);
    }
}
