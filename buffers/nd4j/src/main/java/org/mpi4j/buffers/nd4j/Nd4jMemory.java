package org.mpi4j.buffers.nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.javacpp.indexer.ByteIndexer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.Indexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.LongIndexer;
import org.bytedeco.javacpp.indexer.ShortIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * INDArrays over memory that MPI hands out as a direct ByteBuffer, with no copy: a shared-memory window's segment
 * ({@code Win.sharedQuery(rank).buffer()}, so every process of a node sees one matrix), the memory of
 * {@code Win.allocate} ({@code win.getBuffer()}), or {@code MPI.allocMem}. The array reads and writes that memory
 * directly; it is valid as long as the memory is (for a window: until the window is freed), and its {@code close()}
 * does nothing, since the memory is not ND4J's to free.
 */
public final class Nd4jMemory {
    private Nd4jMemory() { }

    /**
     * A C-order INDArray of {@code shape} over {@code memory}, from its position.
     *
     * @param memory a direct ByteBuffer; its bytes from position to limit must hold the array
     * @param type   DOUBLE, FLOAT, LONG, INT, SHORT, BYTE or UBYTE (native byte order)
     * @param shape  the array's shape (each dimension 0 or more)
     * @return an INDArray whose data is {@code memory}'s bytes
     * @throws MPIException (MPI_ERR_BUFFER) when {@code memory} is not direct, (MPI_ERR_TYPE) for another type,
     *                      (MPI_ERR_COUNT) when the shape needs more bytes than {@code memory} has
     */
    public static INDArray wrap(ByteBuffer memory, DataType type, long... shape) {
        if (memory == null || !memory.isDirect()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "Nd4jMemory.wrap needs a direct ByteBuffer"
                    + (memory == null ? ", not null" : ": a heap buffer may move"));
        }
        if (type == null || shape == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "Nd4jMemory.wrap: the type and the shape must not be null");
        }
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "Nd4jMemory.wrap: negative dimension " + d);
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new MPIException(ErrorClasses.ERR_COUNT, "Nd4jMemory.wrap: the shape overflows 64-bit arithmetic");
            }
        }
        int width = type.width();
        long bytes = n > Long.MAX_VALUE / Math.max(width, 1) ? Long.MAX_VALUE : n * width;
        if (bytes > memory.remaining()) {
            throw new MPIException(ErrorClasses.ERR_COUNT, "Nd4jMemory.wrap: a " + type + " array of "
                    + java.util.Arrays.toString(shape) + " needs " + bytes + " bytes, the buffer has "
                    + memory.remaining());
        }
        // each pointer keeps the ByteBuffer referenced, so memory a Java buffer owns outlives the array
        ByteBuffer b = memory.slice().order(ByteOrder.nativeOrder());
        Pointer p;
        Indexer ix;
        switch (type) {
            case DOUBLE: { DoublePointer q = new DoublePointer(b.asDoubleBuffer()) { final Object keep = b; }; p = q; ix = DoubleIndexer.create(q); break; }
            case FLOAT: { FloatPointer q = new FloatPointer(b.asFloatBuffer()) { final Object keep = b; }; p = q; ix = FloatIndexer.create(q); break; }
            case LONG: { LongPointer q = new LongPointer(b.asLongBuffer()) { final Object keep = b; }; p = q; ix = LongIndexer.create(q); break; }
            case INT: { IntPointer q = new IntPointer(b.asIntBuffer()) { final Object keep = b; }; p = q; ix = IntIndexer.create(q); break; }
            case SHORT: { ShortPointer q = new ShortPointer(b.asShortBuffer()) { final Object keep = b; }; p = q; ix = ShortIndexer.create(q); break; }
            case BYTE: { BytePointer q = new BytePointer(b) { final Object keep = b; }; p = q; ix = ByteIndexer.create(q); break; }
            case UBYTE: { BytePointer q = new BytePointer(b) { final Object keep = b; }; p = q; ix = UByteIndexer.create(q); break; }
            default:
                throw new MPIException(ErrorClasses.ERR_TYPE, "Nd4jMemory.wrap: " + type + " is not supported;"
                        + " use DOUBLE, FLOAT, LONG, INT, SHORT, BYTE or UBYTE");
        }
        p.capacity(n);
        p.limit(n);
        DataBuffer data = Nd4j.createBuffer(p, type, n, ix);
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= Math.max(shape[i], 1);
        }
        INDArray a = Nd4j.create(data, shape.clone(), stride, 0, 'c');
        a.setCloseable(false);
        return a;
    }
}
