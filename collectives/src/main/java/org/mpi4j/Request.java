package org.mpi4j;

import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Request: a nonblocking operation in flight. Complete it with {@link #waitFor()} or {@link #test()}, or many at
 * once with {@link #waitAll}, {@link #waitAny}, {@link #waitSome}, {@link #testAll}, {@link #testAny},
 * {@link #testSome}. A request keeps its buffer referenced until it completes. A Java heap array cannot be handed to
 * MPI beyond one call (the GC may move it), so nonblocking operations on heap arrays go through native staging
 * memory: a send takes a snapshot of the array when it starts, a receive lands in the array when the request
 * completes. Off-heap buffers (direct NIO, Arrow, ND4J) are used in place.
 */
public class Request implements AutoCloseable {
    static final long NULL = LibMpi.MPI_REQUEST_NULL();
    private static final int H = NativeScratch.HANDLE_SIZE;
    /** Scratch bytes kept for scalar outputs before arrays of handles. */
    private static final int ARRAYS_AT = 64;
    /**
     * Where in this thread's scratch area (at least 4 KiB) an MPI_Status goes when a receive's caller passed none:
     * clear of the handles and flags of wait/test (0-23) and of the error strings MPIException reads (64-320).
     */
    private static final int STATUS_AT = 4096 - 256;

    long handle;
    private Object keep;
    private Object keep2;
    /** Provider leases that keep off-heap memory valid until completion (an extra Arrow reference...). */
    private AutoCloseable lease;
    private AutoCloseable lease2;
    /** For a point-to-point receive: the buffer's count and datatype, named when the message is truncated. */
    private long recvCount = -1;
    private long recvType;
    /** Set for reductions with a Java-defined op, whose exception (if any) surfaces on completion. */
    boolean userOp;
    /** Native memory this request owns while MPI may use it: staged heap arrays and count/type arrays. */
    Stage stages;
    /** A point-to-point receive's provider marking (Arrow validity), done for the bytes that arrived; null if none. */
    org.mpi4j.buffers.ReceiveMark mark;

    /**
     * One block of native memory owned by a request: staging of a heap array ({@code array}, its message at
     * {@code arrayMsg} bytes in, at {@code stagedMsg} in this block) or a plain array of counts or types. Blocks up to
     * 64 KiB come from {@link Staging#take} and go back there, object and memory, when the request lets go of them:
     * the nonblocking hot path allocates neither Java objects nor native memory for its staging.
     */
    static final class Stage {
        /** Nothing lands: a send's snapshot, counts, types. */
        static final int SEND = 0;
        /** A receive staged from the array too, landed whole (collectives, RMA: no status says what arrived). */
        static final int WHOLE = 1;
        /** A point-to-point receive: lands exactly the bytes its completion status says arrived, so no copy-in. */
        static final int ARRIVED = 2;

        final long address;
        final long capacity;
        /** The block's size class in {@link Staging}'s pool, -1 when it is not pooled. */
        final int sizeClass;
        long bytes;
        /** Where the staged span starts in the block: {@code address}, or a few bytes past it (see {@link #bind}). */
        long start;
        Object array;
        long arrayMsg;
        long stagedMsg;
        int landing;
        long count;
        long datatype;
        /** Bytes per element of a gapless single message ({@link Staging#gapless}), else 0. */
        long gapless;
        /** The landing of a v or w message (several blocks); null for one message. */
        Staging.Landing blocks;
        Stage next;

        Stage(long address, long capacity, int sizeClass) {
            this.address = address;
            this.capacity = capacity;
            this.sizeClass = sizeClass;
        }

        /** Copies the staged span in from the array (a send, or a receive landed whole). */
        void copyIn() {
            if (array != null && landing != ARRIVED && bytes > 0) {
                LibMpi.mpi4j_copy_to_native(array, LibMpi.KIND_ARRAY, arrayMsg + (start - stagedMsg), start, bytes);
            }
        }

        /** Lands a staged receive in its array; {@code status}: the completion's MPI_Status (0 when none). */
        void land(long status) {
            if (landing == WHOLE) {
                if (blocks != null) {
                    blocks.land();
                } else {
                    MPIException.check(LibMpi.mpi4j_land(array, arrayMsg, stagedMsg, count, datatype, 0, gapless));
                }
            } else if (landing == ARRIVED) {
                // capped at what arrived: elements a short message does not reach keep their values; a cancelled
                // receive lands nothing (an inactive persistent request's empty status says 0 bytes)
                MPIException.check(LibMpi.mpi4j_land(array, arrayMsg, stagedMsg, count, datatype, status, gapless));
            }
        }
    }

    Request() {
        this.handle = NULL;
    }

    /**
     * Wraps a native MPI_Request handle (interop).
     * The handle is not checked, as in C and mpi4py: a value that is not a live handle is undefined behaviour in MPI.
     *
     * @param handle the native handle
     * @return a Request wrapping that handle
     */
    public static Request fromHandle(long handle) {
        Request r = new Request();
        r.handle = handle;
        return r;
    }

    /**
     * MPI_Request_f2c: the request for a Fortran handle.
     *
     * @param f the Fortran handle
     * @return a Request wrapping the C handle of that Fortran handle
     */
    public static Request fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Request_f2c(f), f, "request"));
    }

    /**
     * MPI_Request_c2f: this request's Fortran handle.
     *
     * @return this request's Fortran handle
     */
    public int toFortran() {
        return LibMpi.MPI_Request_c2f(handle);
    }

    /**
     * The native MPI_Request handle (MPI_REQUEST_NULL once completed).
     *
     * @return the native MPI_Request handle (MPI_REQUEST_NULL once completed)
     */
    public long handle() {
        return handle;
    }

    /**
     * True when the handle is MPI_REQUEST_NULL (completed, freed, or never started).
     *
     * @return true when the handle is MPI_REQUEST_NULL (completed, freed, or never started)
     */
    public boolean isNull() {
        return handle == NULL;
    }

    /**
     * Binds the resolved message to this request and returns the native address to give MPI: the memory itself,
     * or staging memory for heap arrays (a send's filled from the array now; a receive's landed on completion).
     * MPI_IN_PLACE and empty messages pass through.
     */
    long bind(MessageBuffer m, boolean receive) {
        return bind(m, receive, false);
    }

    /**
     * As {@link #bind(MessageBuffer, boolean)}; {@code arrived}: a point-to-point receive, completed only through
     * this class's wait and test calls, which hand {@link #completed(long)} the status that says what arrived.
     */
    long bind(MessageBuffer m, boolean receive, boolean arrived) {
        return bind(m, receive, arrived, 0);
    }

    /**
     * As {@link #bind(MessageBuffer, boolean, boolean)}, a staged heap array placed {@code skew} bytes past its
     * block's start. Blocks from 4 KiB are page aligned, which suits point-to-point (an 8 KiB message on two pages,
     * not three); one-sided origins take {@link #RMA_SKEW}.
     */
    long bind(MessageBuffer m, boolean receive, boolean arrived, int skew) {
        if (keep == null) {
            keep = m.owner();
        } else {
            keep2 = m.owner();
        }
        if (!m.isHeap()) {
            long address = m.address();
            AutoCloseable l = org.mpi4j.buffers.Buffers.retain(m.owner());
            if (lease == null) {
                lease = l;
            } else {
                lease2 = l;
            }
            return address;
        }
        Stage st = Staging.take(m.spanBytes() + skew);
        st.bytes = m.spanBytes();
        st.start = st.address + skew;
        st.array = m.base();
        st.arrayMsg = m.offset();
        st.stagedMsg = st.start - m.spanLow();
        st.count = m.totalCount();
        st.datatype = m.datatype();
        st.gapless = receive ? Staging.gapless(m) : 0;
        // a receive lands only its type map on completion (gaps stay the program's). A point-to-point receive lands
        // the bytes that arrived and nothing else; any other receive is staged from the array too, so the elements
        // it does not reach land with the values they had
        st.landing = !receive ? Stage.SEND : arrived && m.counts() == null ? Stage.ARRIVED : Stage.WHOLE;
        st.blocks = st.landing == Stage.WHOLE && m.counts() != null ? new Staging.Landing(m, st.stagedMsg) : null;
        st.next = stages;
        stages = st;
        st.copyIn();
        return st.stagedMsg;
    }

    /**
     * Bytes a one-sided origin's staging starts past a page: Open MPI's shared-memory windows begin 8 bytes past a page,
     * and a put copies from a page-aligned origin into them 1.3x slower (64 KiB) to 3x slower (8 KiB), the copy's loads
     * stalling on its own stores 8 bytes behind (4 KiB aliasing; C measured the same: 0.70 vs 0.53 us at 64 KiB).
     */
    static final int RMA_SKEW = 64;

    /** Native memory owned by this request until it completes, holding {@code values} (counts, displacements). */
    long ints(int[] values, int n) {
        long a = raw(4L * Math.max(n, 1));
        if (n > 0) {
            LibMpi.mpi4j_copy_to_native(values, LibMpi.KIND_ARRAY, 0, a, 4L * n);
        }
        return a;
    }

    /** Native memory owned by this request until it completes (an output MPI writes asynchronously). */
    long raw(long bytes) {
        Stage st = Staging.take(bytes);
        st.bytes = bytes;
        st.start = st.address;
        st.array = null;
        st.landing = Stage.SEND;
        st.blocks = null;
        st.next = stages;
        stages = st;
        return st.address;
    }

    /** Native memory owned by this request until it completes, holding {@code values} as MPI_Aint. */
    long aints(int[] values, int n) {
        long a = raw(8L * Math.max(n, 1));
        NativeScratch s = NativeScratch.get().ensure(ARRAYS_AT + 8 * n);
        for (int i = 0; i < n; i++) {
            s.putLong(ARRAYS_AT + 8 * i, values[i]);
        }
        LibMpi.mpi4j_memcpy(a, s.address(ARRAYS_AT), 8L * n);
        return a;
    }

    /** Native memory owned by this request until it completes, holding MPI_Datatype handles. */
    long handles(org.mpi4j.buffers.TypeDescriptor[] types, int n) {
        long a = raw((long) H * Math.max(n, 1));
        NativeScratch s = NativeScratch.get().ensure(ARRAYS_AT + H * n);
        for (int i = 0; i < n; i++) {
            s.putHandle(ARRAYS_AT + i * H, types[i].handle());
        }
        LibMpi.mpi4j_memcpy(a, s.address(ARRAYS_AT), (long) H * n);
        return a;
    }

    /** Refreshes staged memory from the arrays (a persistent request restarting). */
    void restage() {
        for (Stage st = stages; st != null; st = st.next) {
            st.copyIn();
        }
    }

    /**
     * Lands a completed point-to-point receive's staging ({@link Stage#ARRIVED}) in its array: the bytes that
     * {@code status} (the completion's native MPI_Status) says arrived. The wait and test calls call it as soon as MPI
     * returns, before {@link #completed()} and anything else that may reuse the scratch memory holding the status.
     */
    void arrived(long status) {
        for (Stage st = stages; st != null; st = st.next) {
            if (st.landing == Stage.ARRIVED) {
                st.land(status);
            }
        }
        if (mark != null) {
            mark.arrived(Status.bytesAt(status));
        }
    }

    /** Called once MPI reports completion: lands the other staged receives in their array, then lets go of the buffer. */
    void completed() {
        for (Stage st = stages; st != null; st = st.next) {
            if (st.landing == Stage.WHOLE) {
                st.land(0);
            }
        }
        if (!isPersistent()) {
            release();
        }
        if (userOp) {
            Op.rethrowPending();
        }
    }

    void release() {
        mark = null;
        Stage st = stages;
        stages = null;
        while (st != null) {
            Stage next = st.next;
            Staging.give(st);
            st = next;
        }
        keep = null;
        keep2 = null;
        AutoCloseable a = lease;
        AutoCloseable b = lease2;
        lease = null;
        lease2 = null;
        close(a);
        close(b);
    }

    private static void close(AutoCloseable l) {
        if (l != null) {
            try {
                l.close();
            } catch (Exception e) {
                throw new MPIException(ErrorClasses.ERR_BUFFER, "releasing a buffer after the request completed failed: " + e);
            }
        }
    }

    /** Forgets the native memory without freeing it: MPI may still read or write it. */
    void abandon() {
        stages = null;
        keep = null;
        keep2 = null;
        lease = null;   // never closed: the memory stays valid for whatever MPI still does with it
        lease2 = null;
    }

    boolean isPersistent() {
        return false;
    }

    /** MPI_Wait: blocks until the operation completes. */
    public void waitFor() {
        waitFor(null);
    }

    /** Marks this request as a point-to-point receive into {@code count} elements of {@code datatype}. */
    void receives(long count, long datatype) {
        recvCount = count;
        recvType = datatype;
    }

    /**
     * The status to give MPI: the caller's, or for a receive one of this thread's, to name a truncation's size and to
     * land what arrived.
     */
    private long statusFor(Status status, NativeScratch s) {
        if (status != null || recvCount < 0) {
            return Status.addressOf(status);
        }
        return s.address(STATUS_AT);
    }

    /** The exception for a failed completion: a truncated receive names both sizes. */
    private MPIException failed(int rc, String call, long status) {
        return recvCount < 0 ? MPIException.fromCode(rc) : MPIException.receiveFailed(rc, call, recvCount, recvType, status);
    }

    /**
     * MPI_Wait: blocks until the operation completes and fills {@code status}.
     *
     * @param status the status to fill (may be null)
     */
    public void waitFor(Status status) {
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        long st = statusFor(status, s);
        int rc = LibMpi.MPI_Wait(s.address(0), st);
        handle = s.getHandle(0);
        arrived(st);
        completed();
        if (rc != 0) {
            throw failed(rc, "wait", st);
        }
    }

    /**
     * MPI_Test: true (and the operation is completed) if it has finished.
     *
     * @return true (and the operation is completed) if it has finished
     */
    public boolean test() {
        return test(null);
    }

    /**
     * MPI_Test: true if the operation has finished, filling {@code status}.
     *
     * @param status the status to fill (may be null)
     * @return true if the operation has finished, filling {@code status}
     */
    public boolean test(Status status) {
        NativeScratch s = NativeScratch.get();
        s.putHandle(8, handle);
        long st = statusFor(status, s);
        int rc = LibMpi.MPI_Test(s.address(8), s.address(0), st);
        if (rc != 0) {
            handle = s.getHandle(8);
            if (handle == NULL) {
                arrived(st);
                completed();   // the operation completed in error: MPI freed the request
            }
            throw failed(rc, "test", st);
        }
        boolean done = s.getInt(0) != 0;
        handle = s.getHandle(8);
        if (done) {
            arrived(st);
            completed();
        }
        return done;
    }

    /**
     * MPI_Request_get_status: whether the operation has finished, without freeing the request.
     *
     * @param status the status to fill (may be null)
     * @return whether the operation has finished, without freeing the request
     */
    public boolean getStatus(Status status) {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Request_get_status(handle, s.address(0), Status.addressOf(status)));
        return s.getInt(0) != 0;
    }

    /** MPI_Cancel: asks MPI to cancel the operation; complete the request afterwards (wait/test). */
    public void cancel() {
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        MPIException.check(LibMpi.MPI_Cancel(s.address(0)));
    }

    /**
     * MPI_Request_free: lets go of the request. An active operation still completes in the background; its
     * staging memory (heap arrays) is then kept for the life of the process, since MPI may still use it.
     */
    public void free() {
        if (handle == NULL) {
            release();
            return;
        }
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        int rc = LibMpi.MPI_Request_free(s.address(0));
        handle = s.getHandle(0);
        MPIException.check(rc);
        abandon(); // deliberately not freed: MPI may still read or write it
    }

    /** Frees the request if it is still allocated (see {@link #free()}). */
    @Override
    public void close() {
        if (handle != NULL || stages != null) {
            free();
        }
    }

    // ------------------------------------------------------------------ many requests at once

    private static NativeScratch load(Request[] reqs, Status[] statuses) {
        int n = reqs.length;
        if (statuses != null && statuses.length < n) {
            throw new MPIException(ErrorClasses.ERR_ARG, "statuses has " + statuses.length + " entries for " + n + " requests");
        }
        NativeScratch s = NativeScratch.get().ensure(ARRAYS_AT + n * H + 8 + n * (Status.nativeSize() + 4));
        for (int i = 0; i < n; i++) {
            s.putHandle(ARRAYS_AT + i * H, reqs[i] == null ? NULL : reqs[i].handle);
        }
        return s;
    }

    private static int statusesAt(int n) {
        return (ARRAYS_AT + n * H + 7) & ~7;
    }

    private static int indicesAt(int n) {
        return statusesAt(n) + n * Status.nativeSize();
    }

    /**
     * Reads request {@code i}'s handle and status back from scratch and lands what a point-to-point receive got
     * ({@link #arrived}). Completion work ({@link #completed()}) runs only after every handle and status of a call has
     * been read, since it may itself use the scratch memory (an object request receives its remaining frames).
     */
    private static void collect(NativeScratch s, Request[] reqs, int i, Status[] statuses, int statusSlot) {
        Request r = reqs[i];
        long st = s.address(statusesAt(reqs.length) + statusSlot * Status.nativeSize());
        if (r != null) {
            r.handle = s.getHandle(ARRAYS_AT + i * H);
            r.arrived(st);
        }
        if (statuses != null && statuses[i] != null) {
            statuses[i].copyFrom(st);
        }
    }

    /** Completes request {@code i}, the one a waitAny or testAny finished, whose status MPI wrote at {@code status}. */
    private static void completeOne(NativeScratch s, Request[] reqs, int i, long status) {
        Request r = reqs[i];
        if (r != null) {
            r.handle = s.getHandle(ARRAYS_AT + i * H);
            r.arrived(status);
            r.completed();
        }
    }

    /**
     * True when request {@code i} of a call that returned {@code rc} did not complete (MPI_ERR_PENDING in its status):
     * it is still active, so it neither lands nor lets go of its memory.
     */
    private static boolean pending(int rc, NativeScratch s, int n, int i) {
        return rc == ErrorClasses.ERR_IN_STATUS
                && s.getInt(statusesAt(n) + i * Status.nativeSize() + LibMpi.offsetofStatusError()) == ErrorClasses.ERR_PENDING;
    }

    /** Completes requests 0..n-1 after collecting all of them; errors in statuses are checked before completion. */
    private static void completeAll(int rc, NativeScratch s, Request[] reqs, Status[] statuses, String call) {
        int n = reqs.length;
        // only an MPI_ERR_IN_STATUS return can leave requests pending (allocated only then)
        boolean[] active = rc == ErrorClasses.ERR_IN_STATUS ? new boolean[n] : null;
        for (int i = 0; i < n; i++) {
            if (active != null && pending(rc, s, n, i)) {
                active[i] = true;
                if (statuses != null && statuses[i] != null) {
                    statuses[i].copyFrom(s.address(statusesAt(n) + i * Status.nativeSize()));
                }
            } else {
                collect(s, reqs, i, statuses, i);
            }
        }
        RuntimeException failure = null;
        try {
            throwFromStatuses(rc, s, reqs, n, null, call);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = 0; i < n; i++) {
            if (reqs[i] != null && (active == null || !active[i])) {
                reqs[i].completed();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Throws the first error in the statuses of a multiple completion that returned MPI_ERR_IN_STATUS, else {@code rc}'s.
     * {@code done}: the request index of each status (waitSome, testSome: status k is request done[k]), null when
     * status i is request i ({@code reqs.length} of them). A truncated point-to-point receive names both sizes.
     */
    private static void throwFromStatuses(int rc, NativeScratch s, Request[] reqs, int valid, int[] done, String call) {
        int n = reqs.length;
        if (rc == ErrorClasses.ERR_IN_STATUS) {
            for (int k = 0; k < valid; k++) {
                int at = statusesAt(n) + k * Status.nativeSize();
                int err = s.getInt(at + LibMpi.offsetofStatusError());
                if (err != 0 && err != ErrorClasses.ERR_PENDING) {
                    Request r = reqs[done == null ? k : done[k]];
                    throw r != null ? r.failed(err, call, s.address(at)) : MPIException.fromCode(err);
                }
            }
        }
        MPIException.check(rc);
    }

    /**
     * MPI_Waitall: waits for every request.
     *
     * @param reqs the requests
     */
    public static void waitAll(Request... reqs) {
        waitAll(reqs, null);
    }

    /**
     * MPI_Waitall: waits for every request, filling {@code statuses[i]} (entries may be null).
     *
     * @param reqs the requests
     * @param statuses the statuses to fill, one per request (may be null)
     */
    public static void waitAll(Request[] reqs, Status[] statuses) {
        int n = reqs.length;
        NativeScratch s = load(reqs, statuses);
        int rc = LibMpi.mpi4j_waitall(n, s.address(ARRAYS_AT), s.address(statusesAt(n)));
        completeAll(rc, s, reqs, statuses, "waitAll");
    }

    /**
     * MPI_Testall: true (and all are completed) if every request has finished.
     *
     * @param reqs the requests
     * @return true (and all are completed) if every request has finished
     */
    public static boolean testAll(Request... reqs) {
        return testAll(reqs, null);
    }

    /**
     * MPI_Testall with statuses.
     *
     * @param reqs the requests
     * @param statuses the statuses to fill, one per request (may be null)
     * @return true (and all are completed) if every request has finished
     */
    public static boolean testAll(Request[] reqs, Status[] statuses) {
        int n = reqs.length;
        NativeScratch s = load(reqs, statuses);
        int rc = LibMpi.MPI_Testall(n, s.address(ARRAYS_AT), s.address(0), s.address(statusesAt(n)));
        boolean done = s.getInt(0) != 0;
        if (done) {
            completeAll(rc, s, reqs, statuses, "testAll");
        } else {
            throwFromStatuses(rc, s, reqs, n, null, "testAll");
        }
        return done;
    }

    /**
     * MPI_Waitany: waits for one request; returns its index, or MPI.UNDEFINED if none was active.
     *
     * @param reqs the requests
     * @return its index, or MPI.UNDEFINED if none was active
     */
    public static int waitAny(Request... reqs) {
        return waitAny(reqs, null);
    }

    /**
     * MPI_Waitany with the completed request's status.
     *
     * @param reqs the requests
     * @param status the status to fill (may be null)
     * @return the index of the request that completed, or MPI.UNDEFINED if none was active
     */
    public static int waitAny(Request[] reqs, Status status) {
        int n = reqs.length;
        NativeScratch s = load(reqs, null);
        long st = status != null ? Status.addressOf(status) : s.address(statusesAt(n));
        int rc = LibMpi.MPI_Waitany(n, s.address(ARRAYS_AT), s.address(0), st);
        int index = s.getInt(0);
        if (index >= 0 && index < n) {
            completeOne(s, reqs, index, st);
            if (rc != 0 && reqs[index] != null) {
                throw reqs[index].failed(rc, "waitAny", st);   // a truncated receive names both sizes
            }
        }
        MPIException.check(rc);
        return index;
    }

    /**
     * MPI_Testany: index of a completed request, -1 if none has finished yet, MPI.UNDEFINED if none was active.
     *
     * @param reqs the requests
     * @return index of a completed request, -1 if none has finished yet, MPI.UNDEFINED if none was active
     */
    public static int testAny(Request... reqs) {
        return testAny(reqs, null);
    }

    /**
     * MPI_Testany with the completed request's status.
     *
     * @param reqs the requests
     * @param status the status to fill (may be null)
     * @return the test any
     */
    public static int testAny(Request[] reqs, Status status) {
        int n = reqs.length;
        NativeScratch s = load(reqs, null);
        long st = status != null ? Status.addressOf(status) : s.address(statusesAt(n));
        int rc = LibMpi.MPI_Testany(n, s.address(ARRAYS_AT), s.address(0), s.address(4), st);
        int index = s.getInt(0);
        boolean flag = s.getInt(4) != 0;
        if (flag && index >= 0 && index < n) {
            completeOne(s, reqs, index, st);   // also when it failed: it is complete, its memory goes back
            if (rc != 0 && reqs[index] != null) {
                throw reqs[index].failed(rc, "testAny", st);   // a truncated receive names both sizes
            }
        }
        MPIException.check(rc);
        return flag ? index : -1;
    }

    /**
     * MPI_Waitsome: waits for at least one; returns the indices completed, or null if none was active.
     *
     * @param reqs the requests
     * @return the indices completed, or null if none was active
     */
    public static int[] waitSome(Request... reqs) {
        return waitSome(reqs, null);
    }

    /**
     * MPI_Waitsome with statuses: {@code statuses[i]} is filled for each completed index i.
     *
     * @param reqs the requests
     * @param statuses the statuses to fill, one per request (may be null)
     * @return {@code statuses[i]} is filled for each completed index i
     */
    public static int[] waitSome(Request[] reqs, Status[] statuses) {
        int n = reqs.length;
        NativeScratch s = load(reqs, statuses);
        int rc = LibMpi.MPI_Waitsome(n, s.address(ARRAYS_AT), s.address(0), s.address(indicesAt(n)), s.address(statusesAt(n)));
        return some(rc, s, reqs, statuses, "waitSome");
    }

    /**
     * MPI_Testsome: the indices completed so far (maybe none), or null if none was active.
     *
     * @param reqs the requests
     * @return the indices completed so far (maybe none), or null if none was active
     */
    public static int[] testSome(Request... reqs) {
        return testSome(reqs, null);
    }

    /**
     * MPI_Testsome with statuses.
     *
     * @param reqs the requests
     * @param statuses the statuses to fill, one per request (may be null)
     * @return the indices of the completed requests (empty if none; null if none was active)
     */
    public static int[] testSome(Request[] reqs, Status[] statuses) {
        int n = reqs.length;
        NativeScratch s = load(reqs, statuses);
        int rc = LibMpi.MPI_Testsome(n, s.address(ARRAYS_AT), s.address(0), s.address(indicesAt(n)), s.address(statusesAt(n)));
        return some(rc, s, reqs, statuses, "testSome");
    }

    private static int[] some(int rc, NativeScratch s, Request[] reqs, Status[] statuses, String call) {
        int n = reqs.length;
        int outcount = s.getInt(0);
        if (outcount == MPI.UNDEFINED) {
            MPIException.check(rc);
            return null;
        }
        int[] idx = new int[outcount];
        for (int k = 0; k < outcount; k++) {
            idx[k] = s.getInt(indicesAt(n) + 4 * k);
        }
        for (int k = 0; k < outcount; k++) {
            Request r = reqs[idx[k]];
            long st = s.address(statusesAt(n) + k * Status.nativeSize());
            if (r != null) {
                r.handle = s.getHandle(ARRAYS_AT + idx[k] * H);
                r.arrived(st);
            }
            if (statuses != null && statuses[idx[k]] != null) {
                statuses[idx[k]].copyFrom(st);
            }
        }
        RuntimeException failure = null;
        try {
            throwFromStatuses(rc, s, reqs, outcount, idx, call);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int k = 0; k < outcount; k++) {
            if (reqs[idx[k]] != null) {
                reqs[idx[k]].completed();
            }
        }
        if (failure != null) {
            throw failure;
        }
        return idx;
    }
}
