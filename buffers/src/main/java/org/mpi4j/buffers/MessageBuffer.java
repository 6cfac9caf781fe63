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
    private long datatype;
    private TypeDescriptor type;
    private long spanLow;
    private long spanHigh;

    /** Creates an empty, reusable message buffer. */
    public MessageBuffer() {
        clear();
    }

    /** Resets to the empty message (no memory, count 0, MPI_BYTE), what a null buffer argument means. */
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
        return this;
    }

    // ------------------------------------------------------------------ provider side

    /** Describes a region of a Java primitive array: {@code byteOffset} bytes from element 0, {@code bytes} long. */
    public void describeArray(Object owner, Object array, long byteOffset, long bytes, ElementType element, boolean readOnly) {
        set(owner, array, LibMpi.KIND_ARRAY, byteOffset, bytes, element, readOnly);
    }

    /** Describes a region of a direct NIO buffer: {@code byteOffset} bytes from its address, {@code bytes} long. */
    public void describeDirect(Object owner, java.nio.Buffer buffer, long byteOffset, long bytes, ElementType element, boolean readOnly) {
        set(owner, buffer, LibMpi.KIND_DIRECT, byteOffset, bytes, element, readOnly);
    }

    /** Describes off-heap memory at an absolute address; {@code owner} is kept referenced while MPI uses it. */
    public void describeAddress(Object owner, long address, long bytes, ElementType element, boolean readOnly) {
        set(owner, null, LibMpi.KIND_ADDRESS, address, bytes, element, readOnly);
    }

    private void set(Object owner, Object base, int kind, long off, long bytes, ElementType element, boolean ro) {
        this.owner = owner;
        this.base = base;
        this.kind = kind;
        this.regionOffset = off;
        this.limit = bytes;
        this.elementType = element;
        this.readOnly = ro;
    }

    // ------------------------------------------------------------------ resolution (called by Buffers only)

    void placeDiscovered() {
        long n = limit / elementType.size();
        setMessage(0, checkedCount(n), elementType.datatype(), null);
        spanLow = 0;
        spanHigh = (long) count * elementType.size();
    }

    void place(long offsetElements, int requestedCount, TypeDescriptor t) {
        if (offsetElements < 0) {
            throw new MPIException(ErrorClasses.ERR_ARG, "negative offset " + offsetElements);
        }
        if (requestedCount < -1) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "negative count " + requestedCount);
        }
        long pos = offsetElements * elementType.size();
        if (pos > limit) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "offset " + offsetElements + " is past the end of a buffer of "
                    + limit / elementType.size() + " elements");
        }
        long room = limit - pos;
        if (t == null) {
            long n = requestedCount < 0 ? room / elementType.size() : requestedCount;
            if (n * elementType.size() > room) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "count " + n + " exceeds the buffer: "
                        + room / elementType.size() + " elements of " + elementType + " from offset " + offsetElements);
            }
            setMessage(pos, checkedCount(n), elementType.datatype(), null);
            spanLow = 0;
            spanHigh = n * elementType.size();
            return;
        }
        t.checkUsable();
        checkCompatible(t);
        long extent = t.extent();
        long n;
        if (requestedCount >= 0) {
            n = requestedCount;
        } else if (extent <= 0) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "cannot infer count, datatype extent is " + extent);
        } else if (room % extent != 0) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "cannot infer count, buffer length " + room
                    + " is not a multiple of datatype extent " + extent);
        } else {
            n = room / extent;
        }
        long lo = 0;
        long hi = 0;
        if (n > 0) {
            long tlb = t.trueLowerBound();
            long last = (n - 1) * extent;
            lo = Math.min(tlb, last + tlb);
            hi = Math.max(tlb + t.trueExtent(), last + tlb + t.trueExtent());
            if (pos + lo < 0 || pos + hi > limit) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "count " + n + " exceeds the buffer: " + n
                        + " elements of a datatype with extent " + extent + " touches bytes [" + (pos + lo) + ", "
                        + (pos + hi) + ") but the buffer has " + limit + " bytes");
            }
        }
        setMessage(pos, checkedCount(n), t.handle(), t);
        spanLow = lo;
        spanHigh = hi;
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
        this.datatype = dt;
        this.type = t;
    }

    void requireWritable() {
        if (readOnly) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "cannot receive into a read-only buffer");
        }
    }

    // ------------------------------------------------------------------ what operations read

    /** The object to pass as the JNI base: the array, the direct buffer, or null for an address. */
    public Object base() {
        return base;
    }

    /** How {@link #offset()} is read: {@code LibMpi.KIND_ADDRESS}, {@code KIND_ARRAY} or {@code KIND_DIRECT}. */
    public int kind() {
        return kind;
    }

    /** Bytes from the base to the message start, or the absolute address for {@code KIND_ADDRESS}. */
    public long offset() {
        return regionOffset + position;
    }

    /** The element count passed to MPI. */
    public int count() {
        return count;
    }

    /** The MPI datatype handle passed to MPI. */
    public long datatype() {
        return datatype;
    }

    /** The explicit datatype, or null when it was discovered from the element type. */
    public TypeDescriptor type() {
        return type;
    }

    /** The kind of elements the provider reported. */
    public ElementType elementType() {
        return elementType;
    }

    /** The user's object, to keep referenced while MPI may touch its memory. */
    public Object owner() {
        return owner;
    }

    /**
     * The absolute native address of the message start, for calls that outlive one JNI transition (nonblocking
     * operations). Heap arrays have none: they must be staged ({@link #isHeap()}).
     */
    public long address() {
        switch (kind) {
            case LibMpi.KIND_ADDRESS:
                return offset();
            case LibMpi.KIND_DIRECT:
                return LibMpi.mpi4j_direct_address((java.nio.Buffer) base) + offset();
            default:
                throw new IllegalStateException("a heap array has no stable native address; stage it");
        }
    }

    /** True when the memory is a Java heap array that must not be handed to MPI beyond one blocking call. */
    public boolean isHeap() {
        return kind == LibMpi.KIND_ARRAY;
    }

    /** First byte the message touches, relative to the message start (negative for negative lower bounds). */
    public long spanLow() {
        return spanLow;
    }

    /** Bytes the message touches from {@link #spanLow()}. */
    public long spanBytes() {
        return spanHigh - spanLow;
    }

    /** Copies another resolved buffer's state into this one. */
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
        datatype = o.datatype;
        type = o.type;
        spanLow = o.spanLow;
        spanHigh = o.spanHigh;
        return this;
    }
}
