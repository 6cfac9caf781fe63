package org.mpi4j;

import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Comm: a communicator. Size, rank, group, comparison, duplication, names, error handlers, attributes, and all
 * of point-to-point: blocking (send, ssend, bsend, rsend, recv, sendrecv, sendrecvReplace), nonblocking
 * (isend... irecv) returning {@link Request}s, persistent ({@code *Init}) returning {@link Prequest}s, and probes
 * (probe, iprobe, mprobe, improbe). A buffer argument is anything {@link Buffers} resolves: a primitive array, a NIO
 * buffer, a {@link org.mpi4j.buffers.BufferSpec}, an Arrow vector or an INDArray when their providers are present.
 */
public abstract class Comm implements AutoCloseable {
    static final long NULL = LibMpi.MPI_COMM_NULL();

    long handle;
    private final boolean predefined;
    /** Size, rank and inter-ness never change for a communicator: read once (-1 until then). */
    private int size = -1;
    private int rank = -1;
    private int inter = -1;
    private int remoteSize = -1;
    /** Ranks a point-to-point call may name: the group size, or the remote group's on an intercommunicator. */
    private int peers = -1;
    private static int tagUB = -1;
    /** Private duplicate for the object path's frame-by-frame fallbacks (made on first need). */
    Comm pickleShadow;

    Comm(long handle, boolean predefined) {
        this.handle = handle;
        this.predefined = predefined;
    }

    /**
     * The native MPI_Comm handle, initialising MPI on first use; throws if the communicator was freed.
     *
     * @return the native MPI_Comm handle, initialising MPI on first use; throws if the communicator was freed
     */
    public final long handle() {
        if (!Environment.ready) {
            Environment.ensure();
        }
        long h = handle;
        if (h == NULL) {
            throw new MPIException(ErrorClasses.ERR_COMM, predefined ? "MPI.COMM_NULL is not a communicator to use"
                    : "communicator has been freed");
        }
        return h;
    }

    /**
     * The right Java type for a new native communicator: null for MPI_COMM_NULL, else an {@link Intercomm}, a
     * {@link Cartcomm}, {@link Graphcomm} or {@link Distgraphcomm} by its topology, or a plain {@link Intracomm}.
     */
    static Comm make(long h) {
        if (h == NULL) {
            return null;
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_test_inter(h, s.address(0)));
        if (s.getInt(0) != 0) {
            return new Intercomm(h);
        }
        MPIException.check(LibMpi.MPI_Topo_test(h, s.address(0)));
        int topo = s.getInt(0);
        if (topo == LibMpi.MPI_CART()) {
            return new Cartcomm(h);
        }
        if (topo == LibMpi.MPI_GRAPH()) {
            return new Graphcomm(h);
        }
        if (topo == LibMpi.MPI_DIST_GRAPH()) {
            return new Distgraphcomm(h);
        }
        return new Intracomm(h, false);
    }

    /** A communicator made by {@code call} writing its handle to scratch, typed by {@link #make}. */
    @SuppressWarnings("unchecked")
    static <C extends Comm> C made(int rc) {
        Attributes.check(rc);
        return (C) make(NativeScratch.get().getHandle(0));
    }

    /** A view of a native handle that mpi4j does not own (attribute callbacks): typed, and never freed by close(). */
    static Comm view(long h) {
        NativeScratch s = NativeScratch.get();
        if (LibMpi.MPI_Comm_test_inter(h, s.address(0)) == 0 && s.getInt(0) != 0) {
            return new Intercomm(h, true);
        }
        return new Intracomm(h, true);
    }

    /**
     * Wraps a native MPI_Comm handle made elsewhere (interop), typed as {@link #make} does; null for MPI_COMM_NULL.
     * The handle is not checked, as in C and mpi4py: a value that is not a live handle is undefined behaviour in MPI.
     *
     * @param handle the native handle
     * @return the communicator, typed as what it is (Intracomm, Intercomm, Cartcomm...)
     */
    public static Comm fromHandle(long handle) {
        Environment.ensure();
        return make(handle);
    }

    /**
     * MPI_Comm_c2f: this communicator's Fortran handle.
     *
     * @return this communicator's Fortran handle
     */
    public int toFortran() {
        return LibMpi.MPI_Comm_c2f(handle());
    }

    /**
     * True for COMM_WORLD and COMM_SELF, which cannot be freed.
     *
     * @return true for COMM_WORLD and COMM_SELF, which cannot be freed
     */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * True once freed.
     *
     * @return true once freed
     */
    public boolean isFreed() {
        return handle == NULL;
    }

    // ------------------------------------------------------------------ basics

    /**
     * MPI_Comm_size: number of processes.
     *
     * @return number of processes
     */
    public int getSize() {
        long h = handle();
        int v = size;
        if (v < 0) {
            NativeScratch s = NativeScratch.get();
            MPIException.check(LibMpi.MPI_Comm_size(h, s.address(0)));
            v = size = s.getInt(0);
        }
        return v;
    }

