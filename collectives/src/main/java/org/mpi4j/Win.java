package org.mpi4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.buffers.TypeDescriptor;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Win: a window of memory that the other processes of a communicator read and write with one-sided
 * communication (MPI's RMA chapter).
 *
 * <p><b>Creating one.</b> {@link #create} exposes memory that never moves: a direct NIO buffer, an Arrow vector or
 * ArrowBuf, an ND4J array (through their buffer providers' addresses), or a raw address. A Java heap array is
 * refused (the garbage collector moves it while other ranks would write into it). {@link #allocate} lets MPI allocate
 * the memory and hands it back as a direct {@link ByteBuffer} ({@link #getBuffer()}); {@link #allocateShared} does
 * the same in memory that every rank of a shared-memory communicator maps, and {@link #sharedQuery} gives a peer's
 * segment as a ByteBuffer; {@link #createDynamic} starts empty and memory is {@link #attach attached} later.
 * Every window mpi4j makes has ERRORS_RETURN, so errors are {@link MPIException}s. Free it with {@link #free()} or
 * try-with-resources (MPI_Win_free is collective).
 *
 * <p><b>Safety.</b> At creation every rank's window size and displacement unit are exchanged (one allgather), so a
 * put, get or accumulate whose target bytes ({@code targetDisp x dispUnit} plus the span of {@code targetCount}
 * elements of the target datatype, computed with overflow checks) fall outside the target's window is refused in
 * Java with MPI_ERR_RMA_RANGE before MPI sees it. In a dynamic window the displacements are absolute addresses in
 * memory the target attached, and neither Open MPI nor MPICH refuses an address outside it: mpi4j publishes every
 * rank's attached regions (up to 255 at once) in a small companion window, and an origin refuses an access that no
 * region of the target covers, reading the target's list again (a shared lock and a get) only when the list it read
 * last does not cover the access. {@link #attach} and {@link #detach} stay local calls, as in MPI; an access to memory
 * the target detached since the origin last read its list is not caught (MPI makes it erroneous). Windows wrapped with
 * {@link #fromHandle} are not range-checked. Any call on a freed window is an MPIException (MPI_ERR_WIN).
 *
 * <p><b>Origin buffers</b> go through the one resolution path ({@link Buffers}), so any buffer kind works with
 * discovered count and datatype, or a {@link org.mpi4j.buffers.BufferSpec}. An RMA operation completes only at the
 * synchronisation that ends it (fence, complete, unlock, flush...), while the heap array an origin may be must not be
 * pinned across such a wait. So mpi4j <b>stages heap arrays</b>: a put or accumulate copies the array to native memory
 * that the window owns when the call is made (changing the array afterwards changes nothing that is sent), and a get
 * lands in the array when the operation completes: at {@link #fence}, {@link #complete}, {@link #unlockAll},
 * {@link #flushAll}, {@link #flushLocalAll} or {@link #free} for every pending operation, at {@link #unlock},
 * {@link #flush} or {@link #flushLocal} for those to that target. Until then the array holds its old values.
 * Off-heap origins are used in place and stay referenced (Arrow memory retained, an INDArray not closeable) until
 * their completion; a direct NIO buffer, which only needs to stay reachable, stays referenced a little longer: until an
 * operation to the same target uses another buffer and a synchronisation follows, or the window is freed (so a loop
 * of operations on one buffer takes no lock and allocates nothing). The request forms ({@link #rput}...) stage the same way and land when the {@link Request}
 * completes.
 */
public final class Win implements AutoCloseable {
    static final long NULL = LibMpi.MPI_WIN_NULL();

    /** MPI_LOCK_EXCLUSIVE: lock type for {@link #lock}. */
    public static final int LOCK_EXCLUSIVE = LibMpi.MPI_LOCK_EXCLUSIVE();
    /** MPI_LOCK_SHARED: lock type for {@link #lock}. */
    public static final int LOCK_SHARED = LibMpi.MPI_LOCK_SHARED();
    /** MPI_MODE_NOCHECK: assertion for lock, start and post. */
    public static final int MODE_NOCHECK = LibMpi.MPI_MODE_NOCHECK();
    /** MPI_MODE_NOSTORE: assertion for fence and post. */
    public static final int MODE_NOSTORE = LibMpi.MPI_MODE_NOSTORE();
    /** MPI_MODE_NOPUT: assertion for fence and post. */
    public static final int MODE_NOPUT = LibMpi.MPI_MODE_NOPUT();
    /** MPI_MODE_NOPRECEDE: assertion for fence. */
    public static final int MODE_NOPRECEDE = LibMpi.MPI_MODE_NOPRECEDE();
    /** MPI_MODE_NOSUCCEED: assertion for fence. */
    public static final int MODE_NOSUCCEED = LibMpi.MPI_MODE_NOSUCCEED();
    /** MPI_WIN_FLAVOR_CREATE: made by {@link #create}. */
    public static final int FLAVOR_CREATE = LibMpi.MPI_WIN_FLAVOR_CREATE();
    /** MPI_WIN_FLAVOR_ALLOCATE: made by {@link #allocate}. */
    public static final int FLAVOR_ALLOCATE = LibMpi.MPI_WIN_FLAVOR_ALLOCATE();
    /** MPI_WIN_FLAVOR_DYNAMIC: made by {@link #createDynamic}. */
    public static final int FLAVOR_DYNAMIC = LibMpi.MPI_WIN_FLAVOR_DYNAMIC();
    /** MPI_WIN_FLAVOR_SHARED: made by {@link #allocateShared}. */
    public static final int FLAVOR_SHARED = LibMpi.MPI_WIN_FLAVOR_SHARED();
    /** MPI_WIN_SEPARATE: memory model with separate public and private copies. */
    public static final int SEPARATE = LibMpi.MPI_WIN_SEPARATE();
    /** MPI_WIN_UNIFIED: memory model where public and private copies are the same memory. */
    public static final int UNIFIED = LibMpi.MPI_WIN_UNIFIED();

    private static final int ERR_WIN = ErrorClasses.ERR_WIN;
    private static final int ERR_RMA_RANGE = ErrorClasses.ERR_RMA_RANGE;
    private static final int ERR_RMA_FLAVOR = ErrorClasses.ERR_RMA_FLAVOR;

    /** Windows mpi4j made and has not freed, by native handle: fromHandle of one of them gives that object back. */
    private static final java.util.Map<Long, Win> LIVE = new java.util.concurrent.ConcurrentHashMap<>();

    long handle;
    private final int flavor;
    /** This rank's window memory: base address and bytes (0, 0 for a dynamic window). */
    private final long base;
    private final long size;
    private final int dispUnit;
    /** Every rank's window bytes and displacement unit (null for dynamic windows: not range-checked). */
    private final long[] sizes;
    private final int[] units;
    private final int commSize;
    /** The memory as a ByteBuffer (allocate and allocateShared), and what keeps created-over memory alive. */
    private final ByteBuffer buffer;
    private Object keep;
    private AutoCloseable lease;
    /**
     * Operations bound but not yet completed by a synchronisation, newest first: their staging, leases and
     * references. Guarded by this window's lock; read without it only to see whether it is empty.
     */
    private volatile Pending pending;
    /** How many operations were issued (the last one's {@link Pending#issued}); written under the lock. */
    private volatile long issueSeq;
    /** Entries of {@link #pending} whose MPI call has not returned yet (issued == 0); written under the lock. */
    private volatile int unissued;
    /**
     * Per target rank, the off-heap owner (a direct NIO buffer...) of the last blocking-form operation to it that
     * only needs to stay reachable: kept until another owner takes its place, then in {@link #pending} until a
     * synchronisation completes it. Null for a window wrapped from elsewhere (its group size unknown).
     */
    private final Object[] held;
    private static final java.lang.invoke.VarHandle HELD = java.lang.invoke.MethodHandles.arrayElementVarHandle(Object[].class);

    /**
     * One incomplete operation's memory, to complete for {@code target}: staging and landing (and provider leases) in
     * {@code holder}, or just the off-heap {@code owner} kept referenced (holder null).
     */
    private static final class Pending {
        final int target;
        final Request holder;
        final Object owner;
        /** The thread whose call bound it (a failed call drops only its own). */
        final Thread thread;
        /** The issue count when its MPI call returned; 0 while it has not. */
        long issued;
        /** The provider's lease on off-heap {@code owner} (Arrow memory retained...), closed at completion. */
        AutoCloseable lease;
        Pending next;

        Pending(int target, Request holder, Object owner, Thread thread) {
            this.target = target;
            this.holder = holder;
            this.owner = owner;
            this.thread = thread;
        }
    }

    private Win(long handle, int flavor, long base, long size, int dispUnit, long[] sizes, int[] units, int commSize,
                ByteBuffer buffer) {
        this.handle = handle;
        this.flavor = flavor;
        this.base = base;
        this.size = size;
        this.dispUnit = dispUnit;
        this.sizes = sizes;
        this.units = units;
        this.commSize = commSize;
        this.buffer = buffer;
        this.held = commSize == Integer.MAX_VALUE ? null : new Object[commSize];
        if (sizes != null || flavor == FLAVOR_DYNAMIC && commSize != Integer.MAX_VALUE) {
            LIVE.put(handle, this);
        }
    }

    // ------------------------------------------------------------------ creation

    /**
     * MPI_Win_create over {@code memory} (collective over {@code comm}), with the displacement unit the memory's
     * element size (8 for a DoubleBuffer or a Float8Vector, 1 for a ByteBuffer or ArrowBuf) and no info hints.
     *
     * @param memory a direct NIO buffer, Arrow vector or ArrowBuf, ND4J array, a BufferSpec over one of them, or null
     *     for a rank that exposes no memory; a Java heap array or heap NIO buffer is an MPIException
     * @param comm   the intracommunicator whose processes access the window
     * @return the new window
     */
    public static Win create(Object memory, Intracomm comm) {
        return create(memory, -1, Info.NULL, comm);
    }

    /**
     * MPI_Win_create over {@code memory} (collective over {@code comm}).
     *
     * @param memory   a direct NIO buffer, Arrow vector or ArrowBuf, ND4J array, a BufferSpec over one of them, or
     *     null for a rank that exposes no memory; a Java heap array or heap NIO buffer is refused
     * @param dispUnit bytes per unit of target displacement at this rank (-1: the memory's element size)
     * @param info     hints (Info.NULL for none)
     * @param comm     the intracommunicator whose processes access the window
     * @return the new window
     */
    public static Win create(Object memory, int dispUnit, Info info, Intracomm comm) {
        long h = comm.handle();
        MessageBuffer m = Buffers.resolve(memory, new MessageBuffer(), true);
        if (m.isHeap()) {
            Object what = m.owner() != null ? m.owner() : memory;
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a Java heap " + describe(what) + " cannot be window"
                    + " memory: the garbage collector may move it while other ranks access it. Use a direct ByteBuffer"
                    + " (ByteBuffer.allocateDirect), an Arrow vector, an ND4J array, Win.allocate (MPI allocates),"
                    + " MPI.allocMem, or Win.create(address, size, dispUnit, info, comm)");
        }
        if (m.isStrided()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a non-contiguous view cannot be window memory: a window"
                    + " is one contiguous range; use the whole array (or a dup() of the view)");
        }
        long address = m.spanBytes() == 0 ? 0 : m.address() + m.spanLow();
        long bytes = m.spanBytes();
        int unit = dispUnit < 0 ? (int) Math.max(1, m.elementType().size()) : dispUnit;
        AutoCloseable l = Buffers.retain(m.owner());
        Win w;
        try {
            w = create(h, address, bytes, unit, info, comm);
        } catch (RuntimeException e) {
            closeQuietly(l);
            throw e;
        }
        w.keep = m.owner();
        w.lease = l;
        return w;
    }

    /**
     * MPI_Win_create over raw native memory (collective over {@code comm}). The memory must stay valid until the
     * window is freed; mpi4j cannot check that.
     *
     * @param address  native address of the first byte (0 with size 0 for no memory)
     * @param size     bytes exposed at this rank
     * @param dispUnit bytes per unit of target displacement at this rank
     * @param info     hints (Info.NULL for none)
     * @param comm     the intracommunicator whose processes access the window
     * @return the new window
     */
    public static Win create(long address, long size, int dispUnit, Info info, Intracomm comm) {
        return create(comm.handle(), address, size, dispUnit, info, comm);
    }

    private static Win create(long h, long address, long size, int dispUnit, Info info, Intracomm comm) {
        checkShape(size, dispUnit);
        NativeScratch s = NativeScratch.get();
        checkOsc(LibMpi.MPI_Win_create(address, size, dispUnit, info.handle(), h, s.address(0)), comm);
        return finish(s.getHandle(0), FLAVOR_CREATE, address, size, dispUnit, comm, null);
    }

    /**
     * MPI_Win_allocate (collective over {@code comm}): MPI allocates {@code size} bytes at this rank; they are the
     * window's memory and {@link #getBuffer()} (a direct ByteBuffer in native byte order) until the window is freed.
     *
     * @param size     bytes at this rank (may differ between ranks, may be 0)
     * @param dispUnit bytes per unit of target displacement at this rank
     * @param info     hints (Info.NULL for none)
     * @param comm     the intracommunicator whose processes access the window
     * @return MPI allocates {@code size} bytes at this rank; they are the window's memory and {@link #getBuffer()} (a direct ByteBuffer in native byte order) until the window is freed
     */
    public static Win allocate(long size, int dispUnit, Info info, Intracomm comm) {
        long h = comm.handle();
        checkShape(size, dispUnit);
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_allocate(allocateBytes(size), dispUnit, info.handle(), h, s.address(8), s.address(0)));
        long b = s.getLong(8);
        return finish(s.getHandle(0), FLAVOR_ALLOCATE, b, size, dispUnit, comm, wrap(b, size));
    }

    /** Null until the first {@link #allocate}: whether the MPI is MPICH, whose MPI_Win_allocate needs padding. */
    private static volatile Boolean padAllocate;

    /**
     * The bytes to ask MPI_Win_allocate for. MPICH 4.0.2 (ch4, shared memory) puts the ranks' segments back to back
     * but addresses a target whose segment does not start on a 16-byte boundary 8 bytes too low: with 24 bytes per
     * rank, a get from rank 1 at displacement 0 reads rank 0's last double (WinRanks on 2-4 ranks; the same in C, and
     * not with MPI_Win_allocate_shared). So on MPICH mpi4j asks for a multiple of 16 bytes, every segment starts
     * aligned, and the window stays {@code size} bytes for every bounds check, {@link #getBuffer()} and {@link #getSize()}.
     */
    private static long allocateBytes(long size) {
        Boolean pad = padAllocate;
        if (pad == null) {
            padAllocate = pad = MPI.getLibraryVersion().startsWith("MPICH");
        }
        // sizes MPI cannot allocate anyway go unpadded, so the error is MPI's, about the program's size
        return pad && size % 16 != 0 && size < Long.MAX_VALUE - 16 ? size + 16 - size % 16 : size;
    }

    /**
     * MPI_Win_allocate_shared (collective over {@code comm}, whose processes must share memory: a communicator from
     * {@code comm.splitType(MPI.COMM_TYPE_SHARED, ...)}): as {@link #allocate}, in memory every process of the
     * communicator maps; {@link #sharedQuery} gives another rank's segment to load and store directly.
     *
     * @param size     bytes at this rank
     * @param dispUnit bytes per unit of target displacement at this rank
     * @param info     hints (Info.NULL for none; "alloc_shared_noncontig" "true" lets MPI place segments apart)
     * @param comm     the intracommunicator of processes sharing memory
     * @return a communicator from {@code comm.splitType(MPI.COMM_TYPE_SHARED, ...)}): as {@link #allocate}, in memory every process of the communicator maps; {@link #sharedQuery} gives another rank's segment to load and store directly
     */
    public static Win allocateShared(long size, int dispUnit, Info info, Intracomm comm) {
        long h = comm.handle();
        checkShape(size, dispUnit);
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_allocate_shared(size, dispUnit, info.handle(), h, s.address(8),
                s.address(0)));
        long b = s.getLong(8);
        return finish(s.getHandle(0), FLAVOR_SHARED, b, size, dispUnit, comm, wrap(b, size));
    }

    /**
     * MPI_Win_create_dynamic (collective over {@code comm}): a window with no memory; {@link #attach} exposes memory
     * and target displacements are absolute addresses ({@link MPI#getAddress}) exchanged by the program. Accesses to
     * a dynamic window are not range-checked in Java (see the class comment).
     *
     * @param info hints (Info.NULL for none)
     * @param comm the intracommunicator whose processes access the window
     * @return a window with no memory; {@link #attach} exposes memory and target displacements are absolute addresses ({@link MPI#getAddress}) exchanged by the program
     */
    public static Win createDynamic(Info info, Intracomm comm) {
        long h = comm.handle();
        NativeScratch s = NativeScratch.get();
        checkOsc(LibMpi.MPI_Win_create_dynamic(info.handle(), h, s.address(0)), comm);
        long w = s.getHandle(0);
        setReturn(w);
        Win win = new Win(w, FLAVOR_DYNAMIC, 0, 0, 1, null, null, comm.getSize(), null);
        try {
            win.regions = DynamicRegions.create(comm);
        } catch (RuntimeException e) {
            LIVE.remove(w);
            s.putHandle(0, w);
            LibMpi.MPI_Win_free(s.address(0));
            throw e;
        }
        return win;
    }

    /**
     * Open MPI 4.1 as Debian ships it disables its osc "pt2pt" and "ucx" components; "sm" makes only allocated and
     * shared windows and "rdma" needs a peer process, so MPI_Win_create and MPI_Win_create_dynamic fail with
     * MPI_ERR_WIN on a one-process communicator. Say so, with the ways out.
     */
    private static void checkOsc(int rc, Intracomm comm) {
        if (rc == 0) {
            return;
        }
        MPIException e = MPIException.fromCode(rc);
        if (e.getErrorClass() == ERR_WIN && comm.getSize() == 1) {
            throw new MPIException(ERR_WIN, e.getMessage() + ": MPI has no one-sided component for a window created"
                    + " over memory on a one-process communicator (Open MPI 4.1 as Debian configures it: osc pt2pt and"
                    + " ucx disabled in openmpi-mca-params.conf, osc rdma needs a peer process). Use Win.allocate,"
                    + " a communicator of 2 or more processes, or run with OMPI_MCA_osc=ucx");
        }
        throw e;
    }

    private static void checkShape(long size, int dispUnit) {
        if (size < 0) {
            throw new MPIException(ErrorClasses.ERR_SIZE, "negative window size " + size);
        }
        if (dispUnit <= 0) {
            throw new MPIException(ErrorClasses.ERR_DISP, "displacement unit " + dispUnit + " is not positive");
        }
    }

    /** ERRORS_RETURN on the new window, then every rank's size and unit exchanged over {@code comm}. */
    private static Win finish(long w, int flavor, long base, long size, int dispUnit, Intracomm comm, ByteBuffer buf) {
        setReturn(w);
        int n = comm.getSize();
        long[] all = new long[2 * n];
        try {
            comm.allgather(new long[] {size, dispUnit}, all);
        } catch (RuntimeException e) {
            NativeScratch s = NativeScratch.get();
            s.putHandle(0, w);
            LibMpi.MPI_Win_free(s.address(0));
            throw e;
        }
        long[] sizes = new long[n];
        int[] units = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = all[2 * i];
            units[i] = (int) all[2 * i + 1];
        }
        return new Win(w, flavor, base, size, dispUnit, sizes, units, n, buf);
    }

    private static void setReturn(long w) {
        int rc = LibMpi.MPI_Win_set_errhandler(w, Errhandler.ERRORS_RETURN.handle());
        if (rc != 0) {
            NativeScratch s = NativeScratch.get();
            s.putHandle(0, w);
            LibMpi.MPI_Win_free(s.address(0));
            throw MPIException.fromCode(rc);
        }
    }

    /** A direct ByteBuffer in native order over {@code bytes} of native memory at {@code address} (not owned). */
    static ByteBuffer wrap(long address, long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            return null;
        }
        if (bytes == 0 || address == 0) {
            return ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder());
        }
        return org.mpi4j.buffers.DirectMemory.view(address, (int) bytes);
    }

    private static String describe(Object o) {
        return o == null ? "array" : o.getClass().isArray() ? "array (" + o.getClass().getSimpleName() + ")"
                : "buffer (" + o.getClass().getSimpleName() + ")";
    }

    // ------------------------------------------------------------------ handle, interop, freeing

    /**
     * The native MPI_Win handle; an MPIException (MPI_ERR_WIN) once freed.
     *
     * @return the native MPI_Win handle; an MPIException (MPI_ERR_WIN) once freed
     */
    public long handle() {
        long h = handle;
        if (h == NULL) {
            throw new MPIException(ERR_WIN, "window has been freed");
        }
        return h;
    }

    /**
     * True once freed.
     *
     * @return true once freed
     */
    public boolean isFreed() {
        return handle == NULL;
    }

    /**
     * The window of a native MPI_Win handle (interop): the mpi4j window itself when mpi4j made it and has not freed it
     * (same range checks, same pending operations), else a wrapper of a window made elsewhere, whose memory and sizes
     * mpi4j does not know, so its accesses are not range-checked; its error handler is left as it is. The handle is
     * not checked, as in C and mpi4py.
     *
     * @param handle the native handle
     * @return the window of a native MPI_Win handle (interop): the mpi4j window itself when mpi4j made it and has not freed it (same range checks, same pending operations), else a wrapper of a window made elsewhere, whose memory and sizes mpi4j does not know, so its accesses are not range-checked; its error handler is left as it is
     */
    public static Win fromHandle(long handle) {
        Environment.ensure();
        Win known = LIVE.get(handle);
        return known != null ? known : new Win(handle, FLAVOR_DYNAMIC, 0, 0, 1, null, null, Integer.MAX_VALUE, null);
    }

    /**
     * MPI_Win_f2c: the window for a Fortran handle (not range-checked, see {@link #fromHandle}).
     *
     * @param f the Fortran handle
     * @return the window for a Fortran handle (not range-checked, see {@link #fromHandle})
     */
    public static Win fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Win_f2c(f), f, "window"));
    }

    /**
     * MPI_Win_c2f: this window's Fortran handle.
     *
     * @return this window's Fortran handle
     */
    public int toFortran() {
        return LibMpi.MPI_Win_c2f(handle());
    }

    /**
     * MPI_Win_free (collective): frees the window, which completes every pending operation (staged gets land), and
     * lets go of the memory it was created over. Memory of {@link #allocate}/{@link #allocateShared} is freed by MPI:
     * {@link #getBuffer()} must not be used afterwards.
     */
    public synchronized void free() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, h);
        int rc = LibMpi.MPI_Win_free(s.address(0));
        MPIException.check(rc);
        LIVE.remove(h);
        handle = NULL;
        completeAll(Long.MAX_VALUE, true);
        if (held != null) {
            java.util.Arrays.fill(held, null);
        }
        DynamicRegions r = regions;
        regions = null;
        if (r != null) {
            r.free();
        }
        keep = null;
        AutoCloseable l = lease;
        lease = null;
        closeQuietly(l);
    }

    /** Frees the window unless already freed (collective, see {@link #free()}). */
    @Override
    public void close() {
        if (handle != NULL) {
            free();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                throw new MPIException(ErrorClasses.ERR_OTHER, "releasing window memory failed: " + e);
            }
        }
    }

    // ------------------------------------------------------------------ properties

    /**
     * The window memory at this rank as a direct ByteBuffer in native byte order: MPI's memory for
     * {@link #allocate} and {@link #allocateShared} (null when over 2 GiB: use {@link #getBaseAddress()}); an
     * MPIException (MPI_ERR_RMA_FLAVOR) for other flavors, whose memory the program already holds.
     *
     * @return the window memory at this rank as a direct ByteBuffer in native byte order: MPI's memory for {@link #allocate} and {@link #allocateShared} (null when over 2 GiB: use {@link #getBaseAddress()}); an MPIException (MPI_ERR_RMA_FLAVOR) for other flavors, whose memory the program already holds
     */
    public ByteBuffer getBuffer() {
        handle();
        if (flavor != FLAVOR_ALLOCATE && flavor != FLAVOR_SHARED) {
            throw new MPIException(ERR_RMA_FLAVOR, "only windows made by Win.allocate or Win.allocateShared hand out"
                    + " their memory; this window exposes memory the program passed in");
        }
        return buffer == null ? null : buffer.duplicate().order(ByteOrder.nativeOrder());
    }

    /**
     * MPI_Win_get_attr(MPI_WIN_BASE): native address of this rank's window memory (0 for none).
     *
     * @return native address of this rank's window memory (0 for none)
     */
    public long getBaseAddress() {
        return attrPointer(LibMpi.MPI_WIN_BASE());
    }

    /**
     * MPI_Win_get_attr(MPI_WIN_SIZE): bytes of window memory at this rank.
     *
     * @return bytes of window memory at this rank
     */
    public long getSize() {
        if (flavor == FLAVOR_ALLOCATE && allocateBytes(size) != size) {
            return size;   // what the program asked for, not MPICH's padding (see allocateBytes)
        }
        long p = attrPointer(LibMpi.MPI_WIN_SIZE());
        return p == 0 ? 0 : LibMpi.mpi4j_read_aint(p);
    }

    /**
     * MPI_Win_get_attr(MPI_WIN_DISP_UNIT): bytes per unit of target displacement at this rank.
     *
     * @return bytes per unit of target displacement at this rank
     */
    public int getDispUnit() {
        long p = attrPointer(LibMpi.MPI_WIN_DISP_UNIT());
        return p == 0 ? 0 : LibMpi.mpi4j_read_int(p);
    }

    /**
     * MPI_Win_get_attr(MPI_WIN_CREATE_FLAVOR): {@link #FLAVOR_CREATE}, ALLOCATE, DYNAMIC or SHARED.
     *
     * @return {@link #FLAVOR_CREATE}, ALLOCATE, DYNAMIC or SHARED
     */
    public int getCreateFlavor() {
        long p = attrPointer(LibMpi.MPI_WIN_CREATE_FLAVOR());
        return p == 0 ? flavor : LibMpi.mpi4j_read_int(p);
    }

    /**
     * MPI_Win_get_attr(MPI_WIN_MODEL): {@link #UNIFIED} or {@link #SEPARATE}.
     *
     * @return {@link #UNIFIED} or {@link #SEPARATE}
     */
    public int getModel() {
        long p = attrPointer(LibMpi.MPI_WIN_MODEL());
        return p == 0 ? SEPARATE : LibMpi.mpi4j_read_int(p);
    }

    /**
     * The window size at {@code rank} exchanged at creation (what accesses are checked against).
     *
     * @param rank a rank of this communicator or group
     * @return the window size at {@code rank} exchanged at creation (what accesses are checked against)
     */
    public long getSize(int rank) {
        handle();
        if (sizes == null) {
            throw new MPIException(ERR_RMA_FLAVOR, "a dynamic window has no fixed size per rank");
        }
        checkRank(rank);
        return sizes[rank];
    }

    /**
     * The displacement unit at {@code rank} exchanged at creation.
     *
     * @param rank a rank of this communicator or group
     * @return the displacement unit at {@code rank} exchanged at creation
     */
    public int getDispUnit(int rank) {
        handle();
        if (units == null) {
            throw new MPIException(ERR_RMA_FLAVOR, "a dynamic window has displacement unit 1 at every rank");
        }
        checkRank(rank);
        return units[rank];
    }

    private long attrPointer(int keyval) {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        s.putLong(0, 0);
        MPIException.check(LibMpi.MPI_Win_get_attr(h, keyval, s.address(0), s.address(8)));
        return s.getInt(8) != 0 ? s.getLong(0) : 0;
    }

    /**
     * MPI_Win_get_group: the group of processes of the window (free it when done).
     *
     * @return the group of processes of the window (free it when done)
     */
    public Group getGroup() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_get_group(h, s.address(0)));
        return new Group(s.getHandle(0), false);
    }

    /**
     * MPI_Win_set_name.
     *
     * @param name the name
     */
    public void setName(String name) {
        MPIException.check(LibMpi.MPI_Win_set_name(handle(), name));
    }

    /**
     * MPI_Win_get_name: the name set, or "" when none.
     *
     * @return the name set, or "" when none
     */
    public String getName() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_get_name(h, s.address(64), s.address(0)));
        return s.getString(64, s.getInt(0));
    }

    /**
     * MPI_Win_set_info: hints for this window.
     *
     * @param info the info hints (Info.NULL for none)
     */
    public void setInfo(Info info) {
        MPIException.check(LibMpi.MPI_Win_set_info(handle(), info.handle()));
    }

    /**
     * MPI_Win_get_info: the hints in use (free the returned Info).
     *
     * @return the hints in use (free the returned Info)
     */
    public Info getInfo() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_get_info(h, s.address(0)));
        return Info.fromHandle(s.getHandle(0));
    }

    /**
     * MPI_Win_set_errhandler. mpi4j's exceptions need ERRORS_RETURN (the default on every window mpi4j makes).
     *
     * @param e the error handler
     */
    public void setErrhandler(Errhandler e) {
        MPIException.check(LibMpi.MPI_Win_set_errhandler(handle(), e.handle()));
    }

    /**
     * MPI_Win_get_errhandler.
     *
     * @return MPI_Win_get_errhandler
     */
    public Errhandler getErrhandler() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_get_errhandler(h, s.address(0)));
        Errhandler e = Errhandler.of(s.getHandle(0));
        MPIException.check(LibMpi.MPI_Errhandler_free(s.address(0)));
        return e;
    }

    /**
     * MPI_Win_call_errhandler: invokes the window's error handler with {@code errorcode} (throws with ERRORS_RETURN).
     *
     * @param errorcode the error code
     */
    public void callErrhandler(int errorcode) {
        MPIException.check(LibMpi.MPI_Win_call_errhandler(handle(), errorcode));
        throw MPIException.fromCode(errorcode);
    }

    // ------------------------------------------------------------------ shared and dynamic memory

    /**
     * A rank's segment of a shared window: its memory, mapped in this process, and its displacement unit.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param address the native address
     * @param size the size in bytes
     * @param dispUnit the bytes per unit of displacement
     */
    public record Segment(ByteBuffer buffer, long address, long size, int dispUnit) { }

    /**
     * MPI_Win_shared_query: the segment of {@code rank} (MPI.PROC_NULL: the lowest rank with memory) of a window made
     * by {@link #allocateShared}, as a direct ByteBuffer in native byte order over the same memory (loads and stores
     * go to the peer's segment; synchronise with {@link #sync}, a barrier, or RMA epochs).
     *
     * @param rank a rank of this communicator or group
     * @return the segment of {@code rank} (MPI.PROC_NULL: the lowest rank with memory) of a window made by {@link #allocateShared}, as a direct ByteBuffer in native byte order over the same memory (loads and stores go to the peer's segment; synchronise with {@link #sync}, a barrier, or RMA epochs)
     */
    public Segment sharedQuery(int rank) {
        long h = handle();
        if (flavor != FLAVOR_SHARED) {
            throw new MPIException(ERR_RMA_FLAVOR, "sharedQuery needs a window made by Win.allocateShared");
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_shared_query(h, rank, s.address(0), s.address(8), s.address(16)));
        long bytes = s.getLong(0);
        int unit = s.getInt(8);
        long address = s.getLong(16);
        return new Segment(wrap(address, bytes), address, bytes, unit);
    }

    /**
     * MPI_Win_attach: exposes {@code memory} (off-heap only, as for {@link #create}) in this dynamic window until
     * {@link #detach}; the memory stays referenced meanwhile. Targets address it by its absolute address
     * ({@link MPI#getAddress}).
     *
     * @param memory the memory
     */
    public synchronized void attach(Object memory) {
        long h = handle();
        MessageBuffer m = Buffers.resolve(memory, new MessageBuffer(), true);
        if (m.isHeap()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a Java heap " + describe(m.owner()) + " cannot be"
                    + " attached to a window: the garbage collector may move it. Use a direct ByteBuffer, an Arrow"
                    + " vector, an ND4J array, or MPI.allocMem");
        }
        long a = m.address() + m.spanLow();
        MPIException.check(LibMpi.MPI_Win_attach(h, a, m.spanBytes()));
        attached.put(a, m.owner());
        published(a, m.spanBytes());
    }

    /**
     * MPI_Win_attach of raw native memory, which must stay valid until detached (mpi4j cannot check that).
     *
     * @param address the first byte
     * @param size    bytes
     */
    public synchronized void attach(long address, long size) {
        MPIException.check(LibMpi.MPI_Win_attach(handle(), address, size));
        published(address, size);
    }

    /** Publishes an attached region for the origins' range checks; detaches it again if that fails. */
    private void published(long address, long size) {
        if (regions == null) {
            return;
        }
        try {
            regions.add(address, size);
        } catch (RuntimeException e) {
            LibMpi.MPI_Win_detach(handle(), address);
            attached.remove(address);
            throw e;
        }
    }

    /**
     * MPI_Win_detach: stops exposing memory attached with {@link #attach(Object)}.
     *
     * @param memory the memory
     */
    public synchronized void detach(Object memory) {
        long h = handle();
        MessageBuffer m = Buffers.resolve(memory, new MessageBuffer(), false);
        if (m.isHeap()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a Java heap array is never attached to a window");
        }
        long a = m.address() + m.spanLow();
        detach(a);
    }

    /**
     * MPI_Win_detach of memory attached at a raw address.
     *
     * @param address the native address it was attached at
     */
    public synchronized void detach(long address) {
        MPIException.check(LibMpi.MPI_Win_detach(handle(), address));
        attached.remove(address);
        if (regions != null) {
            regions.remove(address);
        }
    }

    private final java.util.Map<Long, Object> attached = new java.util.HashMap<>();
    /** Every rank's attached regions, for the range checks of a dynamic window made here (null otherwise). */
    private DynamicRegions regions;

    // ------------------------------------------------------------------ checks

    private void checkRank(int rank) {
        if (rank < 0 || rank >= commSize) {
            throw new MPIException(ErrorClasses.ERR_RANK, "target rank " + rank + " is not in the window's group of "
                    + commSize + " processes");
        }
    }

    /**
     * Refuses an access whose target bytes fall outside the target's window: {@code targetDisp x unit} plus the span
     * of {@code count} elements of the target type ({@code t}, or a predefined type of {@code elementSize} bytes).
     */
    private void checkTarget(String call, int rank, long targetDisp, int count, TypeDescriptor t, long elementSize) {
        if (rank == MPI.PROC_NULL) {
            return;
        }
        checkRank(rank);
        if (count < 0) {
            throw new MPIException(ErrorClasses.ERR_COUNT, call + ": negative target count " + count);
        }
        if (sizes == null && regions == null) {
            return;
        }
        if (targetDisp < 0 && sizes != null) {
            throw new MPIException(ERR_RMA_RANGE, call + ": negative target displacement " + targetDisp);
        }
        if (count == 0) {
            return;
        }
        int unit = units != null ? units[rank] : 1;
        long lo;
        long hi;
        try {
            long start = Math.multiplyExact(targetDisp, (long) unit);
            long extent = t != null ? t.extent() : elementSize;
            long tlb = t != null ? t.trueLowerBound() : 0;
            long tex = t != null ? t.trueExtent() : elementSize;
            long last = Math.multiplyExact((long) count - 1, extent);
            long a = Math.addExact(start, tlb);
            long b = Math.addExact(Math.addExact(start, last), tlb);
            lo = Math.min(a, b);
            hi = Math.addExact(Math.max(a, b), tex);
        } catch (ArithmeticException e) {
            throw new MPIException(ErrorClasses.ERR_COUNT, call + ": target displacement " + targetDisp + " x unit "
                    + unit + " with " + count + " elements overflows 64-bit arithmetic");
        }
        if (sizes == null) {
            String why = lo < 0 ? "it has no memory at negative addresses" : regions.check(rank, lo, hi);
            if (why != null) {
                throw new MPIException(ERR_RMA_RANGE, call + ": target bytes [0x" + Long.toHexString(lo) + ", 0x"
                        + Long.toHexString(hi) + ") at rank " + rank + " are not inside memory it attached to this"
                        + " dynamic window: " + why);
            }
            return;
        }
        if (lo < 0 || hi > sizes[rank]) {
            throw new MPIException(ERR_RMA_RANGE, call + ": target bytes [" + lo + ", " + hi + ") at rank " + rank
                    + " fall outside its window of " + sizes[rank] + " bytes (displacement " + targetDisp + " x unit "
                    + units[rank] + ", " + count + " elements)");
        }
    }

    /**
     * The native address to give MPI for a resolved origin or result buffer of a blocking-form operation: the memory
     * itself, or staging for a heap array; either way kept (and a staged get landed) until a synchronisation that
     * began after the operation was issued completes it. Off-heap memory that only needs its Java object reachable (a
     * direct NIO buffer) is kept in {@link #held}: when it is already the one held for {@code target}, this takes no
     * lock and allocates nothing. After the MPI call, {@link #issued} (or {@link #rollback} when it failed).
     */
    private long bind(MessageBuffer m, boolean receive, int target) {
        if (m.count() == 0 && m.spanBytes() == 0) {
            return 0;
        }
        if (!m.isHeap()) {
            Object owner = m.owner();
            Object[] h = held;
            // MPI.PROC_NULL: MPI does nothing with the memory
            if (owner == null || target < 0 || h != null && HELD.getAcquire(h, target) == owner) {
                return m.address();
            }
        }
        return bindSlow(m, receive, target);
    }

    private synchronized long bindSlow(MessageBuffer m, boolean receive, int target) {
        Thread me = Thread.currentThread();
        if (!m.isHeap()) {
            Object owner = m.owner();
            AutoCloseable l = Buffers.retain(owner);
            if (l == null) {
                Object[] h = held;
                if (h == null) {
                    push(new Pending(target, null, owner, me), false);
                } else {
                    Object old = h[target];
                    if (old != null) {
                        // operations on the previous owner were issued (or will re-keep it, see issued): it stays
                        // referenced until a synchronisation that begins from now on completes them
                        push(new Pending(target, null, old, me), true);
                    }
                    HELD.setRelease(h, target, owner);
                }
                return m.address();
            }
            Pending p = new Pending(target, null, owner, me);
            p.lease = l;
            push(p, false);
            return m.address();
        }
        Request holder = new Request();
        long addr = holder.bind(m, receive, false, Request.RMA_SKEW);
        push(new Pending(target, holder, null, me), false);
        return addr;
    }

    /** Adds {@code p} to the pending list, as issued now or (bound before its MPI call) not yet. */
    private void push(Pending p, boolean issuedNow) {
        p.next = pending;
        if (issuedNow) {
            p.issued = ++issueSeq;
        } else {
            unissued++;
        }
        pending = p;
    }

    /**
     * After the MPI call that issued this thread's operation on {@code m} (bound by {@link #bind} for
     * {@code target}, {@code m} null when it bound nothing): what it bound counts as issued from now on, so only a
     * synchronisation that begins from now on completes it. When {@code m}'s owner was held for {@code target} but
     * another took its place meanwhile, a synchronisation that began before the issue could have dropped it, so it
     * is referenced again.
     */
    private void issued(MessageBuffer m, int target) {
        Object owner = null;
        if (m != null && target >= 0 && !m.isHeap() && !(m.count() == 0 && m.spanBytes() == 0)) {
            owner = m.owner();
            Object[] h = held;
            if (h == null || HELD.getAcquire(h, target) == owner) {
                owner = null;
            }
        }
        if (owner != null || unissued != 0) {
            issuedSlow(owner, target);
        }
    }

    private synchronized void issuedSlow(Object owner, int target) {
        Thread me = Thread.currentThread();
        for (Pending p = pending; p != null && unissued > 0; p = p.next) {
            if (p.issued == 0 && p.thread == me) {
                p.issued = ++issueSeq;
                unissued--;
                if (p.owner == owner) {
                    owner = null;   // a leased owner: this entry holds it
                }
            }
        }
        if (owner != null) {
            push(new Pending(target, null, owner, me), true);
        }
    }

    /**
     * Completes the operations to {@code target} (MPI.ANY_SOURCE: all) issued no later than {@code mark} (the issue
     * count read before the synchronisation's MPI call began; later operations are not complete): lands staged gets,
     * frees staging, lets go of references.
     */
    private void complete(int target, long mark, boolean land) {
        if (pending == null) {
            return;
        }
        synchronized (this) {
            Pending done = null;
            Pending prev = null;
            for (Pending p = pending; p != null; ) {
                Pending next = p.next;
                if (p.issued != 0 && p.issued <= mark && (target == MPI.ANY_SOURCE || p.target == target)) {
                    if (prev == null) {
                        pending = next;
                    } else {
                        prev.next = next;
                    }
                    p.next = done;   // oldest first, the order they were issued in
                    done = p;
                } else {
                    prev = p;
                }
                p = next;
            }
            for (Pending p = done; p != null; p = p.next) {
                closeQuietly(p.lease);
                if (p.holder != null) {
                    if (land) {
                        p.holder.completed();
                    } else {
                        p.holder.release();
                    }
                }
            }
        }
    }

    /** The issue count now: what a synchronisation reads before its MPI call, for {@link #complete}. */
    private long mark() {
        return issueSeq;
    }

    /**
     * Drops what this thread bound for a call whose MPI call failed, without landing it: MPI wrote nothing a get
     * could land. Then throws the call's error.
     */
    private void rollback(int rc) {
        dropUnissued();
        throw MPIException.fromCode(rc);
    }

    /** Drops (releases) what this thread bound for an operation that was never issued. */
    private synchronized void dropUnissued() {
        Thread me = Thread.currentThread();
        Pending prev = null;
        for (Pending p = pending; p != null && unissued > 0; p = p.next) {
            if (p.issued == 0 && p.thread == me) {
                if (prev == null) {
                    pending = p.next;
                } else {
                    prev.next = p.next;
                }
                unissued--;
                closeQuietly(p.lease);
                if (p.holder != null) {
                    p.holder.release();
                }
            } else {
                prev = p;
            }
        }
    }

    private void completeAll(long mark, boolean land) {
        complete(MPI.ANY_SOURCE, mark, land);
    }

    /**
     * Origin buffers the window still holds until their operations complete: staged heap arrays, leased off-heap
     * memory (Arrow, ND4J), and direct NIO buffers that another buffer replaced as the one last used with a target
     * (the last one used with each target is kept apart and not counted).
     *
     * @return the number of origin buffers held
     */
    public synchronized int getPendingCount() {
        int n = 0;
        for (Pending p = pending; p != null; p = p.next) {
            n++;
        }
        return n;
    }

    private static MessageBuffer thirdSlot() {
        return THIRD.get();
    }

    private static final ThreadLocal<MessageBuffer> THIRD = ThreadLocal.withInitial(MessageBuffer::new);
    private static final String[] CALLS = {"put", "get", "accumulate", "getAccumulate"};
    private static final String[] REQUEST_CALLS = {"rput", "rget", "raccumulate", "rgetAccumulate"};

    // ------------------------------------------------------------------ communication

    /**
     * MPI_Put of all of {@code origin} to {@code targetRank} at displacement 0, same count and datatype.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     */
    public void put(Object origin, int targetRank) {
        put(origin, targetRank, 0);
    }

    /**
     * MPI_Put: writes {@code origin} into the target's window at {@code targetDisp} (in the target's displacement
     * units), the target layout being the origin's count and datatype.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     */
    public void put(Object origin, int targetRank, long targetDisp) {
        MessageBuffer m = Buffers.forSend(origin);
        rma(0, m, null, targetRank, targetDisp, m.count(), m.type(), m.datatype(), null, null);
    }

    /**
     * MPI_Put with an explicit target layout.
     *
     * @param origin      the data (any buffer; heap arrays are staged)
     * @param targetRank  rank in the window's group
     * @param targetDisp  displacement in the target's units
     * @param targetCount elements of {@code targetType} at the target
     * @param targetType  datatype of the target's memory (committed)
     */
    public void put(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        MessageBuffer m = Buffers.forSend(origin);
        rma(0, m, null, targetRank, targetDisp, targetCount, targetType, targetType.handle(), null, null);
    }

    /**
     * MPI_Get of {@code origin}'s count and datatype from {@code targetRank} at displacement 0.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     */
    public void get(Object origin, int targetRank) {
        get(origin, targetRank, 0);
    }

    /**
     * MPI_Get: reads the target's window at {@code targetDisp} into {@code origin} (the same count and datatype).
     * A heap array receives the data when the operation completes (see the class comment).
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     */
    public void get(Object origin, int targetRank, long targetDisp) {
        MessageBuffer m = Buffers.forRecv(origin);
        rma(1, m, null, targetRank, targetDisp, m.count(), m.type(), m.datatype(), null, null);
    }

    /**
     * MPI_Get with an explicit target layout (see {@link #put(Object, int, long, int, Datatype)}).
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     */
    public void get(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        MessageBuffer m = Buffers.forRecv(origin);
        rma(1, m, null, targetRank, targetDisp, targetCount, targetType, targetType.handle(), null, null);
    }

    /**
     * MPI_Accumulate: combines {@code origin} into the target's window at {@code targetDisp} with {@code op}.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param op the operation
     */
    public void accumulate(Object origin, int targetRank, long targetDisp, Op op) {
        MessageBuffer m = Buffers.forSend(origin);
        rma(2, m, null, targetRank, targetDisp, m.count(), m.type(), m.datatype(), op, null);
    }

    /**
     * MPI_Accumulate with an explicit target layout; {@code op} is a predefined op, REPLACE or NO_OP.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     * @param op the operation
     */
    public void accumulate(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType, Op op) {
        MessageBuffer m = Buffers.forSend(origin);
        rma(2, m, null, targetRank, targetDisp, targetCount, targetType, targetType.handle(), op, null);
    }

    /**
     * MPI_Get_accumulate: fetches the target's data into {@code result} and combines {@code origin} into it with
     * {@code op}, atomically per element; the target layout is the result's count and datatype. With Op.NO_OP
     * {@code origin} may be null (an atomic get).
     *
     * @param origin the origin buffer on this process
     * @param result the buffer that receives the result
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param op the operation
     */
    public void getAccumulate(Object origin, Object result, int targetRank, long targetDisp, Op op) {
        MessageBuffer o = Buffers.forSend(origin);
        MessageBuffer r = Buffers.forRecv(result);
        rma(3, o, r, targetRank, targetDisp, r.count(), r.type(), r.datatype(), op, null);
    }

    /**
     * MPI_Get_accumulate with an explicit target layout.
     *
     * @param origin the origin buffer on this process
     * @param result the buffer that receives the result
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     * @param op the operation
     */
    public void getAccumulate(Object origin, Object result, int targetRank, long targetDisp, int targetCount,
                              Datatype targetType, Op op) {
        MessageBuffer o = Buffers.forSend(origin);
        MessageBuffer r = Buffers.forRecv(result);
        rma(3, o, r, targetRank, targetDisp, targetCount, targetType, targetType.handle(), op, null);
    }

    /**
     * MPI_Fetch_and_op: one element, atomically: {@code result} gets the target's value, which becomes
     * {@code value op origin}. The datatype is the result's (origin may be null with Op.NO_OP).
     *
     * @param origin the origin buffer on this process
     * @param result the buffer that receives the result
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param op the operation
     */
    public void fetchAndOp(Object origin, Object result, int targetRank, long targetDisp, Op op) {
        MessageBuffer o = Buffers.forSend(origin);
        MessageBuffer r = Buffers.forRecv(result);
        one("fetchAndOp", r, "result");
        if (op != Op.NO_OP) {
            one("fetchAndOp", o, "origin");
            sameType("fetchAndOp", o, r);
        }
        checkTarget("fetchAndOp", targetRank, targetDisp, 1, r.type(), r.elementType().size());
        long h = handle();
        long oa;
        long ra;
        try {
            oa = op == Op.NO_OP ? 0 : bind(o, false, targetRank);
            ra = bind(r, true, targetRank);
        } catch (RuntimeException e) {
            dropUnissued();   // a later buffer was refused (a closed Arrow vector...): nothing was issued
            throw e;
        }
        int rc = LibMpi.MPI_Fetch_and_op(oa, ra, r.datatype(), targetRank, targetDisp, op.handle(), h);
        if (rc != 0) {
            rollback(rc);
        }
        if (op != Op.NO_OP) {
            issued(o, targetRank);
        }
        issued(r, targetRank);
    }

    /**
     * MPI_Compare_and_swap: one element, atomically: {@code result} gets the target's value, which becomes
     * {@code origin} if it equalled {@code compare}. The datatype is the result's (an integer, logical or byte type).
     *
     * @param origin the origin buffer on this process
     * @param compare whether to compare
     * @param result the buffer that receives the result
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     */
    public void compareAndSwap(Object origin, Object compare, Object result, int targetRank, long targetDisp) {
        MessageBuffer o = Buffers.forSend(origin);
        MessageBuffer r = Buffers.forRecv(result);
        MessageBuffer c = Buffers.resolve(compare, thirdSlot(), false);
        one("compareAndSwap", r, "result");
        one("compareAndSwap", o, "origin");
        one("compareAndSwap", c, "compare");
        sameType("compareAndSwap", o, r);
        sameType("compareAndSwap", c, r);
        checkTarget("compareAndSwap", targetRank, targetDisp, 1, r.type(), r.elementType().size());
        long h = handle();
        long oa;
        long ca;
        long ra;
        try {
            oa = bind(o, false, targetRank);
            ca = bind(c, false, targetRank);
            ra = bind(r, true, targetRank);
        } catch (RuntimeException e) {
            dropUnissued();
            throw e;
        }
        int rc = LibMpi.MPI_Compare_and_swap(oa, ca, ra, r.datatype(), targetRank, targetDisp, h);
        if (rc != 0) {
            rollback(rc);
        }
        issued(o, targetRank);
        issued(c, targetRank);
        issued(r, targetRank);
    }

    private static void one(String call, MessageBuffer m, String what) {
        if (m.totalCount() < 1 || m.isStrided()) {
            throw new MPIException(ErrorClasses.ERR_COUNT, call + ": the " + what + " buffer must hold one element"
                    + " (it holds " + m.totalCount() + ")");
        }
    }

    private static void sameType(String call, MessageBuffer a, MessageBuffer b) {
        if (a.datatype() != b.datatype()) {
            throw new MPIException(ErrorClasses.ERR_TYPE, call + ": origin, compare and result must have the same"
                    + " datatype");
        }
    }

    /**
     * One RMA call. kind: 0 put, 1 get, 2 accumulate, 3 get-accumulate. {@code req} null for the blocking forms
     * (memory kept by the window until completion), else the request form's Request, which keeps it.
     */
    private Request rma(int kind, MessageBuffer o, MessageBuffer r, int targetRank, long targetDisp, int targetCount,
                        TypeDescriptor tt, long targetType, Op op, Request req) {
        String call = (req != null ? REQUEST_CALLS : CALLS)[kind];   // constants: nothing built per call
        if (tt != null) {
            tt.checkUsable();
        }
        MessageBuffer shape = kind == 3 ? r : o;
        long elementSize = shape.elementType().size();
        checkTarget(call, targetRank, targetDisp, targetCount, tt, elementSize);
        long h = handle();
        long opH = op == null ? 0 : op.handle();
        int rc;
        if (req == null) {
            boolean useOrigin = !(kind == 3 && op == Op.NO_OP);
            long oa;
            long ra;
            try {
                oa = useOrigin ? bind(o, kind == 1, targetRank) : 0;
                ra = kind == 3 ? bind(r, true, targetRank) : 0;
            } catch (RuntimeException e) {
                dropUnissued();
                throw e;
            }
            rc = switch (kind) {
                case 0 -> LibMpi.MPI_Put(oa, o.count(), o.datatype(), targetRank, targetDisp, targetCount, targetType, h);
                case 1 -> LibMpi.MPI_Get(oa, o.count(), o.datatype(), targetRank, targetDisp, targetCount, targetType, h);
                case 2 -> LibMpi.MPI_Accumulate(oa, o.count(), o.datatype(), targetRank, targetDisp, targetCount,
                        targetType, opH, h);
                default -> LibMpi.MPI_Get_accumulate(oa, o.count(), o.datatype(), ra, r.count(), r.datatype(),
                        targetRank, targetDisp, targetCount, targetType, opH, h);
            };
            if (rc != 0) {
                rollback(rc);
            }
            issued(useOrigin ? o : null, targetRank);
            if (kind == 3) {
                issued(r, targetRank);
            }
            return null;
        }
        NativeScratch s = NativeScratch.get();
        long oa = kind == 3 && op == Op.NO_OP ? 0 : req.bind(o, kind == 1, false, Request.RMA_SKEW);
        long ra = kind == 3 ? req.bind(r, true, false, Request.RMA_SKEW) : 0;
        rc = switch (kind) {
            case 0 -> LibMpi.MPI_Rput(oa, o.count(), o.datatype(), targetRank, targetDisp, targetCount, targetType, h,
                    s.address(0));
            case 1 -> LibMpi.MPI_Rget(oa, o.count(), o.datatype(), targetRank, targetDisp, targetCount, targetType, h,
                    s.address(0));
            case 2 -> LibMpi.MPI_Raccumulate(oa, o.count(), o.datatype(), targetRank, targetDisp, targetCount,
                    targetType, opH, h, s.address(0));
            default -> LibMpi.MPI_Rget_accumulate(oa, o.count(), o.datatype(), ra, r.count(), r.datatype(),
                    targetRank, targetDisp, targetCount, targetType, opH, h, s.address(0));
        };
        if (rc != 0) {
            req.release();
            throw MPIException.fromCode(rc);
        }
        req.handle = s.getHandle(0);
        return req;
    }

    /**
     * MPI_Rput: as {@link #put(Object, int, long)}, returning a Request that completes locally (the origin may be
     * reused); only valid in a passive-target epoch (lock/lockAll).
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request rput(Object origin, int targetRank, long targetDisp) {
        MessageBuffer m = Buffers.forSend(origin);
        return rma(0, m, null, targetRank, targetDisp, m.count(), m.type(), m.datatype(), null, new Request());
    }

    /**
     * MPI_Rput with an explicit target layout.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request rput(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        MessageBuffer m = Buffers.forSend(origin);
        return rma(0, m, null, targetRank, targetDisp, targetCount, targetType, targetType.handle(), null,
                new Request());
    }

    /**
     * MPI_Rget: as {@link #get(Object, int, long)}; a heap array receives the data when the Request completes.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request rget(Object origin, int targetRank, long targetDisp) {
        MessageBuffer m = Buffers.forRecv(origin);
        return rma(1, m, null, targetRank, targetDisp, m.count(), m.type(), m.datatype(), null, new Request());
    }

    /**
     * MPI_Rget with an explicit target layout.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request rget(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        MessageBuffer m = Buffers.forRecv(origin);
        return rma(1, m, null, targetRank, targetDisp, targetCount, targetType, targetType.handle(), null,
                new Request());
    }

    /**
     * MPI_Raccumulate: as {@link #accumulate(Object, int, long, Op)}, returning a Request.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request raccumulate(Object origin, int targetRank, long targetDisp, Op op) {
        MessageBuffer m = Buffers.forSend(origin);
        return rma(2, m, null, targetRank, targetDisp, m.count(), m.type(), m.datatype(), op, new Request());
    }

    /**
     * MPI_Raccumulate with an explicit target layout.
     *
     * @param origin the origin buffer on this process
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request raccumulate(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType,
                               Op op) {
        MessageBuffer m = Buffers.forSend(origin);
        return rma(2, m, null, targetRank, targetDisp, targetCount, targetType, targetType.handle(), op,
                new Request());
    }

    /**
     * MPI_Rget_accumulate: as {@link #getAccumulate(Object, Object, int, long, Op)}, returning a Request.
     *
     * @param origin the origin buffer on this process
     * @param result the buffer that receives the result
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request rgetAccumulate(Object origin, Object result, int targetRank, long targetDisp, Op op) {
        MessageBuffer o = Buffers.forSend(origin);
        MessageBuffer r = Buffers.forRecv(result);
        return rma(3, o, r, targetRank, targetDisp, r.count(), r.type(), r.datatype(), op, new Request());
    }

    /**
     * MPI_Rget_accumulate with an explicit target layout.
     *
     * @param origin the origin buffer on this process
     * @param result the buffer that receives the result
     * @param targetRank the rank of the target in the window's group
     * @param targetDisp the displacement at the target, in units of the target window's displacement unit
     * @param targetCount the number of elements of targetType at the target
     * @param targetType the datatype of the data at the target
     * @param op the operation
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request rgetAccumulate(Object origin, Object result, int targetRank, long targetDisp, int targetCount,
                                  Datatype targetType, Op op) {
        MessageBuffer o = Buffers.forSend(origin);
        MessageBuffer r = Buffers.forRecv(result);
        return rma(3, o, r, targetRank, targetDisp, targetCount, targetType, targetType.handle(), op, new Request());
    }

    // ------------------------------------------------------------------ synchronisation

    /**
     * MPI_Win_fence (collective): ends the previous active-target epoch and starts the next; every operation of the
     * epoch is complete afterwards (staged gets have landed).
     *
     * @param assertion 0 or MODE_NOSTORE | MODE_NOPUT | MODE_NOPRECEDE | MODE_NOSUCCEED
     */
    public void fence(int assertion) {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_fence(assertion, handle()));
        completeAll(mark, true);
    }

    /** MPI_Win_fence with no assertion. */
    public void fence() {
        fence(0);
    }

    /**
     * MPI_Win_start: starts an access epoch to the processes of {@code group} (which post).
     *
     * @param group the group
     * @param assertion the assertion (0, or MPI.MODE_* flags ORed together)
     */
    public void start(Group group, int assertion) {
        MPIException.check(LibMpi.MPI_Win_start(group.handle(), assertion, handle()));
    }

    /** MPI_Win_complete: ends the access epoch begun by {@link #start}; its operations are complete. */
    public void complete() {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_complete(handle()));
        completeAll(mark, true);
    }

    /**
     * MPI_Win_post: starts an exposure epoch for the processes of {@code group} (which start).
     *
     * @param group the group
     * @param assertion the assertion (0, or MPI.MODE_* flags ORed together)
     */
    public void post(Group group, int assertion) {
        MPIException.check(LibMpi.MPI_Win_post(group.handle(), assertion, handle()));
    }

    /** MPI_Win_wait: ends the exposure epoch begun by {@link #post}, once every origin has completed. */
    public void waitFor() {
        MPIException.check(LibMpi.MPI_Win_wait(handle()));
    }

    /**
     * MPI_Win_test: {@link #waitFor} without blocking; true when the exposure epoch ended.
     *
     * @return {@link #waitFor} without blocking; true when the exposure epoch ended
     */
    public boolean test() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_test(h, s.address(0)));
        return s.getInt(0) != 0;
    }

    /**
     * MPI_Win_lock: starts a passive-target access epoch to {@code rank}.
     *
     * @param lockType MPI.LOCK_EXCLUSIVE or MPI.LOCK_SHARED
     * @param rank a rank of this communicator or group
     * @param assertion the assertion (0, or MPI.MODE_* flags ORed together)
     */
    public void lock(int lockType, int rank, int assertion) {
        MPIException.check(LibMpi.MPI_Win_lock(lockType, rank, assertion, handle()));
    }

    /**
     * MPI_Win_lock with no assertion.
     *
     * @param lockType MPI.LOCK_EXCLUSIVE or MPI.LOCK_SHARED
     * @param rank a rank of this communicator or group
     */
    public void lock(int lockType, int rank) {
        lock(lockType, rank, 0);
    }

    /**
     * MPI_Win_unlock: ends the epoch to {@code rank}; its operations are complete there and here.
     *
     * @param rank a rank of this communicator or group
     */
    public void unlock(int rank) {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_unlock(rank, handle()));
        complete(rank, mark, true);
    }

    /**
     * MPI_Win_lock_all: a shared-lock access epoch to every process of the window.
     *
     * @param assertion the assertion (0, or MPI.MODE_* flags ORed together)
     */
    public void lockAll(int assertion) {
        MPIException.check(LibMpi.MPI_Win_lock_all(assertion, handle()));
    }

    /** MPI_Win_lock_all with no assertion. */
    public void lockAll() {
        lockAll(0);
    }

    /** MPI_Win_unlock_all: ends the lockAll epoch; every operation is complete. */
    public void unlockAll() {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_unlock_all(handle()));
        completeAll(mark, true);
    }

    /**
     * MPI_Win_flush: completes the operations to {@code rank}, here and at the target.
     *
     * @param rank a rank of this communicator or group
     */
    public void flush(int rank) {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_flush(rank, handle()));
        complete(rank, mark, true);
    }

    /** MPI_Win_flush_all: completes every operation, here and at the targets. */
    public void flushAll() {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_flush_all(handle()));
        completeAll(mark, true);
    }

    /**
     * MPI_Win_flush_local: completes the operations to {@code rank} here (origins reusable, gets arrived).
     *
     * @param rank a rank of this communicator or group
     */
    public void flushLocal(int rank) {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_flush_local(rank, handle()));
        complete(rank, mark, true);
    }

    /** MPI_Win_flush_local_all: completes every operation here. */
    public void flushLocalAll() {
        long mark = mark();
        MPIException.check(LibMpi.MPI_Win_flush_local_all(handle()));
        completeAll(mark, true);
    }

    /** MPI_Win_sync: synchronises the public and private copies of this rank's window memory. */
    public void sync() {
        MPIException.check(LibMpi.MPI_Win_sync(handle()));
    }

    @Override
    public String toString() {
        if (handle == NULL) {
            return "Win[freed]";
        }
        return "Win[" + getName() + ", " + size + " bytes, unit " + dispUnit + "]";
    }
}
