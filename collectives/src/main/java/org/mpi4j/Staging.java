package org.mpi4j;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.PerThread;
import org.mpi4j.buffers.TypeDescriptor;
import org.mpi4j.jni.LibMpi;

/**
 * How Java heap arrays meet MPI. MPI needs a stable address, and a heap array has one only while it is pinned (JNI
 * critical). A pin held across a call that waits for other processes stalls every other thread of the JVM that needs
 * a garbage collection on most collectors, and if one of those threads is the one whose message the wait needs, the
 * job deadlocks. So a heap array is pinned only for copies: it is staged in native memory, copied in when it is sent
 * and landed when it was received. Landing writes only the bytes of the datatype's type map: the gaps of a vector or
 * indexed type (a column halo, say) are never written, so whatever the program keeps there stays intact.
 *
 * <p>Nonblocking and persistent requests own their staging memory ({@link Request}). Blocking calls use this
 * thread's two reusable areas (send side, receive side), so they allocate nothing per call; an area above 64 MiB is
 * given back after the call.
 *
 * <p>Where pinning cannot stall the collector (G1 on JDK 22 and later pins regions instead of blocking GC), blocking
 * calls keep pinning the array for the call, zero copy. The system property {@code mpi4j.pinArrays} overrides the
 * choice: {@code true} pins for every blocking call (safe when no other thread of the rank allocates while one waits
 * in MPI), {@code false} always stages, {@code auto} (default) decides by collector.
 */
final class Staging {
    /** True when blocking calls pin heap arrays for the call instead of staging them. */
    static final boolean PIN = decide();
    private static final long KEEP = 64L << 20;
    private static final PerThread<Staging> LOCAL = new PerThread<>(Staging::new);

    private final long[] area = new long[2];
    private final long[] capacity = new long[2];
    /** True while an area is above the size kept between calls ({@link #trim} gives it back). */
    private boolean big;
    /** The receive the current blocking call stages: its array, message offset in it, and staged message address. */
    private MessageBuffer pending;
    private Object pendingArray;
    private long pendingArrayMsg;
    private long pendingStagedMsg;
    private Status status;

    /** This thread's message buffers for blocking point-to-point calls (see {@link #local}). */
    private final MessageBuffer sendSlot = new MessageBuffer();
    private final MessageBuffer recvSlot = new MessageBuffer();

    private Staging() { }

    /**
     * This thread's staging state, for the blocking point-to-point calls that look it up once per call and use the
     * instance methods ({@link #sendBuffer}, {@link #recvBuffer}, {@link #recvStatusFor}, {@link #landedHere}): each
     * per-thread lookup costs a few nanoseconds (the first thread's less, see {@link PerThread}), and a small message's
     * whole overhead over C is ~20 ns.
     */
    static Staging local() {
        return LOCAL.get();
    }

    /** {@link Buffers#forSend} then {@link #send}, on this thread's state. */
    MessageBuffer sendBuffer(Object buf) {
        MessageBuffer m = Buffers.forSend(buf, sendSlot);
        return PIN ? m : stageSend(m);
    }

    /** {@link Buffers#forArrival} then {@link #recv} (no copy-in), on this thread's state. */
    MessageBuffer recvBuffer(Object buf) {
        MessageBuffer m = Buffers.forArrival(buf, recvSlot);
        return PIN ? m : stageRecv(m, false);
    }

    /** {@link #alwaysSend} on this thread's state. */
    private MessageBuffer stageSend(MessageBuffer m) {
        pending = null;
        if (m.isHeap()) {
            stage(m, 0, true);
        }
        return m;
    }

    /** {@link #alwaysRecv} on this thread's state. */
    private MessageBuffer stageRecv(MessageBuffer m, boolean copyIn) {
        if (!m.isHeap()) {
            pending = null;
            return m;
        }
        pendingArray = m.base();
        pendingArrayMsg = m.offset();
        pendingStagedMsg = stage(m, 1, copyIn);
        pending = m;
        return m;
    }

