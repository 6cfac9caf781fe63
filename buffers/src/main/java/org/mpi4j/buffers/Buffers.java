package org.mpi4j.buffers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;

/**
 * The one place where a buffer argument becomes (memory, count, datatype): every operation calls
 * {@link #resolve}. It accepts null (an empty message), a {@link BufferSpec}, or any object a registered
 * {@link BufferProvider} supports, and checks bounds and type compatibility before anything reaches MPI.
 */
public final class Buffers {
    /** The built-in providers of primitive arrays and NIO buffers, asked without any class-path scan. */
    private static final BufferProvider ARRAYS = new ArrayBufferProvider();
    private static final BufferProvider NIO = new NioBufferProvider();

    /**
     * Every provider, found on first need: a ServiceLoader scan opens every jar of the class path (ND4J's natives
     * among them), which cost a rank ~30 ms of its start-up when it ran at class initialisation.
     */
    private static final class Found {
        static final List<BufferProvider> PROVIDERS = loadProviders();
    }

    private static final BufferProvider NONE = new BufferProvider() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void describe(Object buffer, MessageBuffer out) {
            Class<?> c = buffer.getClass();
            if (c.isArray() && c.getComponentType().isArray() && c.getComponentType().getComponentType().isPrimitive()) {
                String e = c.getComponentType().getComponentType().getName();
                throw new MPIException(ErrorClasses.ERR_BUFFER, c.getComponentType().getComponentType().getName() + "[][]"
                        + " is not a buffer: its rows are separate arrays, not one block of memory. Use a flat " + e
                        + "[rows * cols] in row-major order (element [i][j] at i * cols + j), or send the rows one by one");
            }
            throw new MPIException(ErrorClasses.ERR_BUFFER, buffer.getClass().getName()
                    + " is not a buffer: use a primitive array, a NIO buffer, a BufferSpec, or an object whose mpi4j"
                    + " provider is on the classpath (providers found: " + providerNames() + ")");
        }
    };

    /** Each class's provider, held with its class (see {@link #providerFor}). */
    private static final ClassValue<Last> BY_CLASS = new ClassValue<>() {
        @Override
        protected Last computeValue(Class<?> type) {
            return new Last(type, find(type));
        }
    };

    private static BufferProvider find(Class<?> type) {
        // primitive arrays and NIO buffers are always the built-in providers' (no other provider may claim
        // them), so a program moving only those never scans the class path
        if (ARRAYS.supports(type)) {
            return ARRAYS;
        }
        if (NIO.supports(type)) {
            return NIO;
        }
        for (BufferProvider p : Found.PROVIDERS) {
            if (p.supports(type)) {
                return p;
            }
        }
        return NONE;
    }

    /** A class and its provider: the last lookup, immutable so any thread may read it. */
    private static final class Last {
        final Class<?> type;
        final BufferProvider provider;

        Last(Class<?> type, BufferProvider provider) {
            this.type = type;
            this.provider = provider;
        }
    }

    /**
     * The last class looked up, with its provider: most programs move one kind of buffer, and comparing one class is
     * cheaper than a ClassValue lookup. BY_CLASS's own entries, so a miss allocates nothing.
     */
    private static Last last = new Last(Buffers.class, NONE);

    /** The provider of {@code type}, through the last lookup when it was the same class. */
    private static BufferProvider providerFor(Class<?> type) {
        Last l = last;
        if (l.type != type) {
            l = BY_CLASS.get(type);
            last = l;
        }
        return l.provider;
    }

    private static final PerThread<MessageBuffer[]> SLOTS =
            new PerThread<>(() -> new MessageBuffer[] {new MessageBuffer(), new MessageBuffer()});

    private Buffers() { }

    /**
     * The providers found on the class path. One whose library is missing (the Arrow provider jar without Arrow,
     * say) is skipped with a one-line warning on stderr instead of failing every MPI call.
     */
    private static List<BufferProvider> loadProviders() {
        List<BufferProvider> list = new ArrayList<>();
        java.util.Iterator<BufferProvider> it = ServiceLoader.load(BufferProvider.class, Buffers.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BufferProvider p = it.next();
                p.supports(Object.class);   // touches the provider's library classes now, not in the middle of a call
                list.add(p);
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                System.err.println("[mpi4j] buffer provider skipped: " + e.getMessage() + " (" + cause + ")");
            }
        }
        list.sort(Comparator.comparingInt(BufferProvider::priority).reversed());
        return List.copyOf(list);
    }

    private static String providerNames() {
        StringBuilder sb = new StringBuilder();
        for (BufferProvider p : Found.PROVIDERS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.getClass().getSimpleName());
        }
        return sb.toString();
    }

    /**
     * The registered providers, highest priority first.
     *
     * @return the registered providers, highest priority first
     */
    public static List<BufferProvider> providers() {
        return Found.PROVIDERS;
    }

    /**
     * This thread's first reusable message slot (the send side of a call).
     *
     * @return this thread's first reusable message slot (the send side of a call)
     */
    public static MessageBuffer slot0() {
        return SLOTS.get()[0];
    }

    /**
     * This thread's second reusable message slot (the receive side of a call).
     *
     * @return this thread's second reusable message slot (the receive side of a call)
     */
    public static MessageBuffer slot1() {
        return SLOTS.get()[1];
    }

    /**
     * MPI_IN_PLACE: pass it as the send buffer (or, for scatter at the root, the receive buffer) of a collective
     * that allows it; count and datatype then come from the other buffer.
     */
    public static final Object IN_PLACE = new Object() {
        @Override
        public String toString() {
            return "MPI_IN_PLACE";
        }
    };

    /**
     * Resolves {@code arg} into {@code out}: memory, count and datatype, bounds-checked. {@code receiving} also
     * requires writable memory. Returns {@code out}.
     *
     * @param arg the argument
     * @param out the message buffer
     * @param receiving true when the buffer receives data (it must be writable)
     * @return the message buffer
     */
    public static MessageBuffer resolve(Object arg, MessageBuffer out, boolean receiving) {
        return resolve(arg, out, receiving, 1);
    }

    /**
     * Resolves a collective's buffer that holds {@code blocks} equal blocks (one per process): the count set is the
     * per-block count. A discovered count must divide evenly; an explicit {@link BufferSpec} count is per block and
     * all blocks must fit. A {@link VBuffer} or {@link WBuffer} gives one block per process with its own count.
     *
     * @param arg the argument
     * @param out the message buffer
     * @param receiving true when the buffer receives data (it must be writable)
     * @param blocks the blocks
     * @return the message buffer
     */
    public static MessageBuffer resolve(Object arg, MessageBuffer out, boolean receiving, int blocks) {
        return resolve(arg, out, receiving, blocks, false);
    }

    private static MessageBuffer resolve(Object arg, MessageBuffer out, boolean receiving, int blocks, boolean onArrival) {
        if (arg == null) {
            return out.clear();
        }
        if (arg == IN_PLACE) {
            out.clear().placeInPlace(inPlaceAddress());
            return out;
        }
        if (arg instanceof BufferSpec spec) {
            describe(spec.buffer(), out);
            out.place(spec.offset(), spec.count(), spec.type(), blocks);
        } else if (arg instanceof VBuffer v) {
            describe(v.buffer(), out);
            out.placeV(v.counts(), v.displs(), v.type(), blocks);
        } else if (arg instanceof WBuffer w) {
            describe(w.buffer(), out);
            out.placeW(w.counts(), w.displs(), w.types(), blocks);
        } else {
            BufferProvider p = providerFor(arg.getClass());
            p.describe(arg, out);
            out.describedBy(p);
            out.placeDiscovered(blocks);
        }
        if (out.spanBytes() >= HugePages.MIN_BYTES && HugePages.ENABLED && !out.isHeap()) {
            // off-heap memory, by address or (when java.nio is not opened to mpi4j) as a direct buffer
            HugePages.advise(out.address() + out.spanLow(), out.spanBytes());
        }
        if (receiving) {
            out.requireWritable();
            if (onArrival) {
                out.deferMark();
            } else {
                out.prepareReceive();
            }
        }
        return out;
    }

    /** The provider that described {@code owner}, for the hooks a resolved message calls. */
    static BufferProvider providerOf(Object owner) {
        return providerFor(owner.getClass());
    }

    private static void describe(Object buf, MessageBuffer out) {
        if (buf == null) {
            out.clear();
        } else {
            BufferProvider p = providerFor(buf.getClass());
            p.describe(buf, out);
            out.describedBy(p);
        }
    }

    private static long inPlace;

    private static long inPlaceAddress() {
        long v = inPlace;
        if (v == 0) {
            v = org.mpi4j.jni.LibMpi.MPI_IN_PLACE();
            inPlace = v;
        }
        return v;
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /**
     * A native-order direct ByteBuffer of {@code bytes} bytes for large messages: from 1 MiB on it is 2 MiB aligned, whole
     * 2 MiB pages (a 1 MiB buffer takes one), and
     * advised for transparent huge pages (the kernel's "madvise" mode then backs it with 2 MiB pages, which makes
     * MPI's shared-memory copies of megabyte messages markedly faster, as numpy's allocations are for mpi4py);
     * smaller sizes are plain native memory, 64-byte aligned. The memory is freed when the buffer (and every view of it) is
     * unreachable. Goes to MPI by address, zero copy, like any direct buffer.
     * @param bytes the capacity, 0 to 2^31-1
     * @return the buffer, position 0, limit = capacity = bytes
     */
    public static java.nio.ByteBuffer allocateDirect(int bytes) {
        if (bytes < 0) {
            throw new MPIException(ErrorClasses.ERR_ARG, "negative capacity " + bytes);
        }
        long a = org.mpi4j.jni.LibMpi.mpi4j_alloc_huge(Math.max(bytes, 1));
        if (a == 0) {
            throw new MPIException(ErrorClasses.ERR_NO_MEM, "cannot allocate " + bytes + " bytes of native memory");
        }
        java.nio.ByteBuffer b = DirectMemory.view(a, bytes);
        CLEANER.register(b, () -> org.mpi4j.jni.LibMpi.mpi4j_free(a));
        return b;
    }

    /**
     * A lease that keeps the memory of a resolved buffer's owner valid until closed (see
     * {@link BufferProvider#retain}); null when none is needed.
     *
     * @param owner the object that owns the memory (kept referenced while MPI uses it)
     * @return a lease that keeps the memory of a resolved buffer's owner valid until closed (see {@link BufferProvider#retain}); null when none is needed
     */
    public static AutoCloseable retain(Object owner) {
        return owner == null ? null : providerFor(owner.getClass()).retain(owner);
    }

    /**
     * Resolves a send-side argument of a point-to-point (or pack/unpack) call into this thread's slot 0;
     * MPI.IN_PLACE, which only collectives take, is an MPIException (MPI_ERR_BUFFER).
     *
     * @param arg the argument
     * @return the message buffer
     */
    public static MessageBuffer forSend(Object arg) {
        return notInPlace(resolve(arg, slot0(), false));
    }

    /**
     * Resolves a receive-side argument of a point-to-point (or pack/unpack) call into this thread's slot 1.
     *
     * @param arg the argument
     * @return the message buffer
     */
    public static MessageBuffer forRecv(Object arg) {
        return notInPlace(resolve(arg, slot1(), true));
    }

    /**
     * As {@link #forSend(Object)}, into the caller's own per-thread message buffer (saves the thread-local lookup when
     * the caller already holds its thread's state).
     *
     * @param arg the argument
     * @param slot a message buffer only this thread uses
     * @return the message buffer
     */
    public static MessageBuffer forSend(Object arg, MessageBuffer slot) {
        return notInPlace(resolve(arg, slot, false));
    }

    /**
     * As {@link #forRecv(Object)}, into the caller's own per-thread message buffer.
     *
     * @param arg the argument
     * @param slot a message buffer only this thread uses
     * @return the message buffer
     */
    public static MessageBuffer forRecv(Object arg, MessageBuffer slot) {
        return notInPlace(resolve(arg, slot, true));
    }

    /**
     * As {@link #forRecv(Object, MessageBuffer)}, for a point-to-point receive, whose message may be shorter than its
     * buffer: a provider that marks what it receives (Arrow validity) is not called now; the caller calls
     * {@link MessageBuffer#arrived} with the bytes that arrived once the receive completed (see
     * {@link MessageBuffer#marksOnArrival}).
     *
     * @param arg the argument
     * @param slot a message buffer only this thread uses
     * @return the message buffer
     */
    public static MessageBuffer forArrival(Object arg, MessageBuffer slot) {
        return notInPlace(resolve(arg, slot, true, 1, true));
    }

    /**
     * {@link #forArrival(Object, MessageBuffer)} into this thread's receive slot.
     *
     * @param arg the argument
     * @return the message buffer
     */
    public static MessageBuffer forArrival(Object arg) {
        return forArrival(arg, slot1());
    }

    private static MessageBuffer notInPlace(MessageBuffer m) {
        if (m.isInPlace()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "MPI.IN_PLACE is only a collective's buffer, not a"
                    + " point-to-point or pack/unpack buffer");
        }
        return m;
    }
}
