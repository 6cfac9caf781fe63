package org.mpi4j;

import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.buffers.TypeDescriptor;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Datatype: every predefined type as a constant, the derived-type constructors (contiguous, vector, hvector,
 * indexed, hindexed, indexed block, struct, subarray, darray, resized), commit/free/dup, size and extents, and
 * pack/unpack. Derived types must be {@link #commit() committed} before use and are freed by {@link #close()}.
 * A constructor whose type would reach byte displacements or a size beyond 2^62 (arithmetic MPI does not check for
 * overflow) throws an MPIException (MPI_ERR_ARG) instead of building it.
 */
public final class Datatype implements TypeDescriptor, AutoCloseable {
    private static final long NULL = LibMpi.MPI_DATATYPE_NULL();

    /** MPI_DATATYPE_NULL. */
    public static final Datatype DATATYPE_NULL = new Datatype(NULL, null, true, true, "MPI_DATATYPE_NULL");

    /** MPI_BYTE: untyped bytes. */
    public static final Datatype BYTE = named(LibMpi.MPI_BYTE(), ElementType.RAW, "MPI_BYTE");
    /** MPI_PACKED: packed bytes (pack/unpack). */
    public static final Datatype PACKED = named(LibMpi.MPI_PACKED(), ElementType.RAW, "MPI_PACKED");
    /** MPI_CHAR: C char. */
    public static final Datatype CHAR = named(LibMpi.MPI_CHAR(), ElementType.INT8, "MPI_CHAR");
    /** MPI_SIGNED_CHAR: signed 8-bit integer (Java byte). */
    public static final Datatype SIGNED_CHAR = named(LibMpi.MPI_SIGNED_CHAR(), ElementType.INT8, "MPI_SIGNED_CHAR");
    /** MPI_UNSIGNED_CHAR: unsigned 8-bit integer. */
    public static final Datatype UNSIGNED_CHAR = named(LibMpi.MPI_UNSIGNED_CHAR(), ElementType.UINT8, "MPI_UNSIGNED_CHAR");
    /** MPI_WCHAR: C wchar_t (4 bytes on Linux). */
    public static final Datatype WCHAR = named(LibMpi.MPI_WCHAR(), null, "MPI_WCHAR");
    /** MPI_SHORT: Java short. */
    public static final Datatype SHORT = named(LibMpi.MPI_SHORT(), ElementType.INT16, "MPI_SHORT");
    /** MPI_UNSIGNED_SHORT: unsigned 16-bit (Java char). */
    public static final Datatype UNSIGNED_SHORT = named(LibMpi.MPI_UNSIGNED_SHORT(), ElementType.UINT16, "MPI_UNSIGNED_SHORT");
    /** MPI_INT: Java int. */
    public static final Datatype INT = named(LibMpi.MPI_INT(), ElementType.INT32, "MPI_INT");
    /** MPI_UNSIGNED: unsigned 32-bit. */
    public static final Datatype UNSIGNED = named(LibMpi.MPI_UNSIGNED(), ElementType.UINT32, "MPI_UNSIGNED");
    /** MPI_LONG: Java long on LP64 platforms. */
    public static final Datatype LONG = named(LibMpi.MPI_LONG(), LibMpi.sizeofLong() == 8 ? ElementType.INT64 : ElementType.INT32, "MPI_LONG");
    /** MPI_UNSIGNED_LONG. */
    public static final Datatype UNSIGNED_LONG = named(LibMpi.MPI_UNSIGNED_LONG(), LibMpi.sizeofLong() == 8 ? ElementType.UINT64 : ElementType.UINT32, "MPI_UNSIGNED_LONG");
    /** MPI_LONG_LONG: 64-bit integer. */
    public static final Datatype LONG_LONG = named(LibMpi.MPI_LONG_LONG(), ElementType.INT64, "MPI_LONG_LONG");
    /** MPI_UNSIGNED_LONG_LONG. */
    public static final Datatype UNSIGNED_LONG_LONG = named(LibMpi.MPI_UNSIGNED_LONG_LONG(), ElementType.UINT64, "MPI_UNSIGNED_LONG_LONG");
    /** MPI_FLOAT: Java float. */
    public static final Datatype FLOAT = named(LibMpi.MPI_FLOAT(), ElementType.FLOAT32, "MPI_FLOAT");
    /** MPI_DOUBLE: Java double. */
    public static final Datatype DOUBLE = named(LibMpi.MPI_DOUBLE(), ElementType.FLOAT64, "MPI_DOUBLE");
    /** MPI_LONG_DOUBLE: C long double (no Java equivalent; byte buffers only). */
    public static final Datatype LONG_DOUBLE = named(LibMpi.MPI_LONG_DOUBLE(), null, "MPI_LONG_DOUBLE");
    /** MPI_C_BOOL: one-byte boolean (Java boolean). */
    public static final Datatype C_BOOL = named(LibMpi.MPI_C_BOOL(), ElementType.BOOL, "MPI_C_BOOL");
    /** MPI_INT8_T. */
    public static final Datatype INT8_T = named(LibMpi.MPI_INT8_T(), ElementType.INT8, "MPI_INT8_T");
    /** MPI_INT16_T. */
    public static final Datatype INT16_T = named(LibMpi.MPI_INT16_T(), ElementType.INT16, "MPI_INT16_T");
    /** MPI_INT32_T. */
    public static final Datatype INT32_T = named(LibMpi.MPI_INT32_T(), ElementType.INT32, "MPI_INT32_T");
    /** MPI_INT64_T. */
    public static final Datatype INT64_T = named(LibMpi.MPI_INT64_T(), ElementType.INT64, "MPI_INT64_T");
    /** MPI_UINT8_T. */
    public static final Datatype UINT8_T = named(LibMpi.MPI_UINT8_T(), ElementType.UINT8, "MPI_UINT8_T");
    /** MPI_UINT16_T. */
    public static final Datatype UINT16_T = named(LibMpi.MPI_UINT16_T(), ElementType.UINT16, "MPI_UINT16_T");
    /** MPI_UINT32_T. */
    public static final Datatype UINT32_T = named(LibMpi.MPI_UINT32_T(), ElementType.UINT32, "MPI_UINT32_T");
    /** MPI_UINT64_T. */
    public static final Datatype UINT64_T = named(LibMpi.MPI_UINT64_T(), ElementType.UINT64, "MPI_UINT64_T");
    /** MPI_C_COMPLEX: float complex (pairs of floats). */
    public static final Datatype C_COMPLEX = named(LibMpi.MPI_C_COMPLEX(), ElementType.FLOAT32, "MPI_C_COMPLEX");
    /** MPI_C_FLOAT_COMPLEX: float complex (pairs of floats). */
    public static final Datatype C_FLOAT_COMPLEX = named(LibMpi.MPI_C_FLOAT_COMPLEX(), ElementType.FLOAT32, "MPI_C_FLOAT_COMPLEX");
    /** MPI_C_DOUBLE_COMPLEX: double complex (pairs of doubles). */
    public static final Datatype C_DOUBLE_COMPLEX = named(LibMpi.MPI_C_DOUBLE_COMPLEX(), ElementType.FLOAT64, "MPI_C_DOUBLE_COMPLEX");
    /** MPI_C_LONG_DOUBLE_COMPLEX. */
    public static final Datatype C_LONG_DOUBLE_COMPLEX = named(LibMpi.MPI_C_LONG_DOUBLE_COMPLEX(), null, "MPI_C_LONG_DOUBLE_COMPLEX");
    /** MPI_AINT: address-sized integer. */
    public static final Datatype AINT = named(LibMpi.MPI_AINT(), ElementType.INT64, "MPI_AINT");
    /** MPI_OFFSET: file offset integer. */
    public static final Datatype OFFSET = named(LibMpi.MPI_OFFSET(), ElementType.INT64, "MPI_OFFSET");
    /** MPI_COUNT: large-count integer. */
    public static final Datatype COUNT = named(LibMpi.MPI_COUNT(), ElementType.INT64, "MPI_COUNT");
    /** MPI_CXX_BOOL. */
    public static final Datatype CXX_BOOL = named(LibMpi.MPI_CXX_BOOL(), ElementType.BOOL, "MPI_CXX_BOOL");
    /** MPI_CXX_FLOAT_COMPLEX. */
    public static final Datatype CXX_FLOAT_COMPLEX = named(LibMpi.MPI_CXX_FLOAT_COMPLEX(), ElementType.FLOAT32, "MPI_CXX_FLOAT_COMPLEX");
    /** MPI_CXX_DOUBLE_COMPLEX. */
    public static final Datatype CXX_DOUBLE_COMPLEX = named(LibMpi.MPI_CXX_DOUBLE_COMPLEX(), ElementType.FLOAT64, "MPI_CXX_DOUBLE_COMPLEX");
    /** MPI_CXX_LONG_DOUBLE_COMPLEX. */
    public static final Datatype CXX_LONG_DOUBLE_COMPLEX = named(LibMpi.MPI_CXX_LONG_DOUBLE_COMPLEX(), null, "MPI_CXX_LONG_DOUBLE_COMPLEX");
    /** MPI_FLOAT_INT: (float, int) pair for MAXLOC/MINLOC. */
    public static final Datatype FLOAT_INT = named(LibMpi.MPI_FLOAT_INT(), null, "MPI_FLOAT_INT");
    /** MPI_DOUBLE_INT: (double, int) pair for MAXLOC/MINLOC. */
    public static final Datatype DOUBLE_INT = named(LibMpi.MPI_DOUBLE_INT(), null, "MPI_DOUBLE_INT");
    /** MPI_LONG_INT: (long, int) pair for MAXLOC/MINLOC. */
    public static final Datatype LONG_INT = named(LibMpi.MPI_LONG_INT(), null, "MPI_LONG_INT");
    /** MPI_2INT: (int, int) pair for MAXLOC/MINLOC. */
    public static final Datatype INT_INT = named(LibMpi.MPI_2INT(), ElementType.INT32, "MPI_2INT");
    /** MPI_SHORT_INT: (short, int) pair for MAXLOC/MINLOC. */
    public static final Datatype SHORT_INT = named(LibMpi.MPI_SHORT_INT(), null, "MPI_SHORT_INT");
    /** MPI_LONG_DOUBLE_INT: (long double, int) pair for MAXLOC/MINLOC. */
    public static final Datatype LONG_DOUBLE_INT = named(LibMpi.MPI_LONG_DOUBLE_INT(), null, "MPI_LONG_DOUBLE_INT");
    /** MPI_CHARACTER (Fortran). */
    public static final Datatype CHARACTER = named(LibMpi.MPI_CHARACTER(), ElementType.INT8, "MPI_CHARACTER");
    /** MPI_LOGICAL (Fortran). */
    public static final Datatype LOGICAL = named(LibMpi.MPI_LOGICAL(), null, "MPI_LOGICAL");
    /** MPI_INTEGER (Fortran). */
    public static final Datatype INTEGER = named(LibMpi.MPI_INTEGER(), ElementType.INT32, "MPI_INTEGER");
    /** MPI_REAL (Fortran). */
    public static final Datatype REAL = named(LibMpi.MPI_REAL(), ElementType.FLOAT32, "MPI_REAL");
    /** MPI_DOUBLE_PRECISION (Fortran). */
    public static final Datatype DOUBLE_PRECISION = named(LibMpi.MPI_DOUBLE_PRECISION(), ElementType.FLOAT64, "MPI_DOUBLE_PRECISION");
    /** MPI_COMPLEX (Fortran). */
    public static final Datatype COMPLEX = named(LibMpi.MPI_COMPLEX(), ElementType.FLOAT32, "MPI_COMPLEX");
    /** MPI_DOUBLE_COMPLEX (Fortran). */
    public static final Datatype DOUBLE_COMPLEX = named(LibMpi.MPI_DOUBLE_COMPLEX(), ElementType.FLOAT64, "MPI_DOUBLE_COMPLEX");
    /** MPI_2REAL (Fortran pair). */
    public static final Datatype TWO_REAL = named(LibMpi.MPI_2REAL(), ElementType.FLOAT32, "MPI_2REAL");
    /** MPI_2DOUBLE_PRECISION (Fortran pair). */
    public static final Datatype TWO_DOUBLE_PRECISION = named(LibMpi.MPI_2DOUBLE_PRECISION(), ElementType.FLOAT64, "MPI_2DOUBLE_PRECISION");
    /** MPI_2INTEGER (Fortran pair). */
    public static final Datatype TWO_INTEGER = named(LibMpi.MPI_2INTEGER(), ElementType.INT32, "MPI_2INTEGER");
    /** MPI_INTEGER1 (Fortran). */
    public static final Datatype INTEGER1 = named(LibMpi.MPI_INTEGER1(), ElementType.INT8, "MPI_INTEGER1");
    /** MPI_INTEGER2 (Fortran). */
    public static final Datatype INTEGER2 = named(LibMpi.MPI_INTEGER2(), ElementType.INT16, "MPI_INTEGER2");
    /** MPI_INTEGER4 (Fortran). */
    public static final Datatype INTEGER4 = named(LibMpi.MPI_INTEGER4(), ElementType.INT32, "MPI_INTEGER4");
    /** MPI_INTEGER8 (Fortran). */
    public static final Datatype INTEGER8 = named(LibMpi.MPI_INTEGER8(), ElementType.INT64, "MPI_INTEGER8");
    /** MPI_REAL4 (Fortran). */
    public static final Datatype REAL4 = named(LibMpi.MPI_REAL4(), ElementType.FLOAT32, "MPI_REAL4");
    /** MPI_REAL8 (Fortran). */
    public static final Datatype REAL8 = named(LibMpi.MPI_REAL8(), ElementType.FLOAT64, "MPI_REAL8");

    /** Array order for subarray/darray: C (row-major). */
    public static final int ORDER_C = LibMpi.MPI_ORDER_C();
    /** Array order for subarray/darray: Fortran (column-major). */
    public static final int ORDER_FORTRAN = LibMpi.MPI_ORDER_FORTRAN();
    /** darray distribution: block. */
    public static final int DISTRIBUTE_BLOCK = LibMpi.MPI_DISTRIBUTE_BLOCK();
    /** darray distribution: cyclic. */
    public static final int DISTRIBUTE_CYCLIC = LibMpi.MPI_DISTRIBUTE_CYCLIC();
    /** darray distribution: none. */
    public static final int DISTRIBUTE_NONE = LibMpi.MPI_DISTRIBUTE_NONE();
    /** darray default distribution argument. */
    public static final int DISTRIBUTE_DFLT_DARG = LibMpi.MPI_DISTRIBUTE_DFLT_DARG();

    private long handle;
    private final ElementType elementType;
    private final boolean predefined;
    private boolean committed;
    private boolean layoutKnown;
    private long size;
    private long lb;
    private long extent;
    private long trueLb;
    private long trueExtent;
    /**
     * A bound, in bytes, on every displacement this type reaches (|lb|, |ub|, |true lb|, |true ub|) and on its size,
     * worked out in Java with exact arithmetic from the constructor's arguments; -1 until known (predefined and foreign
     * types take it from MPI's reported layout). See {@link #REACH_LIMIT}.
     */
    private long reach = -1;
    private final String label;

    /**
     * The largest {@link #reach} a type may have: 2^62 bytes. Neither Open MPI 4.1 nor MPICH 4.0 checks its MPI_Aint
     * arithmetic when it builds a derived type, so arguments such as hvector(255, 32, 2^63-1) give a type whose
     * reported extent has wrapped around (MPICH: extent 2 for a type of 65280 bytes; Open MPI: lb -254, extent 512),
     * and every bounds check made with the reported values is then wrong: MPI reads and writes far outside the
     * buffer. A type whose reach stays under 2^62 cannot wrap (each MPI sum adds at most two such terms); no memory
     * a process can address comes near it (x86-64: 2^47), so nothing usable is refused.
     */
    static final long REACH_LIMIT = 1L << 62;

    private Datatype(long handle, ElementType elementType, boolean predefined, boolean committed, String label) {
        this.handle = handle;
        this.elementType = elementType;
        this.predefined = predefined;
        this.committed = committed;
        this.label = label;
    }

    private static Datatype named(long handle, ElementType e, String label) {
        return new Datatype(handle, e, true, true, label);
    }

    /**
     * The predefined datatype MPI discovers for an element kind (e.g. FLOAT64 is MPI_DOUBLE).
     *
     * @param e the element type
     * @return the predefined datatype MPI discovers for an element kind (e.g. FLOAT64 is MPI_DOUBLE)
     */
    public static Datatype of(ElementType e) {
        Args.notNull(e, "e");
        switch (e) {
            case RAW: return BYTE;
            case BOOL: return C_BOOL;
            case INT8: return SIGNED_CHAR;
            case UINT8: return UNSIGNED_CHAR;
            case INT16: return SHORT;
            case UINT16: return UNSIGNED_SHORT;
            case INT32: return INT;
            case UINT32: return UNSIGNED;
            case INT64: return LibMpi.sizeofLong() == 8 ? LONG : INT64_T;
            case UINT64: return UINT64_T;
            case FLOAT32: return FLOAT;
            case FLOAT64: return DOUBLE;
            default: throw new IllegalArgumentException(String.valueOf(e));
        }
    }

    /**
     * Wraps a native MPI_Datatype handle made elsewhere (interop); mpi4j will not free it unless asked to.
     * The handle is not checked, as in C and mpi4py: a value that is not a live handle is undefined behaviour in MPI.
     *
     * @param handle the native handle
     * @return the new datatype
     */
    public static Datatype fromHandle(long handle) {
        return new Datatype(handle, null, false, true, "foreign");
    }

    private static java.util.Map<Long, Datatype> predefinedByHandle;

    /** The predefined Datatype with this handle, or a foreign wrapper (user-op callbacks receive raw handles). */
    static Datatype lookup(long handle) {
        java.util.Map<Long, Datatype> m = predefinedByHandle;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (java.lang.reflect.Field f : Datatype.class.getFields()) {
                if (f.getType() == Datatype.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    try {
                        Datatype d = (Datatype) f.get(null);
                        m.putIfAbsent(d.handle, d);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            predefinedByHandle = m;
        }
        Datatype d = m.get(handle);
        return d != null ? d : fromHandle(handle);
    }

    /**
     * MPI_Type_f2c: the datatype for a Fortran handle.
     *
     * @param f the Fortran handle
     * @return the datatype for a Fortran handle
     */
    public static Datatype fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Type_f2c(f), f, "datatype"));
    }

    /**
     * MPI_Type_c2f: this datatype's Fortran handle.
     *
     * @return this datatype's Fortran handle
     */
    public int toFortran() {
        return LibMpi.MPI_Type_c2f(handle());
    }

    /** The native MPI_Datatype handle (interop with C/JNI libraries). */
    @Override
    public long handle() {
        if (handle == NULL && this != DATATYPE_NULL) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype " + label + " has been freed");
        }
        return handle;
    }

    /**
     * True for MPI's predefined types, which cannot be freed.
     *
     * @return true for MPI's predefined types, which cannot be freed
     */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * True once committed (predefined types always are).
     *
     * @return true once committed (predefined types always are)
     */
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public ElementType elementType() {
        return elementType;
    }

    @Override
    public void checkUsable() {
        if (handle == NULL) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype " + label + " has been freed");
        }
        if (!committed) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype " + label + " is not committed: call commit() first");
        }
        if (size() < 0) {
            // arguments whose product overflows (vector(2^31-1, 2^31-1, ...)) give a type MPI reports with a negative
            // size, on which no bound holds: Open MPI and MPICH both build such types, and MPICH then writes past the
            // buffers it was given
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype " + label + " has a size MPI reports as " + size()
                    + ": its size overflowed");
        }
    }

    private void layout() {
        if (!layoutKnown) {
            Environment.ensure();
            NativeScratch s = NativeScratch.get();
            long h = handle();
            MPIException.check(LibMpi.MPI_Type_size_x(h, s.address(0)));
            size = s.getLong(0);
            MPIException.check(LibMpi.MPI_Type_get_extent_x(h, s.address(0), s.address(8)));
            lb = s.getLong(0);
            extent = s.getLong(8);
            MPIException.check(LibMpi.MPI_Type_get_true_extent_x(h, s.address(0), s.address(8)));
            trueLb = s.getLong(0);
            trueExtent = s.getLong(8);
            layoutKnown = true;
        }
    }

    /** MPI_Type_size: bytes of data in one element. */
    @Override
    public long size() {
        layout();
        return size;
    }

    /** MPI_Type_get_extent: the extent (stride between consecutive elements). */
    @Override
    public long extent() {
        layout();
        return extent;
    }

    /**
     * MPI_Type_get_extent: the lower bound.
     *
     * @return the lower bound
     */
    public long lowerBound() {
        layout();
        return lb;
    }

    /**
     * MPI_Type_get_extent: lower bound + extent.
     *
     * @return lower bound + extent
     */
    public long upperBound() {
        layout();
        return lb + extent;
    }

    /** MPI_Type_get_true_extent: the true lower bound. */
    @Override
    public long trueLowerBound() {
        layout();
        return trueLb;
    }

    /** MPI_Type_get_true_extent: the true extent. */
    @Override
    public long trueExtent() {
        layout();
        return trueExtent;
    }

    // ------------------------------------------------------------------ constructors of derived types

    /**
     * This type's {@link #reach}: the constructor's bound for derived types, else the largest magnitude among MPI's
     * reported size, bounds and true bounds (Long.MAX_VALUE when those overflow).
     */
    private long reach() {
        if (reach < 0) {
            layout();
            try {
                reach = Math.max(Math.max(abs(lb), abs(Math.addExact(lb, extent))),
                        Math.max(Math.max(abs(trueLb), abs(Math.addExact(trueLb, trueExtent))), abs(size)));
            } catch (ArithmeticException e) {
                reach = Long.MAX_VALUE;
            }
        }
        return reach;
    }

    /** A bound on the magnitude of a value computed by {@link #boundedReach}: the computation, in exact arithmetic. */
    @FunctionalInterface
    private interface ExactBound {
        long get();
    }

    /**
     * The new type's reach, computed by {@code bound} with Math.*Exact: refused with an MPIException, before MPI is
     * called, when it overflows 64-bit arithmetic or exceeds {@link #REACH_LIMIT}.
     */
    private static long boundedReach(String what, ExactBound bound) {
        long r;
        try {
            r = bound.get();
        } catch (ArithmeticException e) {
            r = Long.MAX_VALUE;
        }
        if (r > REACH_LIMIT) {
            throw new MPIException(ErrorClasses.ERR_ARG, what + ": the type's byte displacements or size overflow 64-bit"
                    + " arithmetic (they would reach " + (r == Long.MAX_VALUE ? "past 2^63" : r) + " bytes, over the 2^62 mpi4j"
                    + " allows); MPI builds such a type with wrapped-around bounds, which no bounds check can trust");
        }
        return r;
    }

    /** |v| as a long, exact (Long.MIN_VALUE overflows). */
    private static long abs(long v) {
        return Math.absExact(v);
    }

    /**
     * The reach of {@code blocklength} consecutive elements of this type placed {@code dispBytes} from the new type's
     * start: |disp| + |blocklength| x |extent| + this type's reach (exact; overflow throws ArithmeticException).
     */
    private long blockReach(long dispBytes, long blocklength) {
        return Math.addExact(Math.addExact(abs(dispBytes), Math.multiplyExact(abs(blocklength), abs(extent()))), reach());
    }

    /** The bytes of data {@code elements} elements of this type hold (exact). */
    private long sizeOf(long elements) {
        return Math.multiplyExact(abs(elements), size());
    }

    /** The largest product of {@code a}'s entries' magnitudes (exact). */
    private static long product(int[] a) {
        long p = 1;
        for (int v : a) {
            p = Math.multiplyExact(p, abs(v));
        }
        return p;
    }

    private Datatype derived(int rc, NativeScratch s, ElementType e, String what) {
        MPIException.check(rc);
        return new Datatype(s.getHandle(0), e, false, false, what);
    }

    private Datatype derived(int rc, NativeScratch s, ElementType e, String what, long reach) {
        Datatype d = derived(rc, s, e, what);
        d.reach = reach;
        return d;
    }

    private NativeScratch prepare() {
        Environment.ensure();
        checkOld();
        return NativeScratch.get();
    }

    private void checkOld() {
        if (handle == NULL) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "datatype " + label + " has been freed");
        }
    }

    /**
     * MPI_Type_dup: a committed duplicate of this type.
     *
     * @return the new datatype: a committed duplicate of this type
     */
    public Datatype dup() {
        NativeScratch s = prepare();
        Datatype d = derived(LibMpi.MPI_Type_dup(handle, s.address(0)), s, elementType, "dup(" + label + ")", reach());
        d.committed = committed;
        return d;
    }

    /**
     * MPI_Type_contiguous: {@code count} copies of this type back to back.
     *
     * @param count the number of elements
     * @return the new datatype: {@code count} copies of this type back to back
     */
    public Datatype contiguous(int count) {
        NativeScratch s = prepare();
        String what = "contiguous(" + count + ", " + label + ")";
        long r = boundedReach(what, () -> Math.max(blockReach(0, count), sizeOf(count)));
        return derived(LibMpi.MPI_Type_contiguous(count, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_vector: {@code count} blocks of {@code blocklength} elements, {@code stride} elements apart.
     *
     * @param count the number of elements
     * @param blocklength the number of elements in each block
     * @param stride the stride between block starts, in elements
     * @return the new datatype: {@code count} blocks of {@code blocklength} elements, {@code stride} elements apart
     */
    public Datatype vector(int count, int blocklength, int stride) {
        NativeScratch s = prepare();
        String what = "vector(" + count + ", " + blocklength + ", " + stride + ", " + label + ")";
        long r = boundedReach(what, () -> Math.max(blockReach(Math.multiplyExact(Math.multiplyExact((long) count, stride), extent()), blocklength),
                sizeOf(Math.multiplyExact((long) count, blocklength))));
        return derived(LibMpi.MPI_Type_vector(count, blocklength, stride, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_hvector: like {@link #vector} with the stride in bytes.
     *
     * @param count the number of elements
     * @param blocklength the number of elements in each block
     * @param strideBytes the stride in bytes
     * @return the new datatype
     */
    public Datatype hvector(int count, int blocklength, long strideBytes) {
        NativeScratch s = prepare();
        String what = "hvector(" + count + ", " + blocklength + ", " + strideBytes + ", " + label + ")";
        long r = boundedReach(what, () -> Math.max(blockReach(Math.multiplyExact((long) count, strideBytes), blocklength),
                sizeOf(Math.multiplyExact((long) count, blocklength))));
        return derived(LibMpi.MPI_Type_create_hvector(count, blocklength, strideBytes, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_indexed: blocks of given lengths at displacements counted in elements of this type.
     *
     * @param blocklengths the number of elements in each block
     * @param displacements the displacements of the blocks
     * @return the new datatype: blocks of given lengths at displacements counted in elements of this type
     */
    public Datatype indexed(int[] blocklengths, int[] displacements) {
        Args.notNull(blocklengths, "blocklengths");
        Args.notNull(displacements, "displacements");
        sameLength(blocklengths.length, displacements.length, "blocklengths", "displacements");
        NativeScratch s = prepare();
        String what = "indexed(" + label + ")";
        long r = boundedReach(what, () -> blocksReach(blocklengths, i -> Math.multiplyExact((long) displacements[i], extent())));
        return derived(LibMpi.MPI_Type_indexed(blocklengths.length, blocklengths, displacements, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_hindexed: blocks of given lengths at byte displacements.
     *
     * @param blocklengths the number of elements in each block
     * @param displacements the displacements of the blocks
     * @return the new datatype: blocks of given lengths at byte displacements
     */
    public Datatype hindexed(int[] blocklengths, long[] displacements) {
        Args.notNull(blocklengths, "blocklengths");
        Args.notNull(displacements, "displacements");
        sameLength(blocklengths.length, displacements.length, "blocklengths", "displacements");
        NativeScratch s = prepare();
        String what = "hindexed(" + label + ")";
        long r = boundedReach(what, () -> blocksReach(blocklengths, i -> displacements[i]));
        return derived(LibMpi.MPI_Type_create_hindexed(blocklengths.length, blocklengths, displacements, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_indexed_block: equal blocks at displacements counted in elements.
     *
     * @param blocklength the number of elements in each block
     * @param displacements the displacements of the blocks
     * @return the new datatype: equal blocks at displacements counted in elements
     */
    public Datatype indexedBlock(int blocklength, int[] displacements) {
        Args.notNull(displacements, "displacements");
        NativeScratch s = prepare();
        String what = "indexedBlock(" + blocklength + ", " + label + ")";
        int[] lengths = new int[displacements.length];
        java.util.Arrays.fill(lengths, blocklength);
        long r = boundedReach(what, () -> blocksReach(lengths, i -> Math.multiplyExact((long) displacements[i], extent())));
        return derived(LibMpi.MPI_Type_create_indexed_block(displacements.length, blocklength, displacements, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_hindexed_block: equal blocks at byte displacements.
     *
     * @param blocklength the number of elements in each block
     * @param displacements the displacements of the blocks
     * @return the new datatype: equal blocks at byte displacements
     */
    public Datatype hindexedBlock(int blocklength, long[] displacements) {
        Args.notNull(displacements, "displacements");
        NativeScratch s = prepare();
        String what = "hindexedBlock(" + blocklength + ", " + label + ")";
        int[] lengths = new int[displacements.length];
        java.util.Arrays.fill(lengths, blocklength);
        long r = boundedReach(what, () -> blocksReach(lengths, i -> displacements[i]));
        return derived(LibMpi.MPI_Type_create_hindexed_block(displacements.length, blocklength, displacements, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_struct: blocks of different types at byte displacements.
     *
     * @param blocklengths the number of elements in each block
     * @param displacements the displacements of the blocks
     * @param types the datatypes, one per block
     * @return the new datatype: blocks of different types at byte displacements
     */
    public static Datatype struct(int[] blocklengths, long[] displacements, Datatype[] types) {
        Args.notNull(blocklengths, "blocklengths");
        Args.notNull(displacements, "displacements");
        Args.notNull(types, "types");
        sameLength(blocklengths.length, displacements.length, "blocklengths", "displacements");
        sameLength(blocklengths.length, types.length, "blocklengths", "types");
        Environment.ensure();
        long[] handles = new long[types.length];
        ElementType common = types.length == 0 ? null : types[0].elementType;
        for (int i = 0; i < types.length; i++) {
            types[i].checkOld();
            handles[i] = types[i].handle;
            if (types[i].elementType != common) {
                common = null;
            }
        }
        long r = boundedReach("struct", () -> {
            long most = 0;
            long data = 0;
            for (int i = 0; i < types.length; i++) {
                most = Math.max(most, types[i].blockReach(displacements[i], blocklengths[i]));
                data = Math.addExact(data, types[i].sizeOf(blocklengths[i]));
            }
            return Math.max(most, data);
        });
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.mpi4j_type_create_struct(types.length, blocklengths, displacements, handles, s.address(0)));
        Datatype d = new Datatype(s.getHandle(0), common, false, false, "struct");
        d.reach = r;
        return d;
    }

    /**
     * MPI_Type_create_subarray: an n-dimensional block of an n-dimensional array; order is ORDER_C or ORDER_FORTRAN.
     *
     * @param sizes the sizes of each dimension
     * @param subsizes the sizes of the subarray in each dimension
     * @param starts the start of the subarray in each dimension
     * @param order the array order (MPI.ORDER_C or MPI.ORDER_FORTRAN)
     * @return the new datatype: an n-dimensional block of an n-dimensional array; order is ORDER_C or ORDER_FORTRAN
     */
    public Datatype subarray(int[] sizes, int[] subsizes, int[] starts, int order) {
        Args.notNull(sizes, "sizes");
        Args.notNull(subsizes, "subsizes");
        Args.notNull(starts, "starts");
        sameLength(sizes.length, subsizes.length, "sizes", "subsizes");
        sameLength(sizes.length, starts.length, "sizes", "starts");
        // the standard's bounds, checked here: MPICH 4.0.2 accepts negative sizes and subsizes larger than sizes and
        // builds a type of negative size, which later crashes a collective inside libmpich (division by zero)
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || subsizes[i] < 1 || subsizes[i] > sizes[i] || starts[i] < 0 || starts[i] > sizes[i] - subsizes[i]) {
                throw new MPIException(ErrorClasses.ERR_ARG, "subarray dimension " + i + ": size " + sizes[i] + ", subsize "
                        + subsizes[i] + ", start " + starts[i] + " break 1 <= subsize <= size, 0 <= start <= size - subsize");
            }
        }
        NativeScratch s = prepare();
        String what = "subarray(" + java.util.Arrays.toString(sizes) + ", " + label + ")";
        // the standard's type map: the whole array resized around the block, so every offset is below prod(sizes) elements
        long r = boundedReach(what, () -> Math.max(blockReach(0, product(sizes)), sizeOf(product(sizes))));
        return derived(LibMpi.MPI_Type_create_subarray(sizes.length, sizes, subsizes, starts, order, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_darray: this process's part of a distributed (HPF-style) array.
     *
     * @param size the size in bytes
     * @param rank a rank of this communicator or group
     * @param gsizes the sizes of the global array in each dimension
     * @param distribs the distribution of each dimension (MPI.DISTRIBUTE_*)
     * @param dargs the distribution argument of each dimension
     * @param psizes the number of processes in each dimension
     * @param order the array order (MPI.ORDER_C or MPI.ORDER_FORTRAN)
     * @return this process's part of a distributed (HPF-style) array
     */
    public Datatype darray(int size, int rank, int[] gsizes, int[] distribs, int[] dargs, int[] psizes, int order) {
        Args.notNull(gsizes, "gsizes");
        Args.notNull(distribs, "distribs");
        Args.notNull(dargs, "dargs");
        Args.notNull(psizes, "psizes");
        sameLength(gsizes.length, distribs.length, "gsizes", "distribs");
        sameLength(gsizes.length, dargs.length, "gsizes", "dargs");
        sameLength(gsizes.length, psizes.length, "gsizes", "psizes");
        NativeScratch s = prepare();
        String what = "darray(" + java.util.Arrays.toString(gsizes) + ", " + label + ")";
        // as subarray: the global array's extent bounds every offset
        long r = boundedReach(what, () -> Math.max(blockReach(0, product(gsizes)), sizeOf(product(gsizes))));
        return derived(LibMpi.MPI_Type_create_darray(size, rank, gsizes.length, gsizes, distribs, dargs, psizes, order, handle, s.address(0)), s, elementType, what, r);
    }

    /**
     * MPI_Type_create_resized: this type with a new lower bound and extent (bytes).
     *
     * @param lowerBound the new lower bound, in bytes
     * @param extent the new extent, in bytes
     * @return this type with a new lower bound and extent (bytes)
     */
    public Datatype resized(long lowerBound, long extent) {
        NativeScratch s = prepare();
        String what = "resized(" + lowerBound + ", " + extent + ", " + label + ")";
        long r = boundedReach(what, () -> Math.max(reach(), Math.max(abs(lowerBound), abs(Math.addExact(lowerBound, extent)))));
        return derived(LibMpi.MPI_Type_create_resized(handle, lowerBound, extent, s.address(0)), s, elementType, what, r);
    }

    /** The reach of blocks {@code lengths[i]} long at byte displacements {@code dispBytes(i)}, with their total size. */
    private long blocksReach(int[] lengths, java.util.function.IntToLongFunction dispBytes) {
        long most = 0;
        long data = 0;
        for (int i = 0; i < lengths.length; i++) {
            most = Math.max(most, blockReach(dispBytes.applyAsLong(i), lengths[i]));
            data = Math.addExact(data, sizeOf(lengths[i]));
        }
        return Math.max(most, data);
    }

    private static void sameLength(int a, int b, String an, String bn) {
        if (a != b) {
            throw new MPIException(ErrorClasses.ERR_ARG, an + " has " + a + " entries but " + bn + " has " + b);
        }
    }

    /**
     * MPI_Type_commit: makes the type usable in communication; returns this.
     *
     * @return this
     */
    public Datatype commit() {
        Environment.ensure();
        checkOld();
        if (!predefined && !committed) {
            NativeScratch s = NativeScratch.get();
            s.putHandle(0, handle);
            MPIException.check(LibMpi.MPI_Type_commit(s.address(0)));
            handle = s.getHandle(0);
            committed = true;
        }
        return this;
    }

    /** MPI_Type_free: releases a derived type; using it afterwards is an error. Predefined types cannot be freed. */
    public void free() {
        if (predefined) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "cannot free predefined datatype " + label);
        }
        checkOld();
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        MPIException.check(LibMpi.MPI_Type_free(s.address(0)));
        handle = NULL;
        committed = false;
    }

    /** Frees a derived type if not yet freed; nothing for predefined types. */
    @Override
    public void close() {
        if (!predefined && handle != NULL) {
            free();
        }
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
     * MPI_Type_get_envelope's combiner (e.g. LibMpi.MPI_COMBINER_VECTOR()); MPI_COMBINER_NAMED for predefined.
     *
     * @return MPI_Type_get_envelope's combiner (e.g. LibMpi.MPI_COMBINER_VECTOR()); MPI_COMBINER_NAMED for predefined
     */
    public int getCombiner() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Type_get_envelope(handle(), s.address(0), s.address(4), s.address(8), s.address(12)));
        return s.getInt(12);
    }

    /**
     * MPI_Type_get_name.
     *
     * @return MPI_Type_get_name
     */
    public String getName() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Type_get_name(handle(), s.address(64), s.address(0)));
        return s.getString(64, s.getInt(0));
    }

    /**
     * MPI_Type_set_name.
     *
     * @param name the name
     */
    public void setName(String name) {
        Environment.ensure();
        MPIException.check(LibMpi.MPI_Type_set_name(handle(), name));
    }

    // ------------------------------------------------------------------ pack / unpack

    /**
     * MPI_Pack_size: upper bound of the bytes {@code count} elements of this type take when packed.
     *
     * @param count the number of elements
     * @param comm the communicator
     * @return upper bound of the bytes {@code count} elements of this type take when packed
     */
    public int packSize(int count, Comm comm) {
        Environment.ensure();
        if (count < 0) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "negative count " + count);
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Pack_size(count, handle(), comm.handle(), s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Pack: packs {@code inbuf} (elements of this type; a BufferSpec gives an explicit count) into the bytes of
     * {@code outbuf} at {@code position}; returns the new position.
     *
     * @param inbuf the input buffer
     * @param outbuf the output buffer
     * @param position the byte position in the packed buffer
     * @param comm the communicator
     * @return the new position
     */
    public int pack(Object inbuf, Object outbuf, int position, Comm comm) {
        Environment.ensure();
        MessageBuffer in = Buffers.resolve(inbuf instanceof BufferSpec ? inbuf : BufferSpec.of(inbuf, this), Buffers.slot0(), false);
        MessageBuffer out = Buffers.forRecv(outbuf);
        int outsize = packedBytes(out, position, "output");
        NativeScratch s = NativeScratch.get();
        s.putInt(0, position);
        MPIException.check(LibMpi.mpi4j_pack(in.base(), in.kind(), in.offset(), in.count(), in.datatype(),
                out.base(), out.kind(), out.offset(), outsize, s.address(0), comm.handle()));
        return s.getInt(0);
    }

    /**
     * MPI_Unpack: unpacks bytes of {@code inbuf} from {@code position} into {@code outbuf} (elements of this type);
     * returns the new position.
     *
     * @param inbuf the input buffer
     * @param position the byte position in the packed buffer
     * @param outbuf the output buffer
     * @param comm the communicator
     * @return the new position
     */
    public int unpack(Object inbuf, int position, Object outbuf, Comm comm) {
        Environment.ensure();
        MessageBuffer in = Buffers.forSend(inbuf);
        MessageBuffer out = Buffers.resolve(outbuf instanceof BufferSpec ? outbuf : BufferSpec.of(outbuf, this), Buffers.slot1(), true);
        int insize = packedBytes(in, position, "input");
        TypeDescriptor t = out.type() != null ? out.type() : this;
        if (t.size() == 0) {
            // nothing to unpack, the position stays; MPICH 4.0.2's MPI_Unpack divides by the type size (SIGFPE)
            return position;
        }
        NativeScratch s = NativeScratch.get();
        s.putInt(0, position);
        MPIException.check(LibMpi.mpi4j_unpack(in.base(), in.kind(), in.offset(), insize, s.address(0),
                out.base(), out.kind(), out.offset(), out.count(), out.datatype(), comm.handle()));
        return s.getInt(0);
    }

    /**
     * The packed buffer's size for MPI_Pack/MPI_Unpack, after checking that {@code position} lies in it: MPI only
     * rejects positions past the end, so a negative one would reach memory in front of the buffer.
     */
    private static int packedBytes(MessageBuffer packed, int position, String which) {
        long bytes = packed.spanBytes();
        if (position < 0 || position > bytes) {
            throw new MPIException(ErrorClasses.ERR_ARG, "position " + position + " is outside the " + which
                    + " buffer of " + bytes + " bytes");
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "packed " + which + " buffer of " + bytes
                    + " bytes exceeds MPI_Pack's int size; pass a BufferSpec of at most 2^31-1 bytes");
        }
        return (int) bytes;
    }

    @Override
    public String toString() {
        return "Datatype[" + label + (committed ? "" : ", uncommitted") + (handle == NULL ? ", freed" : "") + "]";
    }
}