    /** {@link #recvStatus}, on this thread's state. */
    long recvStatusFor(Status user) {
        if (user != null) {
            return Status.addressOf(user);
        }
        if (status == null) {
            status = new Status();
        }
        return status.address();
    }

    /**
     * After a blocking point-to-point receive (or file read) into {@code m} succeeded with status {@code st} (from
     * {@link #recvStatus}{@code (user)}): the provider marks the bytes that arrived (Arrow validity). Does nothing
     * unless {@code m.marksOnArrival()}.
     */
    static void arrived(MessageBuffer m, Status user, long st) {
        if (m.marksOnArrival()) {
            m.arrived(Status.bytesAt(user != null ? user : local().status, st));
        }
    }

    /** {@link #landed}, on this thread's state. */
    void landedHere(int rc, long st) {
        if (!PIN) {
            landedOn(this, rc, st);
        }
    }

    private static boolean decide() {
        String p = System.getProperty("mpi4j.pinArrays", "auto");
        if (p.equals("true") || p.equals("false")) {
            return Boolean.parseBoolean(p);
        }
        if (Runtime.version().feature() < 22) {
            return false;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("G1")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stages a heap array that a blocking call sends (copied in now); any other memory passes through. It starts a
     * call: a receive staged by an earlier call that never reached {@link #landed} is forgotten.
     */
    static MessageBuffer send(MessageBuffer m) {
        return PIN ? m : alwaysSend(m);
    }

    /** As {@link #send}, staging a heap array whatever {@link #PIN} says (calls whose address must be native). */
    static MessageBuffer alwaysSend(MessageBuffer m) {
        return local().stageSend(m);
    }

    /**
     * Stages a heap array that a blocking call receives into; {@link #landed} lands it after the call.
     * {@code copyIn} when the array is input too (MPI_IN_PLACE on the other side, sendrecv_replace).
     */
    static MessageBuffer recv(MessageBuffer m, boolean copyIn) {
        if (PIN) {
            return m;
        }
        return alwaysRecv(m, copyIn);
    }

    /** As {@link #recv}, staging a heap array whatever {@link #PIN} says; land it with {@link #alwaysLanded}. */
    static MessageBuffer alwaysRecv(MessageBuffer m, boolean copyIn) {
        return local().stageRecv(m, copyIn);
    }

    /**
     * The status to give a blocking receive: the caller's, or this thread's own while a staged receive needs to know
     * how many bytes arrived (MPI_STATUS_IGNORE otherwise).
     */
    static long status(Status user) {
        if (PIN) {
            return Status.addressOf(user);
        }
        return alwaysStatus(user);
    }

    /**
     * The status to give a blocking point-to-point receive: the caller's, or this thread's own, so that a truncated
     * receive can name the size of the message (see {@link MPIException#receiveFailed}) and a staged receive knows how
     * many bytes arrived.
     */
    static long recvStatus(Status user) {
        return user != null ? Status.addressOf(user) : local().recvStatusFor(null);
    }

    /** As {@link #status}, for a receive staged by {@link #alwaysRecv}. */
    static long alwaysStatus(Status user) {
        if (user != null) {
            return Status.addressOf(user);
        }
        Staging st = local();
        if (st.pending == null) {
            return Status.addressOf(null);
        }
        if (st.status == null) {
            st.status = new Status();
        }
        return st.status.address();
    }

    /**
     * After a blocking call: lands the staged receive, if any, when the call succeeded ({@code status}: the bytes it
     * delivered are read from it; 0 or MPI_STATUS_IGNORE for a collective, which always fills the whole message).
     * Then gives back areas above 64 MiB.
     */
    static void landed(int rc, long status) {
        if (!PIN) {
            alwaysLanded(rc, status);
        }
    }

    /** As {@link #landed}, after {@link #alwaysSend} / {@link #alwaysRecv}. */
    static void alwaysLanded(int rc, long status) {
        landedOn(local(), rc, status);
    }

    private static void landedOn(Staging st, int rc, long status) {
        MessageBuffer m = st.pending;
        if (m == null && !st.big) {
            return;
        }
        if (m != null) {
            st.pending = null;
            Object array = st.pendingArray;
            st.pendingArray = null;
            if (rc == 0) {
                land(array, st.pendingArrayMsg, st.pendingStagedMsg, m.totalCount(), m.datatype(), gapless(m), m.counts(),
                        m.displs(), m.types(), extentOf(m), status == Status.addressOf(null) ? 0 : status);
            }
        }
        st.trim();
    }

    /** Releases areas above the size kept between calls. */
    private void trim() {
        big = false;
        for (int i = 0; i < 2; i++) {
            if (capacity[i] > KEEP) {
                LibMpi.mpi4j_free(area[i]);
                area[i] = 0;
                capacity[i] = 0;
            }
        }
    }

    private long stage(MessageBuffer m, int slot, boolean copyIn) {
        long bytes = m.spanBytes();
        if (bytes > capacity[slot]) {
            if (area[slot] != 0) {
                LibMpi.mpi4j_free(area[slot]);
                area[slot] = 0;
                capacity[slot] = 0;
            }
            // huge pages from 1 MiB on (MPI copies large messages faster), page aligned below
            long a = bytes >= 1L << 20 ? LibMpi.mpi4j_alloc_huge(bytes) : LibMpi.mpi4j_malloc_aligned(bytes);
            if (a == 0) {
                throw new MPIException(ErrorClasses.ERR_NO_MEM, "cannot allocate " + bytes + " bytes to stage a heap array");
            }
            area[slot] = a;
            capacity[slot] = bytes;
            big |= bytes > KEEP;
        }
        if (copyIn && bytes > 0) {
            LibMpi.mpi4j_copy_to_native(m.base(), LibMpi.KIND_ARRAY, m.offset() + m.spanLow(), area[slot], bytes);
        }
        long msg = area[slot] - m.spanLow();
        m.relocate(msg);
        return msg;
    }

    /** The smallest pooled block, 256 bytes (a power of two). */
    private static final int POOL_MIN_SHIFT = 8;
    /** The largest pooled block, 64 KiB: larger staging is allocated per request (its copies dwarf a malloc). */
    private static final int POOL_MAX_SHIFT = 16;
    /** Blocks kept per size: a few requests in flight at once reuse theirs; at most 8 x 128 KiB are kept in all. */
    private static final int POOL_SLOTS = 8;
    /**
     * Requests' staging blocks, kept for reuse with their {@link Request.Stage} objects, slot by slot per power-of-two
     * size. Shared by all threads, lock-free: a request may complete on another thread than the one that started it.
     */
    private static final AtomicReferenceArray<Request.Stage> POOL =
            new AtomicReferenceArray<>((POOL_MAX_SHIFT - POOL_MIN_SHIFT + 1) * POOL_SLOTS);

    /**
     * A block of at least {@code bytes} bytes of native memory for a request, from the pool when one is free: the
     * caller sets every other field. Blocks above 64 KiB are allocated per request, from 2 MiB {@link LibMpi#mpi4j_alloc_huge}'s.
     */
    static Request.Stage take(long bytes) {
        if (bytes > 1L << POOL_MAX_SHIFT) {
            // per request: below 2 MiB page-aligned small pages (a fresh huge page's fault and zeroing would cost more than the
            // faster copy saves: put of 1 MiB from an array 36 -> 88 us, measured), whole huge pages from 2 MiB
            long a = bytes < 2L << 20 ? LibMpi.mpi4j_malloc_aligned(bytes) : LibMpi.mpi4j_alloc_huge(bytes);
            if (a == 0) {
                throw new MPIException(ErrorClasses.ERR_NO_MEM, "cannot allocate " + bytes + " bytes to stage a heap array");
            }
            return new Request.Stage(a, bytes, -1);
        }
        int c = bytes <= 1L << POOL_MIN_SHIFT ? 0 : 64 - Long.numberOfLeadingZeros(bytes - 1) - POOL_MIN_SHIFT;
        for (int i = c * POOL_SLOTS, end = i + POOL_SLOTS; i < end; i++) {
            Request.Stage st = POOL.get(i);
            if (st != null && POOL.compareAndSet(i, st, null)) {
                return st;
            }
        }
        long capacity = 1L << (c + POOL_MIN_SHIFT);
        long a = LibMpi.mpi4j_malloc_aligned(capacity);   // page aligned from 4 KiB: MPI copies it faster
        if (a == 0) {
            throw new MPIException(ErrorClasses.ERR_NO_MEM, "cannot allocate " + capacity + " bytes to stage a heap array");
        }
        return new Request.Stage(a, capacity, c);
    }

    /** Gives a request's block back: to the pool when it has room (the references it held dropped), else freed. */
    static void give(Request.Stage st) {
        st.next = null;
        st.array = null;
        st.blocks = null;
        if (st.sizeClass >= 0) {
            for (int i = st.sizeClass * POOL_SLOTS, end = i + POOL_SLOTS; i < end; i++) {
                if (POOL.get(i) == null && POOL.compareAndSet(i, null, st)) {
                    return;
                }
            }
        }
        LibMpi.mpi4j_free(st.address);
    }

    /** Bytes between consecutive elements of a v message: the datatype's extent, or the element size. */
    static long extentOf(MessageBuffer m) {
        return m.type() != null ? m.type().extent() : m.elementType().size();
    }

    /**
     * Bytes per element when a single message's elements lie back to back from its start with no gaps (a datatype
     * discovered from the buffer, or an explicit one with that layout), else 0: landing it is then one copy.
     */
    static long gapless(MessageBuffer m) {
        TypeDescriptor t = m.type();
        if (m.counts() != null) {
            return 0;
        }
        if (t == null) {
            return m.elementType().size();
        }
        long size = t.size();
        return t.trueLowerBound() == 0 && t.trueExtent() == size && (m.totalCount() <= 1 || t.extent() == size) ? size : 0;
    }

    /**
     * Writes a received message from staging into its array, type-map bytes only: one message of {@code count}
     * elements ({@code gapless}: see {@link #gapless}), or the blocks of a v message (displacements in extents) or w
     * message (byte displacements, a type each). A non-zero {@code status} caps a single message at the bytes that
     * receive delivered (0: all of it).
     */
    static void land(Object array, long arrayMsg, long stagedMsg, long count, long datatype, long gapless, int[] counts,
                     int[] displs, TypeDescriptor[] types, long extent, long status) {
        if (counts == null) {
            MPIException.check(LibMpi.mpi4j_land(array, arrayMsg, stagedMsg, count, datatype, status, gapless));
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            long d = types != null ? displs[i] : displs[i] * extent;
            long t = types != null ? types[i].handle() : datatype;
            MPIException.check(LibMpi.mpi4j_land(array, arrayMsg + d, stagedMsg + d, counts[i], t, 0, 0));
        }
    }

    /** A receive's landing kept by a request until it completes (the message buffer slot is reused meanwhile). */
    static final class Landing {
        private final Object array;
        private final long arrayMsg;
        private final long stagedMsg;
        private final long count;
        private final long datatype;
        private final int[] counts;
        private final int[] displs;
        private final TypeDescriptor[] types;
        private final long extent;

        Landing(MessageBuffer m, long stagedMsg) {
            this.array = m.base();
            this.arrayMsg = m.offset();
            this.stagedMsg = stagedMsg;
            this.count = m.totalCount();
            this.datatype = m.datatype();
            this.counts = m.counts() == null ? null : m.counts().clone();
            this.displs = m.displs() == null ? null : m.displs().clone();
            this.types = m.types() == null ? null : m.types().clone();
            this.extent = extentOf(m);
        }

        void land() {
            Staging.land(array, arrayMsg, stagedMsg, count, datatype, 0, counts, displs, types, extent, 0);
        }
    }
}
