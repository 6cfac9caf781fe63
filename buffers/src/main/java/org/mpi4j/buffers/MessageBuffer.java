package org.mpi4j.buffers;

import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;
import org.mpi4j.jni.LibMpi;

/**
 * One buffer argument of an MPI call, resolved to what MPI takes: (base, kind, offset) for the memory, a count
 * and a datatype handle. A provider first describes the memory region it knows ({@code describe*}); resolution
 * then places the message in it and checks bounds before any native call. Instances are reusable, per thread,
 * so a resolved call allocates nothing.
 */
public final class MessageBuffer {
    private Object owner;
    private Object base;
    private int kind;
    private long regionOffset;
    private long limit;
    private ElementType elementType;
    private boolean readOnly;

    private long position;
    private int count;
    /** Elements of the datatype in all equal blocks together (count x blocks); 0 for v/w messages. */
    private long totalCount;
    private long datatype;
    private TypeDescriptor type;
    private long spanLow;
    private long spanHigh;
    private int[] vcounts;
    private int[] vdispls;
    private TypeDescriptor[] wtypes;
    private int[] scratchDispls;
    private boolean inPlaceMarker;
    /** A provider-built datatype laying out strided memory (a non-contiguous view), sent as one element of it. */
    private TypeDescriptor layout;
    /** The provider that described the owner (set by {@link Buffers}), for the hooks a resolved message calls. */
    private BufferProvider provider;
    /** A point-to-point receive whose provider marks what it receives: marked by {@link #arrived} once complete. */
    private boolean markOnArrival;

    /** Creates an empty, reusable message buffer. */
    public MessageBuffer() {
        clear();
    }

    /**
     * Resets to the empty message (no memory, count 0, MPI_BYTE), what a null buffer argument means.
     *
     * @return resets to the empty message (no memory, count 0, MPI_BYTE), what a null buffer argument means
     */
    public MessageBuffer clear() {
        owner = null;
        base = null;
        kind = LibMpi.KIND_ADDRESS;
        regionOffset = 0;
        limit = 0;
        elementType = ElementType.RAW;
        readOnly = false;
        position = 0;
        count = 0;
        datatype = ElementType.RAW.datatype();
        type = null;
        spanLow = 0;
        spanHigh = 0;
        vcounts = null;
        vdispls = null;
        wtypes = null;
        inPlaceMarker = false;
        layout = null;
        provider = null;
        markOnArrival = false;
        return this;
    }

    // ------------------------------------------------------------------ provider side

    /**
     * Describes a region of a Java primitive array: {@code byteOffset} bytes from element 0, {@code bytes} long.
     *
     * @param owner the object that owns the memory (kept referenced while MPI uses it)
     * @param array the array
     * @param byteOffset the offset in bytes
     * @param bytes the number of bytes
     * @param element the element type
     * @param readOnly whether the memory must not be written
     */
    public void describeArray(Object owner, Object array, long byteOffset, long bytes, ElementType element, boolean readOnly) {
        set(owner, array, LibMpi.KIND_ARRAY, byteOffset, bytes, element, readOnly);
    }

    /**
     * Describes a region of a direct NIO buffer: {@code byteOffset} bytes from its address, {@code bytes} long.
     *
     * @param owner the object that owns the memory (kept referenced while MPI uses it)
     * @param buffer the buffer (an array, NIO buffer, or any object a provider knows)
     * @param byteOffset the offset in bytes
     * @param bytes the number of bytes
     * @param element the element type
     * @param readOnly whether the memory must not be written
     */
    public void describeDirect(Object owner, java.nio.Buffer buffer, long byteOffset, long bytes, ElementType element, boolean readOnly) {
        if (DirectMemory.FAST) {
            set(owner, null, LibMpi.KIND_ADDRESS, DirectMemory.address(buffer) + byteOffset, bytes, element, readOnly);
        } else {
            set(owner, buffer, LibMpi.KIND_DIRECT, byteOffset, bytes, element, readOnly);
        }
    }