    /**
     * MPI_Comm_rank: this process's rank.
     *
     * @return this process's rank
     */
    public int getRank() {
        long h = handle();
        int v = rank;
        if (v < 0) {
            NativeScratch s = NativeScratch.get();
            MPIException.check(LibMpi.MPI_Comm_rank(h, s.address(0)));
            v = rank = s.getInt(0);
        }
        return v;
    }

    /**
     * MPI_Comm_remote_size: size of the remote group of an intercommunicator (0 for an intracommunicator).
     *
     * @return size of the remote group of an intercommunicator (0 for an intracommunicator)
     */
    public int getRemoteSize() {
        long h = handle();
        if (!isInter()) {
            return 0;
        }
        int v = remoteSize;
        if (v < 0) {
            NativeScratch s = NativeScratch.get();
            MPIException.check(LibMpi.MPI_Comm_remote_size(h, s.address(0)));
            v = remoteSize = s.getInt(0);
        }
        return v;
    }

    /**
     * MPI_Comm_group: the group of this communicator (free it when done, or use try-with-resources).
     *
     * @return the group of this communicator (free it when done, or use try-with-resources)
     */
    public Group getGroup() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_group(h, s.address(0)));
        return new Group(s.getHandle(0), false);
    }

    /**
     * MPI_Comm_compare: MPI.IDENT, MPI.CONGRUENT, MPI.SIMILAR or MPI.UNEQUAL.
     *
     * @param other the other communicator
     * @return MPI.IDENT, MPI.CONGRUENT, MPI.SIMILAR or MPI.UNEQUAL
     */
    public int compare(Comm other) {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_compare(h, Args.comm(other, "other"), s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Comm_test_inter: true for an intercommunicator.
     *
     * @return true for an intercommunicator
     */
    public boolean isInter() {
        long h = handle();
        int v = inter;
        if (v < 0) {
            NativeScratch s = NativeScratch.get();
            MPIException.check(LibMpi.MPI_Comm_test_inter(h, s.address(0)));
            v = inter = s.getInt(0);
        }
        return v != 0;
    }

    /**
     * MPI_Topo_test: MPI.CART, MPI.GRAPH, MPI.DIST_GRAPH, or MPI.UNDEFINED without a topology.
     *
     * @return MPI.CART, MPI.GRAPH, MPI.DIST_GRAPH, or MPI.UNDEFINED without a topology
     */
    public int getTopology() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Topo_test(h, s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Comm_dup: a new communicator with the same group and a fresh context.
     *
     * @return a new communicator with the same group and a fresh context
     */
    public abstract Comm dup();

    /**
     * MPI_Comm_dup_with_info: as {@link #dup()}, with {@code info} hints for the new communicator.
     *
     * @param info the info hints (Info.NULL for none)
     * @return the communicator, typed as what it is (Intracomm, Intercomm, Cartcomm...)
     */
    public abstract Comm dupWithInfo(Info info);

    /**
     * MPI_Comm_idup: starts a duplication; the new communicator is the request's {@link CommRequest#getComm()}.
     *
     * @return starts a duplication; the new communicator is the request's {@link CommRequest#getComm()}
     */
    public abstract CommRequest<? extends Comm> idup();

    int dupRc() {
        long h = handle();
        return LibMpi.mpi4j_comm_dup(h, 0, 0, NativeScratch.get().address(0));
    }

    int dupWithInfoRc(Info info) {
        long h = handle();
        return LibMpi.mpi4j_comm_dup(h, 1, Args.info(info), NativeScratch.get().address(0));
    }

    <C extends Comm> CommRequest<C> startIdup() {
        long h = handle();
        CommRequest<C> q = new CommRequest<>();
        int rc = LibMpi.MPI_Comm_idup(h, q.commAddress(), NativeScratch.get().address(0));
        if (rc != 0) {
            q.release();
        }
        Attributes.check(rc);
        q.handle = NativeScratch.get().getHandle(0);
        return q;
    }

    /**
     * MPI_Comm_create: a communicator over {@code group} (a subset of this one's); null where not a member.
     *
     * @param group the group
     * @return a communicator over {@code group} (a subset of this one's); null where not a member
     */
    public Comm create(Group group) {
        long h = handle();
        return made(LibMpi.MPI_Comm_create(h, Args.group(group, "group"), NativeScratch.get().address(0)));
    }

    /**
     * MPI_Comm_set_info.
     *
     * @param info the info hints (Info.NULL for none)
     */
    public void setInfo(Info info) {
        MPIException.check(LibMpi.MPI_Comm_set_info(handle(), Args.info(info)));
    }

    /**
     * MPI_Comm_get_info: the hints in use (free the returned Info).
     *
     * @return the hints in use (free the returned Info)
     */
    public Info getInfo() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_get_info(h, s.address(0)));
        return Info.fromHandle(s.getHandle(0));
    }

    // ------------------------------------------------------------------ attributes

    /** MPI_Comm_copy_attr_function in Java: the value the new communicator gets, or null for none. */
    @FunctionalInterface
    public interface CopyFunction {
        /**
         * Called by MPI_Comm_dup for an attribute of {@code oldComm}: returns the duplicate's value, or null.
         *
         * @param oldComm the communicator the attribute is copied from
         * @param keyval the attribute key (from Comm.createKeyval, or a predefined one such as MPI.TAG_UB)
         * @param value the value
         * @return called by MPI_Comm_dup for an attribute of {@code oldComm}: returns the duplicate's value, or null
         */
        Object copy(Comm oldComm, int keyval, Object value);
    }

    /** MPI_Comm_delete_attr_function in Java. */
    @FunctionalInterface
    public interface DeleteFunction {
        /**
         * Called when the attribute is deleted, replaced, or its communicator freed.
         *
         * @param comm the communicator
         * @param keyval the attribute key (from Comm.createKeyval, or a predefined one such as MPI.TAG_UB)
         * @param value the value
         */
        void delete(Comm comm, int keyval, Object value);
    }

    /** MPI_COMM_NULL_COPY_FN: duplicates do not get the attribute. */
    public static final CopyFunction NULL_COPY = (c, k, v) -> null;
    /** MPI_COMM_DUP_FN: duplicates get the same value (the same Java reference). */
    public static final CopyFunction DUP_COPY = (c, k, v) -> v;

    /**
     * MPI_Comm_create_keyval with no copying and no delete function.
     *
     * @return the create keyval
     */
    public static int createKeyval() {
        return Attributes.createKeyval(NULL_COPY, null);
    }

    /**
     * MPI_Comm_create_keyval: {@code copy} runs on dup, {@code delete} (may be null) on delete/free.
     *
     * @param copy the function that combines two values
     * @param delete the function that combines two values
     * @return {@code copy} runs on dup, {@code delete} (may be null) on delete/free
     */
    public static int createKeyval(CopyFunction copy, DeleteFunction delete) {
        return Attributes.createKeyval(copy, delete);
    }

    /**
     * MPI_Comm_free_keyval.
     *
     * @param keyval the attribute key (from Comm.createKeyval, or a predefined one such as MPI.TAG_UB)
     */
    public static void freeKeyval(int keyval) {
        Attributes.freeKeyval(keyval);
    }

    /**
     * MPI_Comm_set_attr: caches a Java value under a keyval from {@link #createKeyval}.
     *
     * @param keyval the attribute key (from Comm.createKeyval, or a predefined one such as MPI.TAG_UB)
     * @param value the value
     */
    public void setAttr(int keyval, Object value) {
        Attributes.set(this, keyval, value);
    }

    /**
     * MPI_Comm_get_attr: the cached value, null when not set; predefined keyvals (TAG_UB...) give an Integer.
     *
     * @param keyval the attribute key (from Comm.createKeyval, or a predefined one such as MPI.TAG_UB)
     * @return the cached value, null when not set; predefined keyvals (TAG_UB...) give an Integer
     */
    public Object getAttr(int keyval) {
        return Attributes.get(this, keyval);
    }

    /**
     * MPI_Comm_delete_attr: removes the attribute, running its delete function.
     *
     * @param keyval the attribute key (from Comm.createKeyval, or a predefined one such as MPI.TAG_UB)
     */
    public void deleteAttr(int keyval) {
        Attributes.delete(this, keyval);
    }

    /** MPI_Comm_free: releases the communicator; using it afterwards raises MPI_ERR_COMM. */
    public void free() {
        if (predefined) {
            throw new MPIException(ErrorClasses.ERR_COMM, "cannot free a predefined communicator");
        }
        if (pickleShadow != null) {
            pickleShadow.free();
            pickleShadow = null;
        }
        int rc = LibMpi.mpi4j_comm_free(handle());
        if (rc == 0) {
            handle = NULL;
        }
        Attributes.check(rc);
    }

    /** Frees the communicator unless it is predefined or already freed. */
    @Override
    public void close() {
        if (!predefined && handle != NULL) {
            free();
        }
    }

    /**
     * MPI_Comm_get_name.
     *
     * @return MPI_Comm_get_name
     */
    public String getName() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_get_name(h, s.address(64), s.address(0)));
        return s.getString(64, s.getInt(0));
    }

    /**
     * MPI_Comm_set_name.
     *
     * @param name the name
     */
    public void setName(String name) {
        MPIException.check(LibMpi.MPI_Comm_set_name(handle(), name));
    }

    /**
     * MPI_Comm_set_errhandler. mpi4j's exceptions need ERRORS_RETURN (the default on every mpi4j handle).
     *
     * @param e the error handler
     */
    public void setErrhandler(Errhandler e) {
        MPIException.check(LibMpi.MPI_Comm_set_errhandler(handle(), e.handle()));
    }

    /**
     * MPI_Comm_get_errhandler.
     *
     * @return MPI_Comm_get_errhandler
     */
    public Errhandler getErrhandler() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_get_errhandler(h, s.address(0)));
        long eh = s.getHandle(0);
        Errhandler e = Errhandler.of(eh);
        MPIException.check(LibMpi.MPI_Errhandler_free(s.address(0)));
        return e;
    }

    /**
     * MPI_Comm_call_errhandler: raises {@code errorcode} through this communicator's error handler.
     *
     * @param errorcode the error code
     */
    public void callErrhandler(int errorcode) {
        MPIException.check(LibMpi.MPI_Comm_call_errhandler(handle(), errorcode));
    }

    /**
     * MPI_Abort: terminates every process of this communicator's job with {@code errorcode}. What this process wrote
     * to System.out and System.err is flushed and handed to the launcher first.
     *
     * @param errorcode the error code
     */
    public void abort(int errorcode) {
        long h = handle();
        System.out.flush();
        System.err.flush();
        Environment.drainOutput();
        LibMpi.MPI_Abort(h, errorcode);
    }

    /**
     * Checks a point-to-point peer and tag in Java, so that the error names the values (MPI's own says only "invalid
     * rank"): a rank of this communicator (of the remote group on an intercommunicator) or MPI.PROC_NULL, plus
     * MPI.ANY_SOURCE when receiving; a tag in [0, MPI_TAG_UB], plus MPI.ANY_TAG when receiving.
     */
    final void checkPeer(int rank, int tag, boolean receive, String call) {
        int n = peers;
        if (n < 0) {
            n = peers = isInter() ? getRemoteSize() : getSize();
        }
        if ((rank < 0 || rank >= n) && rank != MPI.PROC_NULL && !(receive && rank == MPI.ANY_SOURCE)) {
            throw new MPIException(ErrorClasses.ERR_RANK, call + ": " + (receive ? "source " : "dest ") + rank
                    + " is not a rank of this communicator (" + (isInter() ? "remote group" : "size") + " " + n + ")");
        }
        if (tag < 0 && !(receive && tag == MPI.ANY_TAG)) {
            throw new MPIException(ErrorClasses.ERR_TAG, call + ": tag " + tag + " is negative");
        }
        int ub = tagUB;
        if (ub < 0) {
            ub = tagUB = MPI.getTagUB();
        }
        if (tag > ub) {
            throw new MPIException(ErrorClasses.ERR_TAG, call + ": tag " + tag + " exceeds MPI_TAG_UB (" + ub + ")");
        }
    }

    // ------------------------------------------------------------------ blocking point-to-point

    /**
     * MPI_Send: sends {@code buf} to {@code dest} with {@code tag}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void send(Object buf, int dest, int tag) {
        long h = handle();
        checkPeer(dest, tag, false, "send");
        MessageBuffer m = Staging.local().sendBuffer(buf);
        MPIException.check(LibMpi.mpi4j_send(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), dest, tag, h));
    }

    /**
     * MPI_Ssend: synchronous send, completes once the receive has started.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void ssend(Object buf, int dest, int tag) {
        long h = handle();
        checkPeer(dest, tag, false, "ssend");
        MessageBuffer m = Staging.send(Buffers.forSend(buf));
        MPIException.check(LibMpi.mpi4j_ssend(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), dest, tag, h));
    }

    /**
     * MPI_Bsend: buffered send through the buffer attached with {@link MPI#attachBuffer}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void bsend(Object buf, int dest, int tag) {
        long h = handle();
        checkPeer(dest, tag, false, "bsend");
        MessageBuffer m = Staging.send(Buffers.forSend(buf));
        MPIException.check(LibMpi.mpi4j_bsend(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), dest, tag, h));
    }

    /**
     * MPI_Rsend: ready send; the matching receive must already be posted.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void rsend(Object buf, int dest, int tag) {
        long h = handle();
        checkPeer(dest, tag, false, "rsend");
        MessageBuffer m = Staging.send(Buffers.forSend(buf));
        MPIException.check(LibMpi.mpi4j_rsend(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), dest, tag, h));
    }

    /**
     * MPI_Recv: receives into {@code buf} from {@code source} (or MPI.ANY_SOURCE) with {@code tag} (or MPI.ANY_TAG).
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void recv(Object buf, int source, int tag) {
        recv(buf, source, tag, null);
    }

    /**
     * MPI_Recv, filling {@code status} (may be null).
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @param status the status to fill (may be null)
     */
    public void recv(Object buf, int source, int tag, Status status) {
        long h = handle();
        checkPeer(source, tag, true, "recv");
        Staging stage = Staging.local();   // one thread-local lookup for the whole call
        MessageBuffer m = stage.recvBuffer(buf);
        long st = stage.recvStatusFor(status);
        int rc = LibMpi.mpi4j_recv(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), source, tag, h, st);
        stage.landedHere(rc, st);
        if (rc != 0) {
            throw MPIException.receiveFailed(rc, "recv", m.count(), m.datatype(), st);
        }
        Staging.arrived(m, status, st);   // Arrow: the values that arrived are valid, the rest keep their validity
    }

    /**
     * MPI_Sendrecv: sends and receives in one call (no deadlock in exchanges).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param sendtag the tag of the message sent
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param recvtag the tag of the message received (or MPI.ANY_TAG)
     */
    public void sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag) {
        sendrecv(sendbuf, dest, sendtag, recvbuf, source, recvtag, null);
    }

    /**
     * MPI_Sendrecv, filling {@code status} for the receive.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param sendtag the tag of the message sent
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param recvtag the tag of the message received (or MPI.ANY_TAG)
     * @param status the status to fill (may be null)
     */
    public void sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag, Status status) {
        long h = handle();
        checkPeer(dest, sendtag, false, "sendrecv");
        checkPeer(source, recvtag, true, "sendrecv");
        MessageBuffer s = Staging.send(Buffers.forSend(sendbuf));
        MessageBuffer r = Staging.recv(Buffers.forArrival(recvbuf), false);
        long st = Staging.recvStatus(status);
        int rc = LibMpi.mpi4j_sendrecv(s.base(), s.kind(), s.offset(), s.count(), s.datatype(), dest, sendtag,
                r.base(), r.kind(), r.offset(), r.count(), r.datatype(), source, recvtag, h, st);
        Staging.landed(rc, st);
        if (rc != 0) {
            throw MPIException.receiveFailed(rc, "sendrecv", r.count(), r.datatype(), st);
        }
        Staging.arrived(r, status, st);
    }

    /**
     * MPI_Sendrecv_replace: sends {@code buf} and receives into the same buffer.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param sendtag the tag of the message sent
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param recvtag the tag of the message received (or MPI.ANY_TAG)
     */
    public void sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag) {
        sendrecvReplace(buf, dest, sendtag, source, recvtag, null);
    }

    /**
     * MPI_Sendrecv_replace, filling {@code status}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param sendtag the tag of the message sent
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param recvtag the tag of the message received (or MPI.ANY_TAG)
     * @param status the status to fill (may be null)
     */
    public void sendrecvReplace(Object buf, int dest, int sendtag, int source, int recvtag, Status status) {
        long h = handle();
        checkPeer(dest, sendtag, false, "sendrecvReplace");
        checkPeer(source, recvtag, true, "sendrecvReplace");
        MessageBuffer m = Staging.recv(Buffers.forArrival(buf), true);
        long st = Staging.recvStatus(status);
        int rc = LibMpi.mpi4j_sendrecv_replace(m.base(), m.kind(), m.offset(), m.count(), m.datatype(),
                dest, sendtag, source, recvtag, h, st);
        Staging.landed(rc, st);
        if (rc != 0) {
            throw MPIException.receiveFailed(rc, "sendrecvReplace", m.count(), m.datatype(), st);
        }
        Staging.arrived(m, status, st);
    }

    // ------------------------------------------------------------------ nonblocking point-to-point

    interface Starter {
        int start(long addr, int count, long type, int peer, int tag, long comm, long request);
    }

    Request post(Object buf, int peer, int tag, boolean receive, Starter op, Request r) {
        long h = handle();
        checkPeer(peer, tag, receive, receive ? "irecv" : "isend");
        MessageBuffer m = receive ? Buffers.forArrival(buf) : Buffers.forSend(buf);
        long addr = r.bind(m, receive, receive);
        if (receive) {
            r.mark = m.deferredMark();   // null unless the provider marks what arrives (Arrow)
        }
        NativeScratch s = NativeScratch.get();
        int rc = op.start(addr, m.count(), m.datatype(), peer, tag, h, s.address(0));
        if (rc != 0) {
            r.release();
            throw MPIException.fromCode(rc);
        }
        r.handle = s.getHandle(0);
        if (receive) {
            r.receives(m.count(), m.datatype());
        }
        return r;
    }

    /**
     * MPI_Isend: starts a send; complete the returned request.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request isend(Object buf, int dest, int tag) {
        return post(buf, dest, tag, false, LibMpi::MPI_Isend, new Request());
    }

    /**
     * MPI_Issend: starts a synchronous send.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request issend(Object buf, int dest, int tag) {
        return post(buf, dest, tag, false, LibMpi::MPI_Issend, new Request());
    }

    /**
     * MPI_Ibsend: starts a buffered send.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ibsend(Object buf, int dest, int tag) {
        return post(buf, dest, tag, false, LibMpi::MPI_Ibsend, new Request());
    }

    /**
     * MPI_Irsend: starts a ready send.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request irsend(Object buf, int dest, int tag) {
        return post(buf, dest, tag, false, LibMpi::MPI_Irsend, new Request());
    }

    /**
     * MPI_Irecv: starts a receive into {@code buf}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request irecv(Object buf, int source, int tag) {
        return post(buf, source, tag, true, LibMpi::MPI_Irecv, new Request());
    }

    /**
     * MPI_Send_init: a persistent send request; start it with {@link Prequest#start()}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the persistent request: start it with start(), complete it with waitFor() or test()
     */
    public Prequest sendInit(Object buf, int dest, int tag) {
        return (Prequest) post(buf, dest, tag, false, LibMpi::MPI_Send_init, new Prequest(false));
    }

    /**
     * MPI_Ssend_init: a persistent synchronous send request.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the persistent request: start it with start(), complete it with waitFor() or test()
     */
    public Prequest ssendInit(Object buf, int dest, int tag) {
        return (Prequest) post(buf, dest, tag, false, LibMpi::MPI_Ssend_init, new Prequest(false));
    }

    /**
     * MPI_Bsend_init: a persistent buffered send request.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the persistent request: start it with start(), complete it with waitFor() or test()
     */
    public Prequest bsendInit(Object buf, int dest, int tag) {
        return (Prequest) post(buf, dest, tag, false, LibMpi::MPI_Bsend_init, new Prequest(false));
    }

    /**
     * MPI_Rsend_init: a persistent ready send request.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the persistent request: start it with start(), complete it with waitFor() or test()
     */
    public Prequest rsendInit(Object buf, int dest, int tag) {
        return (Prequest) post(buf, dest, tag, false, LibMpi::MPI_Rsend_init, new Prequest(false));
    }

    /**
     * MPI_Recv_init: a persistent receive request.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the persistent request: start it with start(), complete it with waitFor() or test()
     */
    public Prequest recvInit(Object buf, int source, int tag) {
        return (Prequest) post(buf, source, tag, true, LibMpi::MPI_Recv_init, new Prequest(true));
    }

    // ------------------------------------------------------------------ probes

    /**
     * MPI_Probe: blocks until a matching message is available; fills {@code status} (may be null).
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @param status the status to fill (may be null)
     */
    public void probe(int source, int tag, Status status) {
        checkPeer(source, tag, true, "probe");
        MPIException.check(LibMpi.MPI_Probe(source, tag, handle(), Status.addressOf(status)));
    }

    /**
     * MPI_Iprobe: true if a matching message is available now.
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return true if a matching message is available now
     */
    public boolean iprobe(int source, int tag) {
        return iprobe(source, tag, null);
    }

    /**
     * MPI_Iprobe, filling {@code status} when a message is available.
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @param status the status to fill (may be null)
     * @return MPI_Iprobe, filling {@code status} when a message is available
     */
    public boolean iprobe(int source, int tag, Status status) {
        long h = handle();
        checkPeer(source, tag, true, "iprobe");
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Iprobe(source, tag, h, s.address(0), Status.addressOf(status)));
        return s.getInt(0) != 0;
    }

    /**
     * MPI_Mprobe: blocks for a matching message and takes it out of the queue as a {@link Message}.
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @param status the status to fill (may be null)
     * @return blocks for a matching message and takes it out of the queue as a {@link Message}
     */
    public Message mprobe(int source, int tag, Status status) {
        long h = handle();
        checkPeer(source, tag, true, "mprobe");
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Mprobe(source, tag, h, s.address(8), Status.addressOf(status)));
        return new Message(s.getHandle(8));
    }

    /**
     * MPI_Improbe: the matching {@link Message} if one is available now, else null.
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @param status the status to fill (may be null)
     * @return the matching {@link Message} if one is available now, else null
     */
    public Message improbe(int source, int tag, Status status) {
        long h = handle();
        checkPeer(source, tag, true, "improbe");
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Improbe(source, tag, h, s.address(0), s.address(8), Status.addressOf(status)));
        return s.getInt(0) != 0 ? new Message(s.getHandle(8)) : null;
    }



    // ------------------------------------------------------------------ dynamic processes

    /**
     * MPI_Comm_get_parent: the intercommunicator to the job that spawned this process (its remote group is the
     * parents), or null when this process was not spawned.
     *
     * @return the intercommunicator to the job that spawned this process (its remote group is the parents), or null when this process was not spawned
     */
    public static Intercomm getParent() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_get_parent(s.address(0)));
        long h = s.getHandle(0);
        return h == NULL ? null : new Intercomm(h);
    }

    /**
     * MPI_Comm_disconnect: waits for pending communication on this communicator, then frees it; after it, processes
     * connected only through it (a spawned job, a job reached by connect/accept) are independent. Collective.
     */
    public void disconnect() {
        if (isPredefined()) {
            throw new MPIException(ErrorClasses.ERR_COMM, "cannot disconnect a predefined communicator");
        }
        if (pickleShadow != null) {
            pickleShadow.disconnect();
            pickleShadow = null;
        }
        int rc = LibMpi.mpi4j_comm_disconnect(handle());
        if (rc == 0) {
            handle = NULL;
        }
        MPIException.check(rc);
    }

    /**
     * MPI_Comm_join: the intercommunicator between this process and the one at the other end of a connected socket
     * (a file descriptor, e.g. from native code). Both ends call it.
     * @param fd the connected socket's file descriptor
     * @return the intercommunicator (one process on each side)
     */
    public static Intercomm join(int fd) {
        Environment.ensure();
        Environment.requireDynamicProcesses("join");
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_join(fd, s.address(0)));
        return new Intercomm(s.getHandle(0));
    }

    // ------------------------------------------------------------------ the object path, point-to-point
    // Any object the Pickle serializer accepts (null too), of any size: see Pickle for the wire format and the
    // allow-list that guards deserialization.

    /**
     * Object send (mpi4py's comm.send): serializes {@code obj} and sends it to {@code dest}.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void sendObject(Object obj, int dest, int tag) {
        ObjectPath.send(this, obj, dest, tag, false);
    }

    /**
     * Object synchronous send (mpi4py's comm.ssend).
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void ssendObject(Object obj, int dest, int tag) {
        ObjectPath.send(this, obj, dest, tag, true);
    }

    /**
     * Object receive (mpi4py's comm.recv): the first frame into a per-thread array, any further frames, then
     * deserializes; null from PROC_NULL.
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the object received
     */
    public Object recvObject(int source, int tag) {
        return ObjectPath.recv(this, source, tag, null);
    }

    /**
     * Typed object receive: as {@link #recvObject(int, int)}, the object cast to {@code type} (null stays null).
     *
     * @param type the class the program expects, e.g. {@code String.class}
     * @param source the sender's rank, or MPI.ANY_SOURCE
     * @param tag the tag, or MPI.ANY_TAG
     * @param <T> the type of the result
     * @return the object, or null (a null was sent, or source was MPI.PROC_NULL)
     * @throws MPIException (MPI_ERR_TYPE) when the object is of another class
     */
    public <T> T recvObject(Class<T> type, int source, int tag) {
        // checked before the receive, so a null type consumes no message
        Args.notNull(type, "type");
        return ObjectPath.as(type, ObjectPath.recv(this, source, tag, null));
    }

    /**
     * Object receive filling {@code status} (source, tag, and the first frame's byte count).
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @param status the status to fill (may be null)
     * @return the object received
     */
    public Object recvObject(int source, int tag, Status status) {
        return ObjectPath.recv(this, source, tag, status);
    }

    /**
     * Object send and receive in one call (mpi4py's comm.sendrecv); no deadlock in exchanges.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param sendtag the tag of the message sent
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param recvtag the tag of the message received (or MPI.ANY_TAG)
     * @return the object received
     */
    public Object sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag) {
        return ObjectPath.sendrecv(this, obj, dest, sendtag, source, recvtag, null);
    }

    /**
     * Nonblocking object send (mpi4py's comm.isend); the object is serialized when called.
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public ObjectRequest isendObject(Object obj, int dest, int tag) {
        return ObjectPath.isend(this, obj, dest, tag, false);
    }

    /**
     * Nonblocking synchronous object send (mpi4py's comm.issend).
     *
     * @param obj the object (any object the serializer and allow-list accept)
     * @param dest the rank of the destination in this communicator (or MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public ObjectRequest issendObject(Object obj, int dest, int tag) {
        return ObjectPath.isend(this, obj, dest, tag, true);
    }

    /**
     * Nonblocking object receive (mpi4py's comm.irecv) into a fresh buffer of the first-frame size.
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public ObjectRequest irecvObject(int source, int tag) {
        return ObjectPath.irecv(this, null, source, tag);
    }

    /**
     * Nonblocking object receive into a reusable {@code byte[]} or {@code ByteBuffer}: it takes any object whose
     * first frame fits (all objects when it holds {@link Pickle#getFirstFrameBytes()} bytes).
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public ObjectRequest irecvObject(Object buf, int source, int tag) {
        return ObjectPath.irecv(this, buf, source, tag);
    }

    // ------------------------------------------------------------------ collectives (on intercommunicators too)
    // A buffer holding one block per process (gather's receive buffer, scatter's send buffer, alltoall's both) has
    // its count inferred per block; pass MPI.IN_PLACE where MPI allows it; v-variants take a VBuffer, alltoallw a
    // WBuffer. Buffers not significant at a rank (gather's receive buffer off the root) may be null there. On an
    // intercommunicator, rooted operations take MPI.ROOT at the root, MPI.PROC_NULL at the root's peers, and the
    // root's rank in the remote group elsewhere.

    /** MPI_Barrier: blocks until every process has called it. */
    public void barrier() {
        Collectives.barrier(this, false);
    }

    /**
     * MPI_Ibarrier: starts a barrier.
     *
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ibarrier() {
        return Collectives.barrier(this, true);
    }

    /**
     * MPI_Bcast: the root's {@code buf} is copied into every other process's {@code buf}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param root the rank of the root process
     */
    public void bcast(Object buf, int root) {
        Collectives.bcast(this, buf, root, false);
    }

    /**
     * MPI_Ibcast: starts a broadcast.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param root the rank of the root process
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ibcast(Object buf, int root) {
        return Collectives.bcast(this, buf, root, true);
    }

    /**
     * MPI_Gather: the root receives every process's {@code sendbuf}, in rank order, in {@code recvbuf}.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     */
    public void gather(Object sendbuf, Object recvbuf, int root) {
        Collectives.gather(this, sendbuf, recvbuf, root, false);
    }

    /**
     * MPI_Igather: starts a gather.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request igather(Object sendbuf, Object recvbuf, int root) {
        return Collectives.gather(this, sendbuf, recvbuf, root, true);
    }

    /**
     * MPI_Gatherv: gather with per-process counts and displacements at the root ({@code recvbuf} a VBuffer).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     */
    public void gatherv(Object sendbuf, Object recvbuf, int root) {
        Collectives.gatherv(this, sendbuf, recvbuf, root, false);
    }

    /**
     * MPI_Igatherv: starts a gatherv.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request igatherv(Object sendbuf, Object recvbuf, int root) {
        return Collectives.gatherv(this, sendbuf, recvbuf, root, true);
    }

    /**
     * MPI_Scatter: block i of the root's {@code sendbuf} goes to process i's {@code recvbuf}.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     */
    public void scatter(Object sendbuf, Object recvbuf, int root) {
        Collectives.scatter(this, sendbuf, recvbuf, root, false);
    }

    /**
     * MPI_Iscatter: starts a scatter.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iscatter(Object sendbuf, Object recvbuf, int root) {
        return Collectives.scatter(this, sendbuf, recvbuf, root, true);
    }

    /**
     * MPI_Scatterv: scatter with per-process counts and displacements at the root ({@code sendbuf} a VBuffer).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     */
    public void scatterv(Object sendbuf, Object recvbuf, int root) {
        Collectives.scatterv(this, sendbuf, recvbuf, root, false);
    }

    /**
     * MPI_Iscatterv: starts a scatterv.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param root the rank of the root process
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iscatterv(Object sendbuf, Object recvbuf, int root) {
        return Collectives.scatterv(this, sendbuf, recvbuf, root, true);
    }

    /**
     * MPI_Allgather: every process receives every process's {@code sendbuf}, in rank order.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void allgather(Object sendbuf, Object recvbuf) {
        Collectives.allgather(this, sendbuf, recvbuf, false, false);
    }

    /**
     * MPI_Iallgather: starts an allgather.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iallgather(Object sendbuf, Object recvbuf) {
        return Collectives.allgather(this, sendbuf, recvbuf, false, true);
    }

    /**
     * MPI_Allgatherv: allgather with per-process counts and displacements ({@code recvbuf} a VBuffer).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void allgatherv(Object sendbuf, Object recvbuf) {
        Collectives.allgatherv(this, sendbuf, recvbuf, false, false);
    }

    /**
     * MPI_Iallgatherv: starts an allgatherv.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iallgatherv(Object sendbuf, Object recvbuf) {
        return Collectives.allgatherv(this, sendbuf, recvbuf, false, true);
    }

    /**
     * MPI_Alltoall: block j of process i's {@code sendbuf} lands in block i of process j's {@code recvbuf}.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void alltoall(Object sendbuf, Object recvbuf) {
        Collectives.alltoall(this, sendbuf, recvbuf, false, false);
    }

    /**
     * MPI_Ialltoall: starts an alltoall.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ialltoall(Object sendbuf, Object recvbuf) {
        return Collectives.alltoall(this, sendbuf, recvbuf, false, true);
    }

    /**
     * MPI_Alltoallv: alltoall with per-process counts and displacements on both sides (VBuffers).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void alltoallv(Object sendbuf, Object recvbuf) {
        Collectives.alltoallv(this, sendbuf, recvbuf, false, false);
    }

    /**
     * MPI_Ialltoallv: starts an alltoallv.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ialltoallv(Object sendbuf, Object recvbuf) {
        return Collectives.alltoallv(this, sendbuf, recvbuf, false, true);
    }

    /**
     * MPI_Alltoallw: alltoall with per-process counts, byte displacements and datatypes (WBuffers).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void alltoallw(Object sendbuf, Object recvbuf) {
        Collectives.alltoallw(this, sendbuf, recvbuf, false, false);
    }

    /**
     * MPI_Ialltoallw: starts an alltoallw.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ialltoallw(Object sendbuf, Object recvbuf) {
        return Collectives.alltoallw(this, sendbuf, recvbuf, false, true);
    }

    /**
     * MPI_Reduce: the root's {@code recvbuf} receives the elementwise {@code op} of every {@code sendbuf}.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     * @param root the rank of the root process
     */
    public void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        Collectives.reduce(this, sendbuf, recvbuf, op, root, false);
    }

    /**
     * MPI_Ireduce: starts a reduce.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     * @param root the rank of the root process
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireduce(Object sendbuf, Object recvbuf, Op op, int root) {
        return Collectives.reduce(this, sendbuf, recvbuf, op, root, true);
    }

    /**
     * MPI_Allreduce: every {@code recvbuf} receives the elementwise {@code op} of every {@code sendbuf}.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     */
    public void allreduce(Object sendbuf, Object recvbuf, Op op) {
        Collectives.allreduce(this, sendbuf, recvbuf, op, 0, false);
    }

    /**
     * MPI_Iallreduce: starts an allreduce.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request iallreduce(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.allreduce(this, sendbuf, recvbuf, op, 0, true);
    }

    /**
     * MPI_Reduce_scatter_block: reduces {@code size} equal blocks and scatters block i to process i.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     */
    public void reduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        Collectives.reduceScatterBlock(this, sendbuf, recvbuf, op, false);
    }

    /**
     * MPI_Ireduce_scatter_block: starts a reduceScatterBlock.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireduceScatterBlock(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.reduceScatterBlock(this, sendbuf, recvbuf, op, true);
    }

    /**
     * MPI_Reduce_scatter: reduces, then process i receives {@code recvcounts[i]} elements of the result.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvcounts the number of elements each process receives
     * @param op the operation
     */
    public void reduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        Collectives.reduceScatter(this, sendbuf, recvbuf, recvcounts, op, false);
    }

    /**
     * MPI_Ireduce_scatter: starts a reduceScatter.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvcounts the number of elements each process receives
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ireduceScatter(Object sendbuf, Object recvbuf, int[] recvcounts, Op op) {
        return Collectives.reduceScatter(this, sendbuf, recvbuf, recvcounts, op, true);
    }

    @Override
    public String toString() {
        if (handle == NULL) {
            return getClass().getSimpleName() + "[freed]";
        }
        return getClass().getSimpleName() + "[" + getName() + ", rank " + getRank() + " of " + getSize() + "]";
    }
}
