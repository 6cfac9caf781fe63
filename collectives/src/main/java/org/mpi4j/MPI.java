package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * The MPI environment: predefined communicators and constants, explicit initialisation with a thread level,
 * finalisation, version queries, processor name, timers, COMM_WORLD attributes, the bsend buffer and abort.
 * MPI is initialised on first use and finalised at JVM exit when mpi4j initialised it.
 *
 * <p>How a job ends, when mpi4j initialised MPI (the same under {@code ./mpi4j run} and a plain
 * {@code mpiexec java ...}):
 * <ul>
 *   <li>main returns and every non-daemon thread ends: MPI_Finalize at exit, which waits for the other ranks to
 *       finalize too, as in C and mpi4py;</li>
 *   <li>an uncaught exception on any thread: the exception is printed with the rank and the whole job is aborted
 *       (MPI_Abort, error code 1), as with {@code python -m mpi4py}. A default uncaught-exception handler set by the
 *       program replaces this rule;</li>
 *   <li>{@code System.exit(n)} (any {@code n}, any thread) while MPI is not finalized: the other ranks may be blocked
 *       waiting for this one, so MPI_Finalize could wait forever; the job is aborted instead (MPI_Abort, error code
 *       1), as a C program that exits without MPI_Finalize is. To exit with a status, call {@link #finalizeMPI()}
 *       first: then {@code System.exit(n)} just exits. A job of one rank (e.g. a plain {@code java Main}, or a test
 *       runner's JVM, which ends with System.exit) has nobody waiting: it is finalized and keeps its status;</li>
 *   <li>{@code Runtime.halt}, {@link #abort}, a crash or a signal (SIGTERM, SIGINT, SIGKILL): the rank ends without
 *       finalizing and the MPI runtime ends the whole job.</li>
 * </ul>
 */
public final class MPI {
    private MPI() { }

    /** MPI_ANY_SOURCE: receive from any rank. */
    public static final int ANY_SOURCE = LibMpi.MPI_ANY_SOURCE();
    /** MPI_ANY_TAG: receive any tag. */
    public static final int ANY_TAG = LibMpi.MPI_ANY_TAG();
    /** MPI_PROC_NULL: a rank whose operations complete at once and move nothing. */
    public static final int PROC_NULL = LibMpi.MPI_PROC_NULL();
    /** MPI_IN_PLACE: as a collective's send buffer (scatter: receive buffer), the data is already in place. */
    public static final Object IN_PLACE = org.mpi4j.buffers.Buffers.IN_PLACE;
    /** MPI_ROOT: the root argument of intercommunicator collectives on the root's side. */
    public static final int ROOT = LibMpi.MPI_ROOT();
    /** MPI_UNDEFINED. */
    public static final int UNDEFINED = LibMpi.MPI_UNDEFINED();
    /** MPI_BSEND_OVERHEAD: extra bytes each buffered send takes in the attached buffer. */
    public static final int BSEND_OVERHEAD = LibMpi.MPI_BSEND_OVERHEAD();
    /** MPI_IDENT: result of compare. */
    public static final int IDENT = LibMpi.MPI_IDENT();
    /** MPI_CONGRUENT: result of compare. */
    public static final int CONGRUENT = LibMpi.MPI_CONGRUENT();
    /** MPI_SIMILAR: result of compare. */
    public static final int SIMILAR = LibMpi.MPI_SIMILAR();
    /** MPI_UNEQUAL: result of compare. */
    public static final int UNEQUAL = LibMpi.MPI_UNEQUAL();
    /** Keyval of the COMM_WORLD attribute MPI_TAG_UB. */
    public static final int TAG_UB = LibMpi.MPI_TAG_UB();
    /** Keyval of MPI_HOST. */
    public static final int HOST = LibMpi.MPI_HOST();
    /** Keyval of MPI_IO. */
    public static final int IO = LibMpi.MPI_IO();
    /** Keyval of MPI_WTIME_IS_GLOBAL. */
    public static final int WTIME_IS_GLOBAL = LibMpi.MPI_WTIME_IS_GLOBAL();
    /** Keyval of MPI_UNIVERSE_SIZE. */
    public static final int UNIVERSE_SIZE = LibMpi.MPI_UNIVERSE_SIZE();
    /** Keyval of MPI_APPNUM. */
    public static final int APPNUM = LibMpi.MPI_APPNUM();

    /** MPI_COMM_WORLD: every process of the job. */
    public static final Intracomm COMM_WORLD = new Intracomm(LibMpi.MPI_COMM_WORLD(), true);
    /** MPI_COMM_SELF: this process alone. */
    public static final Intracomm COMM_SELF = new Intracomm(LibMpi.MPI_COMM_SELF(), true);
    /** MPI_COMM_NULL: the null communicator (operations on it raise MPI_ERR_COMM; methods return null for it). */
    public static final Intracomm COMM_NULL = new Intracomm(LibMpi.MPI_COMM_NULL(), true);
    /** MPI_COMM_TYPE_SHARED: {@link Intracomm#splitType} into processes that can share memory. */
    public static final int COMM_TYPE_SHARED = LibMpi.MPI_COMM_TYPE_SHARED();
    /** MPI_KEYVAL_INVALID. */
    public static final int KEYVAL_INVALID = LibMpi.MPI_KEYVAL_INVALID();
    /** MPI_CART: {@link Comm#getTopology} of a Cartesian communicator. */
    public static final int CART = LibMpi.MPI_CART();
    /** MPI_GRAPH: {@link Comm#getTopology} of a graph communicator. */
    public static final int GRAPH = LibMpi.MPI_GRAPH();
    /** MPI_DIST_GRAPH: {@link Comm#getTopology} of a distributed graph communicator. */
    public static final int DIST_GRAPH = LibMpi.MPI_DIST_GRAPH();

    private static long bsendBuffer;
    private static int bsendSize;

    /**
     * MPI_Init_thread with MPI_THREAD_MULTIPLE (mpi4py's default); returns the level provided.
     *
     * @return the level provided
     */
    public static ThreadLevel init() {
        return init(ThreadLevel.MULTIPLE);
    }

    /**
     * MPI_Init_thread: initialises MPI asking for {@code required}; returns the level the library provides.
     *
     * @param required the thread level asked for
     * @return the level the library provides
     */
    public static ThreadLevel init(ThreadLevel required) {
        return Environment.init(required);
    }

    /**
     * MPI_Initialized.
     *
     * @return MPI_Initialized
     */
    public static boolean isInitialized() {
        return Environment.nativeFlag(true);
    }

    /**
     * MPI_Finalized.
     *
     * @return MPI_Finalized
     */
    public static boolean isFinalized() {
        return Environment.nativeFlag(false);
    }

    /** MPI_Finalize, now rather than at JVM exit. */
    public static void finalizeMPI() {
        Environment.finalizeMpi();
    }

    /**
     * MPI_Query_thread: the thread level provided.
     *
     * @return the thread level provided
     */
    public static ThreadLevel queryThread() {
        return Environment.provided();
    }

    /**
     * MPI_Is_thread_main: true on the thread that initialised MPI.
     *
     * @return true on the thread that initialised MPI
     */
    public static boolean isThreadMain() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Is_thread_main(s.address(0)));
        return s.getInt(0) != 0;
    }

    /**
     * MPI_Get_version: {major, minor} of the MPI standard the library implements.
     *
     * @return {major, minor} of the MPI standard the library implements
     */
    public static int[] getVersion() {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Get_version(s.address(0), s.address(4)));
        return new int[] {s.getInt(0), s.getInt(4)};
    }

    /**
     * MPI_Get_library_version: the implementation's version string.
     *
     * @return the implementation's version string
     */
    public static String getLibraryVersion() {
        NativeScratch s = NativeScratch.get().ensure(64 + LibMpi.MPI_MAX_LIBRARY_VERSION_STRING());
        MPIException.check(LibMpi.MPI_Get_library_version(s.address(64), s.address(0)));
        return s.getString(64, s.getInt(0)).trim();
    }

    /**
     * MPI_Get_processor_name: the host this process runs on.
     *
     * @return the host this process runs on
     */
    public static String getProcessorName() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get().ensure(64 + LibMpi.MPI_MAX_PROCESSOR_NAME());
        MPIException.check(LibMpi.MPI_Get_processor_name(s.address(64), s.address(0)));
        return s.getString(64, s.getInt(0));
    }

    /**
     * MPI_Wtime: seconds since some time in the past.
     *
     * @return seconds since some time in the past
     */
    public static double wtime() {
        Environment.ensure();
        return LibMpi.MPI_Wtime();
    }

    /**
     * MPI_Wtick: resolution of {@link #wtime()} in seconds.
     *
     * @return resolution of {@link #wtime()} in seconds
     */
    public static double wtick() {
        Environment.ensure();
        return LibMpi.MPI_Wtick();
    }

    // ------------------------------------------------------------------ MPI memory and addresses (one-sided)

    /**
     * MPI_BOTTOM: the buffer of a {@link org.mpi4j.buffers.BufferSpec} whose datatype holds absolute addresses
     * ({@link #getAddress}), e.g. a struct over several direct buffers: {@code BufferSpec.of(MPI.BOTTOM, 1, type)}.
     */
    public static final Object BOTTOM = Bottom.INSTANCE;

    /** Addresses of the memory {@link #allocMem} handed out and not yet freed, with their sizes. */
    private static final java.util.Map<Long, Long> ALLOCATED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * MPI_Alloc_mem: {@code size} bytes of memory from MPI (which may be faster for RMA and message passing), as a
     * direct ByteBuffer in native byte order; give it back with {@link #freeMem}. It can be window memory
     * ({@link Win#create}) or any message buffer.
     *
     * @param size bytes (at most 2^31 - 1, a ByteBuffer's limit)
     * @param info hints (Info.NULL for none)
     * @return {@code size} bytes of memory from MPI (which may be faster for RMA and message passing), as a direct ByteBuffer in native byte order; give it back with {@link #freeMem}
     */
    public static java.nio.ByteBuffer allocMem(long size, Info info) {
        Environment.ensure();
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new MPIException(ErrorClasses.ERR_SIZE, "allocMem size " + size + " is not in [0, 2^31 - 1]");
        }
        NativeScratch s = NativeScratch.get();
        s.putLong(0, 0);
        MPIException.check(LibMpi.MPI_Alloc_mem(size, info.handle(), s.address(0)));
        long a = s.getLong(0);
        java.nio.ByteBuffer b = Win.wrap(a, size);
        if (size > 0) {
            ALLOCATED.put(org.mpi4j.buffers.DirectMemory.address(b), a);
        }
        return b;
    }

    /**
     * MPI_Alloc_mem with no info hints.
     *
     * @param size the size in bytes
     * @return the java.nio.byte buffer
     */
    public static java.nio.ByteBuffer allocMem(long size) {
        return allocMem(size, Info.NULL);
    }

    /**
     * MPI_Free_mem of a buffer {@link #allocMem} returned (or a slice starting at its first byte); any other buffer,
     * or one freed already, is an MPIException (MPI_ERR_BASE). The buffer must not be used afterwards.
     *
     * @param memory the memory
     */
    public static void freeMem(java.nio.ByteBuffer memory) {
        Environment.ensure();
        if (memory == null || !memory.isDirect()) {
            throw new MPIException(ErrorClasses.ERR_BASE, "freeMem takes a buffer that MPI.allocMem returned");
        }
        if (memory.capacity() == 0) {
            return;
        }
        long key = org.mpi4j.buffers.DirectMemory.address(memory);
        Long a = ALLOCATED.remove(key);
        if (a == null) {
            throw new MPIException(ErrorClasses.ERR_BASE, "freeMem: this buffer was not allocated by MPI.allocMem, or"
                    + " was freed already");
        }
        MPIException.check(LibMpi.MPI_Free_mem(a));
    }

    /**
     * MPI_Get_address: the absolute address of the first element of an off-heap buffer (direct NIO, Arrow, ND4J,
     * a BufferSpec's offset), for dynamic windows and absolute-address datatypes; a heap array has none (the GC moves
     * it) and is an MPIException.
     *
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @return the absolute address of the first element of an off-heap buffer (direct NIO, Arrow, ND4J, a BufferSpec's offset), for dynamic windows and absolute-address datatypes; a heap array has none (the GC moves it) and is an MPIException
     */
    public static long getAddress(Object buffer) {
        Environment.ensure();
        org.mpi4j.buffers.MessageBuffer m = org.mpi4j.buffers.Buffers.resolve(buffer,
                new org.mpi4j.buffers.MessageBuffer(), false);
        if (m.isHeap()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a Java heap array has no fixed address (the garbage"
                    + " collector moves it); use a direct ByteBuffer, Arrow or ND4J memory, or MPI.allocMem");
        }
        long p = m.spanBytes() == 0 && buffer == null ? 0 : m.address();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Get_address(p, s.address(0)));
        return s.getLong(0);
    }

    /**
     * MPI_Aint_add: {@code base + disp} as MPI computes addresses.
     *
     * @param base the base object
     * @param disp the displacement
     * @return {@code base + disp} as MPI computes addresses
     */
    public static long aintAdd(long base, long disp) {
        Environment.ensure();
        return LibMpi.mpi4j_aint_add(base, disp);
    }

    /**
     * MPI_Aint_diff: {@code addr1 - addr2} as MPI computes address differences.
     *
     * @param addr1 the first address
     * @param addr2 the second address
     * @return {@code addr1 - addr2} as MPI computes address differences
     */
    public static long aintDiff(long addr1, long addr2) {
        Environment.ensure();
        return LibMpi.mpi4j_aint_diff(addr1, addr2);
    }

    /**
     * MPI_Abort on COMM_WORLD: terminates the whole job with {@code errorcode}.
     *
     * @param errorcode the error code
     */
    public static void abort(int errorcode) {
        COMM_WORLD.abort(errorcode);
    }

    private static Integer worldAttr(int keyval) {
        return (Integer) COMM_WORLD.getAttr(keyval);
    }

    /**
     * COMM_WORLD's MPI_TAG_UB: the largest valid tag.
     *
     * @return COMM_WORLD's MPI_TAG_UB: the largest valid tag
     */
    public static int getTagUB() {
        return worldAttr(TAG_UB);
    }

    /**
     * COMM_WORLD's MPI_HOST (MPI.PROC_NULL when there is no host process).
     *
     * @return COMM_WORLD's MPI_HOST (MPI.PROC_NULL when there is no host process)
     */
    public static int getHost() {
        Integer v = worldAttr(HOST);
        return v == null ? PROC_NULL : v;
    }

    /**
     * COMM_WORLD's MPI_IO: a rank that can do I/O (MPI.ANY_SOURCE if all can).
     *
     * @return COMM_WORLD's MPI_IO: a rank that can do I/O (MPI.ANY_SOURCE if all can)
     */
    public static int getIO() {
        Integer v = worldAttr(IO);
        return v == null ? PROC_NULL : v;
    }

    /**
     * COMM_WORLD's MPI_WTIME_IS_GLOBAL.
     *
     * @return COMM_WORLD's MPI_WTIME_IS_GLOBAL
     */
    public static boolean isWtimeGlobal() {
        Integer v = worldAttr(WTIME_IS_GLOBAL);
        return v != null && v != 0;
    }

    /**
     * COMM_WORLD's MPI_UNIVERSE_SIZE, or null if the launcher does not say.
     *
     * @return COMM_WORLD's MPI_UNIVERSE_SIZE, or null if the launcher does not say
     */
    public static Integer getUniverseSize() {
        return worldAttr(UNIVERSE_SIZE);
    }

    /**
     * COMM_WORLD's MPI_APPNUM, or null when not started as part of a multi-application launch.
     *
     * @return COMM_WORLD's MPI_APPNUM, or null when not started as part of a multi-application launch
     */
    public static Integer getAppNum() {
        return worldAttr(APPNUM);
    }

    /**
     * MPI_Buffer_attach: gives MPI {@code size} bytes (allocated by mpi4j) for buffered sends.
     *
     * @param size the size in bytes
     */
    public static synchronized void attachBuffer(int size) {
        Environment.ensure();
        if (bsendBuffer != 0) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a bsend buffer is already attached; detach it first");
        }
        if (size < 0) {
            throw new MPIException(ErrorClasses.ERR_ARG, "negative buffer size " + size);
        }
        long mem = LibMpi.mpi4j_malloc(size);
        int rc = LibMpi.MPI_Buffer_attach(mem, size);
        if (rc != 0) {
            LibMpi.mpi4j_free(mem);
            throw MPIException.fromCode(rc);
        }
        bsendBuffer = mem;
        bsendSize = size;
    }

    /**
     * MPI_Buffer_detach: waits until buffered messages are sent, then releases the buffer; returns its size.
     *
     * @return its size
     */
    public static synchronized int detachBuffer() {
        if (bsendBuffer == 0) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "no bsend buffer is attached");
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Buffer_detach(s.address(8), s.address(0)));
        LibMpi.mpi4j_free(bsendBuffer);
        bsendBuffer = 0;
        int size = bsendSize;
        bsendSize = 0;
        return size;
    }

    // ------------------------------------------------------------------ ports and names

    /**
     * MPI_Open_port: a port name other processes can {@link Intracomm#connect} to.
     * @param info hints (null for Info.NULL)
     * @return the port name
     */
    public static String openPort(Info info) {
        Environment.ensure();
        Environment.requireDynamicProcesses("openPort");
        int max = LibMpi.MPI_MAX_PORT_NAME();
        NativeScratch s = NativeScratch.get().ensure(max + 1);
        MPIException.check(LibMpi.MPI_Open_port(Args.info(info), s.address(0)));
        return s.getCString(0, max);
    }

    /**
     * MPI_Close_port. @param port a name from {@link #openPort}
     *
     * @param port the port name (from MPI.openPort)
     */
    public static void closePort(String port) {
        Environment.ensure();
        MPIException.check(LibMpi.MPI_Close_port(Args.notNull(port, "port")));
    }

    /**
     * MPI_Publish_name: publishes {@code port} under {@code service} (Open MPI: within the job, or across jobs that
     * share an ompi-server).
     * @param service the service name
     * @param info hints (null for Info.NULL)
     * @param port the port name
     */
    public static void publishName(String service, Info info, String port) {
        Environment.ensure();
        MPIException.check(LibMpi.MPI_Publish_name(Args.notNull(service, "service"), Args.info(info), Args.notNull(port, "port")));
    }

    /**
     * MPI_Unpublish_name. @param service the service name @param info hints (null: Info.NULL) @param port the port name
     *
     * @param service the service name
     * @param info the info hints (Info.NULL for none)
     * @param port the port name (from MPI.openPort)
     */
    public static void unpublishName(String service, Info info, String port) {
        Environment.ensure();
        MPIException.check(LibMpi.MPI_Unpublish_name(Args.notNull(service, "service"), Args.info(info), Args.notNull(port, "port")));
    }

    /**
     * MPI_Lookup_name: the port published under {@code service}.
     * @param service the service name
     * @param info hints (null for Info.NULL)
     * @return the port name (an MPIException, MPI_ERR_NAME, when nothing is published under it)
     */
    public static String lookupName(String service, Info info) {
        Environment.ensure();
        int max = LibMpi.MPI_MAX_PORT_NAME();
        NativeScratch s = NativeScratch.get().ensure(max + 1);
        MPIException.check(LibMpi.MPI_Lookup_name(Args.notNull(service, "service"), Args.info(info), s.address(0)));
        return s.getCString(0, max);
    }
}
