package org.mpi4j;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Op: a reduction operation. The predefined ones (MAX, MIN, SUM, PROD, logical and bitwise AND/OR/XOR, MAXLOC,
 * MINLOC, REPLACE, NO_OP) and user-defined ones written in Java ({@link #create}), which MPI calls back on whole
 * vectors. Also applies to objects in the object path ({@link #apply(Object, Object)}).
 */
public final class Op implements AutoCloseable {
    static final long NULL = LibMpi.MPI_OP_NULL();

    /** MPI_MAX. */
    public static final Op MAX = named(LibMpi.MPI_MAX(), "MPI_MAX");
    /** MPI_MIN. */
    public static final Op MIN = named(LibMpi.MPI_MIN(), "MPI_MIN");
    /** MPI_SUM. */
    public static final Op SUM = named(LibMpi.MPI_SUM(), "MPI_SUM");
    /** MPI_PROD. */
    public static final Op PROD = named(LibMpi.MPI_PROD(), "MPI_PROD");
    /** MPI_LAND: logical and. */
    public static final Op LAND = named(LibMpi.MPI_LAND(), "MPI_LAND");
    /** MPI_BAND: bitwise and. */
    public static final Op BAND = named(LibMpi.MPI_BAND(), "MPI_BAND");
    /** MPI_LOR: logical or. */
    public static final Op LOR = named(LibMpi.MPI_LOR(), "MPI_LOR");
    /** MPI_BOR: bitwise or. */
    public static final Op BOR = named(LibMpi.MPI_BOR(), "MPI_BOR");
    /** MPI_LXOR: logical exclusive or. */
    public static final Op LXOR = named(LibMpi.MPI_LXOR(), "MPI_LXOR");
    /** MPI_BXOR: bitwise exclusive or. */
    public static final Op BXOR = named(LibMpi.MPI_BXOR(), "MPI_BXOR");
    /** MPI_MAXLOC: maximum and its location, on pair types (DOUBLE_INT, INT_INT...). */
    public static final Op MAXLOC = named(LibMpi.MPI_MAXLOC(), "MPI_MAXLOC");
    /** MPI_MINLOC: minimum and its location, on pair types. */
    public static final Op MINLOC = named(LibMpi.MPI_MINLOC(), "MPI_MINLOC");
    /** MPI_REPLACE: the value from the origin (one-sided accumulate). */
    public static final Op REPLACE = named(LibMpi.MPI_REPLACE(), "MPI_REPLACE");
    /** MPI_NO_OP: leaves the target unchanged (one-sided get-accumulate). */
    public static final Op NO_OP = named(LibMpi.MPI_NO_OP(), "MPI_NO_OP");
    /** MPI_OP_NULL. */
    public static final Op OP_NULL = named(NULL, "MPI_OP_NULL");

    private static final Op[] SLOTS = new Op[64];
    private static int slotCount = -1;
    private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();

    private long handle;
    private final boolean predefined;
    private final String label;
    private final UserFunction function;
    private final BinaryOperator<Object> objectFunction;
    private final boolean commute;
    private int slot = -1;

    private Op(long handle, boolean predefined, String label, UserFunction function,
               BinaryOperator<Object> objectFunction, boolean commute) {
        this.handle = handle;
        this.predefined = predefined;
        this.label = label;
        this.function = function;
        this.objectFunction = objectFunction;
        this.commute = commute;
    }

    private static Op named(long handle, String label) {
        return new Op(handle, true, label, null, null, true);
    }

    /**
     * MPI_Op_create: a reduction written in Java. MPI calls {@code function} on whole vectors (commutative or not:
     * for a non-commutative op MPI combines in rank order). Free it with {@link #free()} or try-with-resources.
     *
     * @param function the function that combines two values
     * @param commute whether the operation is commutative
     * @return a reduction written in Java
     */
    public static Op create(UserFunction function, boolean commute) {
        return create(function, null, commute);
    }

    /**
     * MPI_Op_create with an object form too, so the same op serves the object path ({@link Intracomm#reduceObject(Object, Op, int)}).
     *
     * @param function the function that combines two values
     * @param objectFunction the same reduction on objects, for the object path (null for none)
     * @param commute whether the operation is commutative
     * @return the operation
     */
    public static synchronized Op create(UserFunction function, BinaryOperator<Object> objectFunction, boolean commute) {
        if (function == null) {
            throw new MPIException(ErrorClasses.ERR_OP, "user function is null");
        }
        Environment.ensure();
        if (slotCount < 0) {
            slotCount = Math.min(SLOTS.length, LibMpi.mpi4j_op_init(Op.class));
        }
        int free = -1;
        for (int i = 0; i < slotCount; i++) {
            if (SLOTS[i] == null) {
                free = i;
                break;
            }
        }
        if (free < 0) {
            throw new MPIException(ErrorClasses.ERR_OP, "all " + slotCount + " user-defined op slots are in use; free ops"
                    + " you no longer need");
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.mpi4j_op_create(free, commute ? 1 : 0, s.address(0)));
        Op op = new Op(s.getHandle(0), false, "user op " + free, function, objectFunction, commute);
        op.slot = free;
        SLOTS[free] = op;
        return op;
    }

    /**
     * A user op on doubles (MPI_DOUBLE buffers): {@code inout[i] = f(in[i], inout[i])}.
     *
     * @param f the function that combines two values
     * @param commute whether the operation is commutative
     * @return a user op on doubles (MPI_DOUBLE buffers): {@code inout[i] = f(in[i], inout[i])}
     */
    public static Op ofDoubles(DoubleBinaryOperator f, boolean commute) {
        return create((in, inout, n, t) -> {
            DoubleBuffer a = in.asDoubleBuffer();
            DoubleBuffer b = inout.asDoubleBuffer();
            int len = a.remaining();
            for (int i = 0; i < len; i++) {
                b.put(i, f.applyAsDouble(a.get(i), b.get(i)));
            }
        }, (x, y) -> f.applyAsDouble(((Number) x).doubleValue(), ((Number) y).doubleValue()), commute);
    }

    /**
     * A user op on longs (MPI_LONG buffers): {@code inout[i] = f(in[i], inout[i])}.
     *
     * @param f the function that combines two values
     * @param commute whether the operation is commutative
     * @return a user op on longs (MPI_LONG buffers): {@code inout[i] = f(in[i], inout[i])}
     */
    public static Op ofLongs(LongBinaryOperator f, boolean commute) {
        return create((in, inout, n, t) -> {
            LongBuffer a = in.asLongBuffer();
            LongBuffer b = inout.asLongBuffer();
            int len = a.remaining();
            for (int i = 0; i < len; i++) {
                b.put(i, f.applyAsLong(a.get(i), b.get(i)));
            }
        }, (x, y) -> f.applyAsLong(((Number) x).longValue(), ((Number) y).longValue()), commute);
    }

    /**
     * A user op on ints (MPI_INT buffers): {@code inout[i] = f(in[i], inout[i])}.
     *
     * @param f the function that combines two values
     * @param commute whether the operation is commutative
     * @return a user op on ints (MPI_INT buffers): {@code inout[i] = f(in[i], inout[i])}
     */
    public static Op ofInts(IntBinaryOperator f, boolean commute) {
        return create((in, inout, n, t) -> {
            IntBuffer a = in.asIntBuffer();
            IntBuffer b = inout.asIntBuffer();
            int len = a.remaining();
            for (int i = 0; i < len; i++) {
                b.put(i, f.applyAsInt(a.get(i), b.get(i)));
            }
        }, (x, y) -> f.applyAsInt(((Number) x).intValue(), ((Number) y).intValue()), commute);
    }

    /** Called by the native trampoline of {@code slot} while MPI reduces; never call it yourself. */
    static void dispatch(int slot, ByteBuffer in, ByteBuffer inout, int count, long datatype) {
        try {
            Op op = SLOTS[slot];
            if (op == null) {
                throw new IllegalStateException("user op slot " + slot + " was freed while MPI still used it");
            }
            in.order(ByteOrder.nativeOrder());
            inout.order(ByteOrder.nativeOrder());
            op.function.apply(in, inout, count, Datatype.lookup(datatype));
        } catch (Throwable t) {
            if (PENDING.get() == null) {
                PENDING.set(t);
            }
        }
    }

    /** Throws, on the calling thread, what a user function threw while MPI called it back. */
    static void rethrowPending() {
        Throwable t = PENDING.get();
        if (t != null) {
            PENDING.remove();
            MPIException e = new MPIException(ErrorClasses.ERR_OP, "user-defined op threw " + t);
            e.initCause(t);
            throw e;
        }
    }

    /**
     * The native MPI_Op handle; throws if freed.
     *
     * @return the native MPI_Op handle; throws if freed
     */
    public long handle() {
        if (handle == NULL && this != OP_NULL) {
            throw new MPIException(ErrorClasses.ERR_OP, "op " + label + " has been freed");
        }
        return handle;
    }

    /**
     * True for a user-defined op whose function is Java (heap arrays are then staged, not pinned).
     *
     * @return true for a user-defined op whose function is Java (heap arrays are then staged, not pinned)
     */
    public boolean isUserDefined() {
        return function != null;
    }

    /**
     * True for MPI's predefined operations.
     *
     * @return true for MPI's predefined operations
     */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * MPI_Op_commutative.
     *
     * @return MPI_Op_commutative
     */
    public boolean isCommutative() {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Op_commutative(handle(), s.address(0)));
        return s.getInt(0) != 0;
    }

    /**
     * MPI_Op_c2f: this op's Fortran handle.
     *
     * @return this op's Fortran handle
     */
    public int toFortran() {
        return LibMpi.MPI_Op_c2f(handle());
    }

    /**
     * MPI_Op_f2c: wraps the op of a Fortran handle (predefined ones map to their constants).
     *
     * @param f the Fortran handle
     * @return wraps the op of a Fortran handle (predefined ones map to their constants)
     */
    public static Op fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Op_f2c(f), f, "op"));
    }

    /**
     * Wraps a native MPI_Op handle (interop); predefined handles map to their constants.
     * The handle is not checked, as in C and mpi4py: a value that is not a live handle is undefined behaviour in MPI.
     *
     * @param h the native handle
     * @return the operation
     */
    public static Op fromHandle(long h) {
        for (Op o : new Op[] {MAX, MIN, SUM, PROD, LAND, BAND, LOR, BOR, LXOR, BXOR, MAXLOC, MINLOC, REPLACE, NO_OP, OP_NULL}) {
            if (o.handle == h) {
                return o;
            }
        }
        return new Op(h, false, "foreign op", null, null, true);
    }

    /** MPI_Op_free: releases a user-defined op and its callback slot. */
    public synchronized void free() {
        if (predefined) {
            throw new MPIException(ErrorClasses.ERR_OP, "cannot free the predefined op " + label);
        }
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle());
        MPIException.check(LibMpi.MPI_Op_free(s.address(0)));
        handle = NULL;
        if (slot >= 0) {
            synchronized (Op.class) {
                SLOTS[slot] = null;
            }
        }
    }

    /** Frees a user-defined op unless already freed; predefined ops are left alone. */
    @Override
    public void close() {
        if (!predefined && handle != NULL) {
            free();
        }
    }

    /**
     * MPI_Reduce_local: {@code inoutbuf[i] = inbuf[i] op inoutbuf[i]} on this process. Counts and datatypes of the
     * two buffers must match.
     *
     * @param inbuf the input buffer
     * @param inoutbuf the buffer that is both operand and result
     */
    public void reduceLocal(Object inbuf, Object inoutbuf) {
        Collectives.reduceLocal(this, inbuf, inoutbuf);
    }

    // ------------------------------------------------------------------ the object path

    /**
     * Applies this op to two objects (the object path's reduce): predefined ops on numbers (Integer, Long, Short,
     * Byte, Double, Float, BigInteger, BigDecimal) and Booleans, user ops through their object function.
     * MAXLOC/MINLOC take {@code Map.Entry<value, location>} pairs, mpi4py's (value, index) tuples.
     *
     * @param a the object
     * @param b the object
     * @return applies this op to two objects (the object path's reduce): predefined ops on numbers (Integer, Long, Short, Byte, Double, Float, BigInteger, BigDecimal) and Booleans, user ops through their object function
     */
    public Object apply(Object a, Object b) {
        handle();   // a freed op is an error here too, as in a buffer reduction
        if (objectFunction != null) {
            return objectFunction.apply(a, b);
        }
        if (function != null) {
            throw new MPIException(ErrorClasses.ERR_OP, label + " has no object form; create it with an object function");
        }
        return ObjectOps.apply(this, a, b);
    }

    /** MPI_Op's name, e.g. "MPI_SUM". */
    @Override
    public String toString() {
        return label;
    }

    static boolean needsStaging(Op op, MessageBuffer a, MessageBuffer b) {
        return op.function != null && (a.isHeap() || b.isHeap());
    }

    static BigInteger big(Object o) {
        return o instanceof BigInteger bi ? bi : BigInteger.valueOf(((Number) o).longValue());
    }

    static BigDecimal dec(Object o) {
        return o instanceof BigDecimal bd ? bd : new BigDecimal(o.toString());
    }
}
