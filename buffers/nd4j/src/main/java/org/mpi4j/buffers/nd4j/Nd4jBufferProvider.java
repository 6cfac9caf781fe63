package org.mpi4j.buffers.nd4j;

import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;
import org.mpi4j.buffers.BufferProvider;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.StridedLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J INDArrays as MPI buffers, zero copy. The datatype comes from the array's: DOUBLE, FLOAT, LONG, INT, SHORT,
 * BYTE, UBYTE, UINT16/32/64 and BOOL as the matching MPI types; HALF and BFLOAT16 as MPI_UINT16_T bit patterns (they
 * move exactly, but MPI cannot reduce them arithmetically). Elements always travel in logical row-major order, so
 * an array arrives equal whatever the orders of sender and receiver: a C-contiguous array goes as one block from
 * its data buffer at its offset; an F-order array and a non-contiguous view (a column, a strided slice) go in place,
 * zero copy, through a derived datatype built from shape and strides. Such a strided array is one message element:
 * it cannot be given a BufferSpec or split into collective blocks (a clear error says so). A closed array is an
 * {@link MPIException}.
 */
public final class Nd4jBufferProvider implements BufferProvider {

    /** Creates the provider (ServiceLoader). */
    public Nd4jBufferProvider() { }

    /** The element kind an ND4J data type goes as. */
    static ElementType elementOf(DataType t) {
        switch (t) {
            case DOUBLE: return ElementType.FLOAT64;
            case FLOAT: return ElementType.FLOAT32;
            case HALF:
            case BFLOAT16:
            case UINT16: return ElementType.UINT16;
            case LONG: return ElementType.INT64;
            case INT: return ElementType.INT32;
            case SHORT: return ElementType.INT16;
            case BYTE: return ElementType.INT8;
            case UBYTE: return ElementType.UINT8;
            case UINT32: return ElementType.UINT32;
            case UINT64: return ElementType.UINT64;
            case BOOL: return ElementType.BOOL;
            default:
                throw new MPIException(ErrorClasses.ERR_TYPE, "ND4J data type " + t + " has no MPI datatype");
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return INDArray.class.isAssignableFrom(type);
    }

    @Override
    public int priority() {
        return 10;
    }

    /** True when the strides are the dense ones of {@code order} for this shape (dimensions of size 1 ignored). */
    static boolean dense(long[] shape, long[] stride, boolean cOrder) {
        long expect = 1;
        int n = shape.length;
        for (int k = 0; k < n; k++) {
            int d = cOrder ? n - 1 - k : k;
            if (shape[d] != 1 && stride[d] != expect) {
                return false;
            }
            expect *= shape[d];
        }
        return true;
    }

    @Override
    public void describe(Object buffer, MessageBuffer out) {
        INDArray a = (INDArray) buffer;
        if (a.wasClosed()) {   // ND4J's wasClosed() covers the array's data buffer too
            throw new MPIException(ErrorClasses.ERR_BUFFER, "the INDArray has been closed");
        }
        ElementType e = elementOf(a.dataType());
        if (a.isEmpty()) {
            out.describeAddress(a, 0, 0, e, false);
            return;
        }
        long es = e.size();
        org.nd4j.linalg.api.buffer.DataBuffer data = a.data();
        long address = data.address() + data.offset() * es;
        long[] shape = a.shape();
        long[] stride = a.stride();
        if (dense(shape, stride, true)) {
            out.describeAddress(a, address, a.length() * es, e, false);
            return;
        }
        StridedLayout layout = StridedLayout.of(e, shape, stride);
        out.describeStrided(a, address, layout.trueExtent(), e, layout, false);
    }

    /**
     * Marks the array not closeable while a request uses its memory ({@code INDArray.setCloseable(false)}): ND4J then
     * ignores {@code close()} instead of freeing the data under MPI; the data is freed when the array is collected.
     * Closing another array that shares the same data (the parent of a view) is not seen.
     */
    @Override
    public AutoCloseable retain(Object buffer) {
        INDArray a = (INDArray) buffer;
        if (a.wasClosed()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "the INDArray has been closed");
        }
        synchronized (LEASES) {
            int[] n = LEASES.get(a);
            if (n != null) {
                n[0]++;
            } else if (a.closeable()) {
                a.setCloseable(false);
                LEASES.put(a, new int[] {1});
            } else {
                return null;   // not closeable anyway (a view, workspace memory...)
            }
        }
        return () -> {
            synchronized (LEASES) {
                int[] n = LEASES.get(a);
                if (--n[0] == 0) {
                    LEASES.remove(a);
                    a.setCloseable(true);
                }
            }
        };
    }

    /** Arrays made not closeable by pending requests, with how many requests use each. */
    private static final java.util.Map<INDArray, int[]> LEASES = new java.util.IdentityHashMap<>();
}
