package org.mpi4j.buffers;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;

/**
 * NIO buffers as buffers: the elements from position to limit. Direct buffers go to MPI by address, zero copy;
 * heap buffers through their backing array. Typed direct buffers must be in native byte order (otherwise MPI would
 * read every value byte-swapped). Heap buffers with no accessible array (read-only or views of a heap ByteBuffer)
 * are copied for sending and rejected for receiving.
 */
public final class NioBufferProvider implements BufferProvider {

    /** Creates the provider (ServiceLoader). */
    public NioBufferProvider() { }

    @Override
    public boolean supports(Class<?> type) {
        return Buffer.class.isAssignableFrom(type);
    }

    @Override
    public void describe(Object o, MessageBuffer out) {
        Buffer b = (Buffer) o;
        ElementType t;
        ByteOrder order;
        if (b instanceof ByteBuffer x) {
            t = ElementType.INT8;
            order = ByteOrder.nativeOrder();
        } else if (b instanceof DoubleBuffer x) {
            t = ElementType.FLOAT64;
            order = x.order();
        } else if (b instanceof IntBuffer x) {
            t = ElementType.INT32;
            order = x.order();
        } else if (b instanceof LongBuffer x) {
            t = ElementType.INT64;
            order = x.order();
        } else if (b instanceof FloatBuffer x) {
            t = ElementType.FLOAT32;
            order = x.order();
        } else if (b instanceof ShortBuffer x) {
            t = ElementType.INT16;
            order = x.order();
        } else if (b instanceof CharBuffer x) {
            t = ElementType.UINT16;
            order = x.order();
        } else {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "unsupported NIO buffer " + b.getClass().getName());
        }
        long bytes = (long) b.remaining() * t.size();
        if (b.isDirect()) {
            if (order != ByteOrder.nativeOrder()) {
                throw new MPIException(ErrorClasses.ERR_BUFFER, b.getClass().getSimpleName() + " has byte order " + order
                        + " but MPI reads native order " + ByteOrder.nativeOrder()
                        + ": make it with ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder())");
            }
            out.describeDirect(b, b, (long) b.position() * t.size(), bytes, t, b.isReadOnly());
        } else if (b.hasArray()) {
            out.describeArray(b, b.array(), (long) (b.arrayOffset() + b.position()) * t.size(), bytes, t, false);
        } else {
            Object copy = copyOut(b);
            out.describeArray(b, copy, 0, bytes, t, true);
        }
    }

    private static Object copyOut(Buffer b) {
        Buffer d = b.duplicate();
        if (d instanceof ByteBuffer x) {
            byte[] a = new byte[x.remaining()];
            x.get(a);
            return a;
        } else if (d instanceof DoubleBuffer x) {
            double[] a = new double[x.remaining()];
            x.get(a);
            return a;
        } else if (d instanceof IntBuffer x) {
            int[] a = new int[x.remaining()];
            x.get(a);
            return a;
        } else if (d instanceof LongBuffer x) {
            long[] a = new long[x.remaining()];
            x.get(a);
            return a;
        } else if (d instanceof FloatBuffer x) {
            float[] a = new float[x.remaining()];
            x.get(a);
            return a;
        } else if (d instanceof ShortBuffer x) {
            short[] a = new short[x.remaining()];
            x.get(a);
            return a;
        } else {
            CharBuffer x = (CharBuffer) d;
            char[] a = new char[x.remaining()];
            x.get(a);
            return a;
        }
    }
}
