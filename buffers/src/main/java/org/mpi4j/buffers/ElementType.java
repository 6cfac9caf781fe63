package org.mpi4j.buffers;

import org.mpi4j.jni.LibMpi;

/**
 * The element kinds a buffer can hold, each with the MPI datatype that is discovered for it. A {@code long[]} is
 * {@link #INT64} and goes as MPI_LONG, a {@code double[]} is {@link #FLOAT64} and goes as MPI_DOUBLE, and so on.
 */
public enum ElementType {
    /** Untyped bytes (MPI_BYTE): memory without element meaning, e.g. a bare Arrow buffer. */
    RAW(1, LibMpi.MPI_BYTE()),
    /** Java boolean as one byte (MPI_C_BOOL). */
    BOOL(1, LibMpi.MPI_C_BOOL()),
    /** Java byte, signed 8-bit (MPI_SIGNED_CHAR, so arithmetic reductions work). */
    INT8(1, LibMpi.MPI_SIGNED_CHAR()),
    /** Unsigned 8-bit (MPI_UNSIGNED_CHAR). */
    UINT8(1, LibMpi.MPI_UNSIGNED_CHAR()),
    /** Java short (MPI_SHORT). */
    INT16(2, LibMpi.MPI_SHORT()),
    /** Java char and unsigned 16-bit (MPI_UNSIGNED_SHORT). */
    UINT16(2, LibMpi.MPI_UNSIGNED_SHORT()),
    /** Java int (MPI_INT). */
    INT32(4, LibMpi.MPI_INT()),
    /** Unsigned 32-bit (MPI_UNSIGNED). */
    UINT32(4, LibMpi.MPI_UNSIGNED()),
    /** Java long (MPI_LONG, 64-bit on LP64 platforms; MPI_INT64_T elsewhere). */
    INT64(8, LibMpi.sizeofLong() == 8 ? LibMpi.MPI_LONG() : LibMpi.MPI_INT64_T()),
    /** Unsigned 64-bit (MPI_UINT64_T). */
    UINT64(8, LibMpi.MPI_UINT64_T()),
    /** Java float (MPI_FLOAT). */
    FLOAT32(4, LibMpi.MPI_FLOAT()),
    /** Java double (MPI_DOUBLE). */
    FLOAT64(8, LibMpi.MPI_DOUBLE());

    private final int size;
    private final int shift;
    private final long datatype;

    ElementType(int size, long datatype) {
        this.size = size;
        this.shift = Integer.numberOfTrailingZeros(size);
        this.datatype = datatype;
    }

    /** log2 of {@link #size()} (sizes are powers of two): whole elements in n bytes are n >> shift, no division. */
    int shift() {
        return shift;
    }

    /**
     * Bytes per element.
     *
     * @return bytes per element
     */
    public int size() {
        return size;
    }

    /**
     * The native handle of the MPI datatype discovered for this element kind.
     *
     * @return the native handle of the MPI datatype discovered for this element kind
     */
    public long datatype() {
        return datatype;
    }

    /**
     * True for one-byte containers (byte[], ByteBuffer, raw memory) that may carry any datatype's bytes.
     *
     * @return true for one-byte containers (byte[], ByteBuffer, raw memory) that may carry any datatype's bytes
     */
    public boolean isByteLike() {
        return this == RAW || this == INT8 || this == UINT8;
    }
}