    /**
     * Describes off-heap memory at an absolute address; {@code owner} is kept referenced while MPI uses it.
     *
     * @param owner the object that owns the memory (kept referenced while MPI uses it)
     * @param address the native address
     * @param bytes the number of bytes
     * @param element the element type
     * @param readOnly whether the memory must not be written
     */
    public void describeAddress(Object owner, long address, long bytes, ElementType element, boolean readOnly) {
        set(owner, null, LibMpi.KIND_ADDRESS, address, bytes, element, readOnly);
    }

    /**
     * Describes strided off-heap memory (e.g. a non-contiguous array view): {@code layout}, a committed datatype whose
     * true lower bound is 0, covers exactly the view's elements from {@code address}, {@code spanBytes} long. The
     * message is one element of {@code layout}; the view cannot be re-sliced by a BufferSpec or split into blocks.
     *
     * @param owner the object that owns the memory (kept referenced while MPI uses it)
     * @param address the native address
     * @param spanBytes the number of bytes spanned
     * @param element the element type
     * @param layout the strided layout
     * @param readOnly whether the memory must not be written
     */
    public void describeStrided(Object owner, long address, long spanBytes, ElementType element, TypeDescriptor layout, boolean readOnly) {
        set(owner, null, LibMpi.KIND_ADDRESS, address, spanBytes, element, readOnly);
        this.layout = layout;
    }

