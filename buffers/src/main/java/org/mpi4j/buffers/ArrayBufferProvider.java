package org.mpi4j.buffers;

/**
 * Java primitive arrays as buffers. Discovered types: boolean[] MPI_C_BOOL, byte[] MPI_SIGNED_CHAR,
 * char[] MPI_UNSIGNED_SHORT, short[] MPI_SHORT, int[] MPI_INT, long[] MPI_LONG, float[] MPI_FLOAT,
 * double[] MPI_DOUBLE. Blocking calls stage the array in per-thread native memory, or pin it for the call where the
 * collector pins without stalling other threads (G1 on JDK 22+) or {@code -Dmpi4j.pinArrays=true} says so; nonblocking
 * calls stage it.
 */
public final class ArrayBufferProvider implements BufferProvider {

    /** Creates the provider (ServiceLoader). */
    public ArrayBufferProvider() { }

    @Override
    public boolean supports(Class<?> type) {
        return type.isArray() && type.getComponentType().isPrimitive();
    }

    @Override
    public void describe(Object a, MessageBuffer out) {
        if (a instanceof double[] d) {
            out.describeArray(a, a, 0, 8L * d.length, ElementType.FLOAT64, false);
        } else if (a instanceof int[] i) {
            out.describeArray(a, a, 0, 4L * i.length, ElementType.INT32, false);
        } else if (a instanceof long[] l) {
            out.describeArray(a, a, 0, 8L * l.length, ElementType.INT64, false);
        } else if (a instanceof float[] f) {
            out.describeArray(a, a, 0, 4L * f.length, ElementType.FLOAT32, false);
        } else if (a instanceof byte[] b) {
            out.describeArray(a, a, 0, b.length, ElementType.INT8, false);
        } else if (a instanceof short[] s) {
            out.describeArray(a, a, 0, 2L * s.length, ElementType.INT16, false);
        } else if (a instanceof char[] c) {
            out.describeArray(a, a, 0, 2L * c.length, ElementType.UINT16, false);
        } else if (a instanceof boolean[] z) {
            out.describeArray(a, a, 0, z.length, ElementType.BOOL, false);
        } else {
            throw new IllegalArgumentException("not a primitive array: " + a.getClass());
        }
    }
}
