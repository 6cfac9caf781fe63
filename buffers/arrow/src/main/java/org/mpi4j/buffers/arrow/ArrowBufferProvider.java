package org.mpi4j.buffers.arrow;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;
import org.mpi4j.buffers.BufferProvider;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;

/**
 * Arrow memory as MPI buffers, zero copy. A fixed-width vector is its first {@code valueCount} values (the data
 * buffer only; validity is not sent): TinyInt/SmallInt/Int/BigInt, UInt1/2/4/8, Float4/Float8, dates, times,
 * timestamps, durations and year intervals go as their MPI integer or floating type; Float2 as MPI_UINT16_T bit
 * patterns; Decimal, Decimal256, FixedSizeBinary and the other intervals as MPI_BYTE, {@code width} bytes per value.
 * A {@link BitVector} is its ceil(valueCount / 8) data bytes as MPI_UNSIGNED_CHAR, Arrow's LSB-first bit order
 * (so MPI_BAND/BOR/BXOR reduce it bit by bit). A bare {@link ArrowBuf} is its {@code capacity()} bytes as MPI_BYTE.
 * To receive n values, size the vector first ({@code allocateNew(n)}, {@code setValueCount(n)}). A closed or
 * released vector or buffer is an {@link MPIException}. Whole vectors with validity and offsets (VarChar, List,
 * nullable values) and record batches travel with {@link ArrowMessages}.
 */
public final class ArrowBufferProvider implements BufferProvider {
    private static final Map<Class<?>, ElementType> TYPES = new IdentityHashMap<>();

    /** Creates the provider (ServiceLoader). */
    public ArrowBufferProvider() { }

    static {
        TYPES.put(TinyIntVector.class, ElementType.INT8);
        TYPES.put(SmallIntVector.class, ElementType.INT16);
        TYPES.put(IntVector.class, ElementType.INT32);
        TYPES.put(BigIntVector.class, ElementType.INT64);
        TYPES.put(UInt1Vector.class, ElementType.UINT8);
        TYPES.put(UInt2Vector.class, ElementType.UINT16);
        TYPES.put(UInt4Vector.class, ElementType.UINT32);
        TYPES.put(UInt8Vector.class, ElementType.UINT64);
        TYPES.put(Float2Vector.class, ElementType.UINT16);
        TYPES.put(Float4Vector.class, ElementType.FLOAT32);
        TYPES.put(Float8Vector.class, ElementType.FLOAT64);
        TYPES.put(DateDayVector.class, ElementType.INT32);
        TYPES.put(DateMilliVector.class, ElementType.INT64);
        TYPES.put(TimeSecVector.class, ElementType.INT32);
        TYPES.put(TimeMilliVector.class, ElementType.INT32);
        TYPES.put(TimeMicroVector.class, ElementType.INT64);
        TYPES.put(TimeNanoVector.class, ElementType.INT64);
        TYPES.put(DurationVector.class, ElementType.INT64);
        TYPES.put(IntervalYearVector.class, ElementType.INT32);
    }

    /** The element kind a fixed-width vector class goes as (RAW for the byte-blob widths). */
    static ElementType elementOf(BaseFixedWidthVector v) {
        ElementType e = TYPES.get(v.getClass());
        if (e != null) {
            return e;
        }
        if (v instanceof TimeStampVector) {
            return ElementType.INT64;
        }
        return ElementType.RAW;
    }

    @Override
    public boolean supports(Class<?> type) {
        return BaseFixedWidthVector.class.isAssignableFrom(type) || ArrowBuf.class.isAssignableFrom(type);
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public void describe(Object buffer, MessageBuffer out) {
        if (buffer instanceof ArrowBuf b) {
            if (b.refCnt() == 0) {
                throw new MPIException(ErrorClasses.ERR_BUFFER, "the ArrowBuf has been released");
            }
            out.describeAddress(b, b.memoryAddress(), b.capacity(), ElementType.RAW, false);
            return;
        }
        BaseFixedWidthVector v = (BaseFixedWidthVector) buffer;
        ArrowBuf data = v.getDataBuffer();
        if (data.refCnt() == 0 || data.capacity() == 0) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "Arrow vector '" + v.getName() + "' has no memory (closed, or never"
                    + " allocated)");
        }
        int n = v.getValueCount();
        long bytes;
        ElementType e;
        if (v instanceof BitVector) {
            bytes = (n + 7L) / 8;
            e = ElementType.UINT8;
        } else {
            e = elementOf(v);
            bytes = (long) n * v.getTypeWidth();
        }
        if (bytes > data.capacity()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "Arrow vector '" + v.getName() + "' has value count " + n
                    + " but room for " + v.getValueCapacity());
        }
        out.describeAddress(v, data.memoryAddress(), bytes, e, false);
    }

    /**
     * One more reference on the Arrow memory a request uses: closing the vector (or releasing the ArrowBuf) while the
     * request is pending then frees nothing; the memory goes back to its allocator when the request completes.
     */
    @Override
    public AutoCloseable retain(Object buffer) {
        ArrowBuf b = buffer instanceof ArrowBuf a ? a : ((BaseFixedWidthVector) buffer).getDataBuffer();
        if (b.refCnt() == 0) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "the Arrow memory has been released");
        }
        b.getReferenceManager().retain();
        return () -> b.getReferenceManager().release();
    }

    /**
     * A plain vector receives values only, so the values it receives are marked valid (not null): values
     * {@code firstByte / width} up to the last byte received. A BitVector's bits are its values and are left alone.
     */
    /** Arrow vectors mark what they receive valid. @return true */
    @Override
    public boolean marksReceive() {
        return true;
    }

    @Override
    public void prepareReceive(Object buffer, long firstByte, long bytes) {
        if (!(buffer instanceof BaseFixedWidthVector v) || v instanceof BitVector || bytes <= 0) {
            return;
        }
        int width = v.getTypeWidth();
        long first = firstByte / width;
        long end = Math.min(v.getValueCount(), (firstByte + bytes + width - 1) / width);
        ArrowBuf validity = v.getValidityBuffer();
        long i = first;
        if ((i & 7) != 0 && i < end) {   // the bits of a first partial byte
            long to = Math.min(end, (i | 7) + 1);
            setBits(validity, i, (int) (to - i));
            i = to;
        }
        long wholeBytes = (end - i) / 8;
        if (wholeBytes > 0) {
            // set natively, where a block already valid is only read (a vector receiving again and again)
            if (i / 8 + wholeBytes > validity.capacity()) {
                throw new MPIException(ErrorClasses.ERR_BUFFER, "the vector's validity buffer holds "
                        + validity.capacity() + " bytes, fewer than its value count " + v.getValueCount() + " needs");
            }
            org.mpi4j.jni.LibMpi.mpi4j_set_ones(validity.memoryAddress() + i / 8, wholeBytes);
            i += wholeBytes * 8;
        }
        if (i < end) {   // the bits of a last partial byte
            setBits(validity, i, (int) (end - i));
        }
    }

    /** Sets {@code n} bits from bit {@code at}, all in one byte, writing the byte only when one was clear. */
    private static void setBits(ArrowBuf validity, long at, int n) {
        int mask = ((1 << n) - 1) << (int) (at & 7);
        byte b = validity.getByte(at >>> 3);
        if ((b & mask) != mask) {
            validity.setByte(at >>> 3, b | mask);
        }
    }
}