    private void requireFlat(String what) {
        if (layout != null) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "a non-contiguous view goes whole, through the datatype mpi4j"
                    + " builds for its strides; it cannot be " + what + " (copy it with dup() first, or pass the view itself)");
        }
    }

    private void set(Object owner, Object base, int kind, long off, long bytes, ElementType element, boolean ro) {
        this.owner = owner;
        this.base = base;
        this.kind = kind;
        this.regionOffset = off;
        this.limit = bytes;
        this.elementType = element;
        this.readOnly = ro;
        this.vcounts = null;
        this.vdispls = null;
        this.wtypes = null;
        this.inPlaceMarker = false;
        this.layout = null;
    }

    // ------------------------------------------------------------------ resolution (called by Buffers only)

    void placeDiscovered(int blocks) {
        if (layout != null) {
            if (blocks > 1) {
                requireFlat("split into " + blocks + " blocks");
            }
            setMessage(0, 1, layout.handle(), layout);
            totalCount = 1;
            spanLow = 0;
            spanHigh = limit;
            return;
        }
        long n = limit >> elementType.shift();   // limit is never negative; a shift, not a 64-bit division
        setMessage(0, perBlock(n, blocks), elementType.datatype(), null);
        totalCount = n;
        spanLow = 0;
        spanHigh = n * elementType.size();
    }

    /** The per-block count of {@code total} elements split into {@code blocks} equal blocks (collectives). */
    private static int perBlock(long total, int blocks) {
        if (blocks <= 1) {
            return checkedCount(total);
        }
        if (total % blocks != 0) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "cannot infer count, buffer of " + total
                    + " elements is not a multiple of the " + blocks + " blocks the operation needs");
        }
        return checkedCount(total / blocks);
    }

    void place(long offsetElements, int requestedCount, TypeDescriptor t, int blocks) {
        requireFlat("given an offset, count or datatype");
        if (offsetElements < 0) {
            throw new MPIException(ErrorClasses.ERR_ARG, "negative offset " + offsetElements);
        }
        if (requestedCount < -1) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "negative count " + requestedCount);
        }
        int b = Math.max(blocks, 1);
        long esize = elementType.size();
        if (offsetElements > Long.MAX_VALUE / esize) {
            throw overflow("offset " + offsetElements + " x element size " + esize);
        }
        long pos = offsetElements * esize;
        if (pos > limit) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "offset " + offsetElements + " is past the end of a buffer of "
                    + limit / esize + " elements");
        }
        long room = limit - pos;
        if (t == null) {
            long n = requestedCount < 0 ? room / esize : (long) requestedCount * b;
            if (n > room / esize) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "count " + n + " exceeds the buffer: "
                        + room / esize + " elements of " + elementType + " from offset " + offsetElements);
            }
            setMessage(pos, perBlock(n, b), elementType.datatype(), null);
            totalCount = n;
            spanLow = 0;
            spanHigh = n * esize;
            return;
        }
        t.checkUsable();
        checkCompatible(t);
        long extent = t.extent();
        long n;
        if (requestedCount >= 0) {
            n = (long) requestedCount * b;
        } else if (extent <= 0) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "cannot infer count, datatype extent is " + extent);
        } else if (room % extent != 0) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "cannot infer count, buffer length " + room
                    + " is not a multiple of datatype extent " + extent);
        } else {
            n = room / extent;
        }
        long[] span = span(t, 0, n);
        checkSpan(span, pos, n, extent);
        setMessage(pos, perBlock(n, b), t.handle(), t);
        totalCount = n;
        spanLow = span[0];
        spanHigh = span[1];
    }

    /**
     * Bytes [lo, hi) that n elements of t starting displ extents in touch, relative to the message start. Every
     * product and sum is overflow-checked: a byte range past 64-bit arithmetic is an MPIException, never a wrap.
     */
    private static long[] span(TypeDescriptor t, long displ, long n) {
        if (n <= 0 || t.size() == 0) {
            return new long[] {0, 0};
        }
        long extent = t.extent();
        try {
            long first = Math.multiplyExact(displ, extent);
            long last = Math.multiplyExact(Math.addExact(displ, n - 1), extent);
            long tlb = t.trueLowerBound();
            return new long[] {Math.addExact(Math.min(first, last), tlb),
                Math.addExact(Math.addExact(Math.max(first, last), tlb), t.trueExtent())};
        } catch (ArithmeticException e) {
            throw overflow(n + " elements of a datatype with extent " + extent + " from displacement " + displ);
        }
    }

    private static MPIException overflow(String what) {
        return new MPIException(ErrorClasses.ERR_COUNT, what + ": the byte range overflows 64-bit arithmetic");
    }

    private void checkSpan(long[] span, long pos, long n, long extent) {
        if (n > 0 && (span[0] < -pos || span[1] > limit - pos)) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "count " + n + " exceeds the buffer: " + n
                    + " elements of a datatype with extent " + extent + " touches bytes [" + (pos + span[0]) + ", "
                    + (pos + span[1]) + ") but the buffer has " + limit + " bytes");
        }
    }

    /**
     * Places a v-variant message: block i holds counts[i] elements starting displs[i] elements (of the datatype's
     * extent) from the start; every block is bounds-checked. A null displs means blocks packed one after another.
     */
    void placeV(int[] counts, int[] displs, TypeDescriptor t, int blocks) {
        requireFlat("used with counts and displacements");
        if (counts == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "v-variant message needs a counts array");
        }
        requireLength("counts", counts.length, blocks);
        if (displs != null) {
            requireLength("displacements", displs.length, blocks);
        }
        if (t != null) {
            t.checkUsable();
            checkCompatible(t);
        }
        int[] d = displs != null ? displs : packedDispls(counts);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < blocks; i++) {
            checkBlock(counts[i], d[i], i);
            if (counts[i] == 0) {
                continue;
            }
            long[] sp = t != null ? span(t, d[i], counts[i])
                    : new long[] {(long) d[i] * elementType.size(), ((long) d[i] + counts[i]) * elementType.size()};
            if (sp[0] < 0 || sp[1] > limit) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "block " + i + " (count " + counts[i] + ", displacement "
                        + d[i] + ") exceeds the buffer: it touches bytes [" + sp[0] + ", " + sp[1] + ") of " + limit);
            }
            lo = Math.min(lo, sp[0]);
            hi = Math.max(hi, sp[1]);
        }
        setMessage(0, 0, t != null ? t.handle() : elementType.datatype(), t);
        vcounts = counts;
        vdispls = d;
        spanLow = lo == Long.MAX_VALUE ? 0 : lo;
        spanHigh = hi == Long.MIN_VALUE ? 0 : hi;
    }

    /** Places a w-variant message (alltoallw): block i is counts[i] elements of types[i] at displs[i] bytes. */
    void placeW(int[] counts, int[] displs, TypeDescriptor[] types, int blocks) {
        requireFlat("used with counts, displacements and types");
        if (counts == null || displs == null || types == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "w-variant message needs counts, byte displacements and types");
        }
        requireLength("counts", counts.length, blocks);
        requireLength("displacements", displs.length, blocks);
        requireLength("types", types.length, blocks);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < blocks; i++) {
            checkBlock(counts[i], displs[i], i);
            if (types[i] == null) {
                throw new MPIException(ErrorClasses.ERR_TYPE, "null datatype at index " + i);
            }
            types[i].checkUsable();
            if (counts[i] == 0) {
                continue;
            }
            checkCompatible(types[i]);
            long[] sp = span(types[i], 0, counts[i]);
            try {
                sp[0] = Math.addExact(sp[0], displs[i]);
                sp[1] = Math.addExact(sp[1], displs[i]);
            } catch (ArithmeticException e) {
                throw overflow("block " + i + " (count " + counts[i] + ", byte displacement " + displs[i] + ")");
            }
            if (sp[0] < 0 || sp[1] > limit) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "block " + i + " (count " + counts[i] + ", byte displacement "
                        + displs[i] + ") exceeds the buffer: it touches bytes [" + sp[0] + ", " + sp[1] + ") of " + limit);
            }
            lo = Math.min(lo, sp[0]);
            hi = Math.max(hi, sp[1]);
        }
        setMessage(0, 0, 0, null);
        vcounts = counts;
        vdispls = displs;
        wtypes = types;
        spanLow = lo == Long.MAX_VALUE ? 0 : lo;
        spanHigh = hi == Long.MIN_VALUE ? 0 : hi;
    }

    private static void checkBlock(int count, int displ, int i) {
        if (count < 0) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "negative count " + count + " at index " + i);
        }
        if (displ < 0) {
            throw new MPIException(ErrorClasses.ERR_ARG, "negative displacement " + displ + " at index " + i);
        }
    }

    private static void requireLength(String what, int length, int blocks) {
        if (length != blocks) {
            throw new MPIException(ErrorClasses.ERR_ARG, what + " array has " + length + " entries, the operation needs "
                    + blocks + " (one per process)");
        }
    }

    private int[] packedDispls(int[] counts) {
        if (scratchDispls == null || scratchDispls.length < counts.length) {
            scratchDispls = new int[counts.length];
        }
        long at = 0;
        for (int i = 0; i < counts.length; i++) {
            if (at > Integer.MAX_VALUE) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "displacement " + at + " at index " + i + " exceeds MPI's int range");
            }
            scratchDispls[i] = (int) at;
            at += Math.max(counts[i], 0);
        }
        return scratchDispls;
    }

    void placeInPlace(long inPlace) {
        set(null, null, LibMpi.KIND_ADDRESS, inPlace, 0, ElementType.RAW, true);
        setMessage(0, 0, ElementType.RAW.datatype(), null);
        inPlaceMarker = true;
    }

    private void checkCompatible(TypeDescriptor t) {
        ElementType te = t.elementType();
        if (elementType.isByteLike() || te == ElementType.RAW) {
            return;
        }
        if (te == null) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype mixes element kinds; it needs a byte buffer, not a buffer of "
                    + elementType);
        }
        if (te != elementType && !(te.size() == elementType.size() && sameFamily(te, elementType))) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype of " + te + " elements does not match a buffer of "
                    + elementType);
        }
    }

    private static boolean sameFamily(ElementType a, ElementType b) {
        boolean fa = a == ElementType.FLOAT32 || a == ElementType.FLOAT64;
        boolean fb = b == ElementType.FLOAT32 || b == ElementType.FLOAT64;
        return fa == fb && (a == ElementType.BOOL) == (b == ElementType.BOOL);
    }

    private static int checkedCount(long n) {
        if (n > Integer.MAX_VALUE) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "message of " + n
                    + " elements exceeds MPI's int count; send it with a contiguous derived datatype");
        }
        return (int) n;
    }

    private void setMessage(long pos, int n, long dt, TypeDescriptor t) {
        this.position = pos;
        this.count = n;
        this.totalCount = n;
        this.datatype = dt;
        this.type = t;
    }

    /** Tells the owner's provider which bytes of its region this message is about to receive. */
    void prepareReceive() {
        if (owner != null && spanHigh > spanLow && !inPlaceMarker) {
            BufferProvider p = provider != null ? provider : Buffers.providerOf(owner);
            p.prepareReceive(owner, position + spanLow, spanHigh - spanLow);
        }
    }

    /** Records the provider that just described this message's owner. */
    void describedBy(BufferProvider p) {
        provider = p;
        markOnArrival = false;
    }

    /** A point-to-point receive: the provider's marking waits for the bytes that arrive (see {@link #arrived}). */
    void deferMark() {
        markOnArrival = owner != null && spanHigh > spanLow && !inPlaceMarker && provider != null && provider.marksReceive();
    }

    /**
     * True when this point-to-point receive's provider marks what it receives ({@link BufferProvider#marksReceive}):
     * the caller then calls {@link #arrived} (or {@link #deferredMark}'s) with the bytes the receive delivered.
     *
     * @return true when the bytes that arrived must be marked after the receive
     */
    public boolean marksOnArrival() {
        return markOnArrival;
    }

    /**
     * After a point-to-point receive into this message completed: the provider marks the {@code bytes} that arrived
     * (packed bytes; for a contiguous message the first {@code bytes} of its span). Does nothing unless
     * {@link #marksOnArrival}.
     *
     * @param bytes the bytes the receive delivered (MPI_Get_count in MPI_BYTE)
     */
    public void arrived(long bytes) {
        if (markOnArrival && bytes > 0) {
            provider.prepareReceive(owner, position + spanLow, Math.min(bytes, spanHigh - spanLow));
        }
    }

    /**
     * What {@link #arrived} needs, kept for a nonblocking receive whose completion comes after this message buffer
     * is reused; null unless {@link #marksOnArrival}.
     *
     * @return the marking to do when the receive completes, or null
     */
    public ReceiveMark deferredMark() {
        return markOnArrival ? new ReceiveMark(provider, owner, position + spanLow, spanHigh - spanLow) : null;
    }

    void requireWritable() {
        if (readOnly) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "cannot receive into a read-only buffer");
        }
    }

    // ------------------------------------------------------------------ what operations read

    /**
     * The object to pass as the JNI base: the array, the direct buffer, or null for an address.
     *
     * @return the object to pass as the JNI base: the array, the direct buffer, or null for an address
     */
    public Object base() {
        return base;
    }

    /**
     * How {@link #offset()} is read: {@code LibMpi.KIND_ADDRESS}, {@code KIND_ARRAY} or {@code KIND_DIRECT}.
     *
     * @return how {@link #offset()} is read: {@code LibMpi.KIND_ADDRESS}, {@code KIND_ARRAY} or {@code KIND_DIRECT}
     */
    public int kind() {
        return kind;
    }

    /**
     * Bytes from the base to the message start, or the absolute address for {@code KIND_ADDRESS}.
     *
     * @return bytes from the base to the message start, or the absolute address for {@code KIND_ADDRESS}
     */
    public long offset() {
        return regionOffset + position;
    }

    /**
     * The element count passed to MPI.
     *
     * @return the element count passed to MPI
     */
    public int count() {
        return count;
    }

    /**
     * Elements of the datatype in the whole buffer: {@link #count()} times the blocks of a collective's buffer.
     *
     * @return elements of the datatype in the whole buffer: {@link #count()} times the blocks of a collective's buffer
     */
    public long totalCount() {
        return totalCount;
    }

    /**
     * The MPI datatype handle passed to MPI.
     *
     * @return the MPI datatype handle passed to MPI
     */
    public long datatype() {
        return datatype;
    }

    /**
     * The explicit datatype, or null when it was discovered from the element type.
     *
     * @return the explicit datatype, or null when it was discovered from the element type
     */
    public TypeDescriptor type() {
        return type;
    }

    /**
     * The kind of elements the provider reported.
     *
     * @return the kind of elements the provider reported
     */
    public ElementType elementType() {
        return elementType;
    }

    /**
     * The user's object, to keep referenced while MPI may touch its memory.
     *
     * @return the user's object, to keep referenced while MPI may touch its memory
     */
    public Object owner() {
        return owner;
    }

    /**
     * The absolute native address of the message start, for calls that outlive one JNI transition (nonblocking
     * operations). Heap arrays have none: they must be staged ({@link #isHeap()}).
     *
     * @return the absolute native address of the message start, for calls that outlive one JNI transition (nonblocking operations)
     */
    public long address() {
        switch (kind) {
            case LibMpi.KIND_ADDRESS:
                return offset();
            case LibMpi.KIND_DIRECT:
                return DirectMemory.address((java.nio.Buffer) base) + offset();
            default:
                throw new IllegalStateException("a heap array has no stable native address; stage it");
        }
    }

    /**
     * True when the memory is a Java heap array that must not be handed to MPI beyond one blocking call.
     *
     * @return true when the memory is a Java heap array that must not be handed to MPI beyond one blocking call
     */
    public boolean isHeap() {
        return kind == LibMpi.KIND_ARRAY;
    }

    /**
     * First byte the message touches, relative to the message start (negative for negative lower bounds).
     *
     * @return first byte the message touches, relative to the message start (negative for negative lower bounds)
     */
    public long spanLow() {
        return spanLow;
    }

    /**
     * Bytes the message touches from {@link #spanLow()}.
     *
     * @return bytes the message touches from {@link #spanLow()}
     */
    public long spanBytes() {
        return spanHigh - spanLow;
    }

    /**
     * True for strided memory described with a provider-built layout (see {@link #describeStrided}).
     *
     * @return true for strided memory described with a provider-built layout (see {@link #describeStrided})
     */
    public boolean isStrided() {
        return layout != null;
    }

    /**
     * True for MPI_IN_PLACE: no memory of its own; count and datatype come from the other buffer.
     *
     * @return true for MPI_IN_PLACE: no memory of its own; count and datatype come from the other buffer
     */
    public boolean isInPlace() {
        return inPlaceMarker;
    }

    /**
     * Per-process counts of a v or w message, null otherwise.
     *
     * @return per-process counts of a v or w message, null otherwise
     */
    public int[] counts() {
        return vcounts;
    }

    /**
     * Per-process displacements of a v message (in extents) or w message (in bytes), null otherwise.
     *
     * @return per-process displacements of a v message (in extents) or w message (in bytes), null otherwise
     */
    public int[] displs() {
        return vdispls;
    }

    /**
     * Per-process datatypes of a w message, null otherwise.
     *
     * @return per-process datatypes of a w message, null otherwise
     */
    public TypeDescriptor[] types() {
        return wtypes;
    }

    /**
     * Moves the message to native memory at {@code address} (where its first element now is): staging memory that
     * replaced a heap array, or the resolved address of off-heap memory for a nonblocking call.
     *
     * @param address the native address
     */
    public void relocate(long address) {
        base = null;
        kind = LibMpi.KIND_ADDRESS;
        regionOffset = address - position;
    }

    /**
     * Copies another resolved buffer's state into this one.
     *
     * @param o the message buffer
     * @return the message buffer
     */
    public MessageBuffer copyFrom(MessageBuffer o) {
        owner = o.owner;
        base = o.base;
        kind = o.kind;
        regionOffset = o.regionOffset;
        limit = o.limit;
        elementType = o.elementType;
        readOnly = o.readOnly;
        position = o.position;
        count = o.count;
        totalCount = o.totalCount;
        datatype = o.datatype;
        type = o.type;
        spanLow = o.spanLow;
        spanHigh = o.spanHigh;
        vcounts = o.vcounts;
        vdispls = o.vdispls;
        wtypes = o.wtypes;
        inPlaceMarker = o.inPlaceMarker;
        return this;
    }
}
