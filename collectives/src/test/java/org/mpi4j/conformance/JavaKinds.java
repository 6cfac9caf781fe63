package org.mpi4j.conformance;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.List;
import org.mpi4j.buffers.BufferSpec;

/**
 * The buffer kinds of the core module: heap arrays (double[], byte[]), a heap DoubleBuffer slice, a direct
 * ByteBuffer slice and a direct DoubleBuffer view with a position. Each keeps {@link Region#CANARY} bytes before and
 * after the message outside the BufferSpec's reach (offsets into, or slices of, a larger backing).
 */
public final class JavaKinds {
    private JavaKinds() { }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int C = Region.CANARY;

    /** Every kind of this module. */
    public static List<Kind> all() {
        return List.of(doubleArray(), byteArray(), heapDoubleBuffer(), directByteBuffer(), directDoubleBuffer());
    }

    /** double[] with BufferSpec.of(array, offset, count, type). */
    public static Kind doubleArray() {
        return Kind.of("double[]", (layout, n) -> {
            int body = layout.body(n);
            double[] a = new double[(C + body + C) / 8];
            return new Region(8 * a.length, C) {
                @Override
                public long word(int i) {
                    return Double.doubleToRawLongBits(a[i / 8]);
                }

                @Override
                public void word(int i, long bits) {
                    a[i / 8] = Double.longBitsToDouble(bits);
                }

                @Override
                public Object message(int count) {
                    return BufferSpec.of(a, C / 8, count, layout.type);
                }
            };
        });
    }

    /** byte[] carrying doubles: BufferSpec.of(bytes, byteOffset, count, type). */
    public static Kind byteArray() {
        return Kind.of("byte[]", (layout, n) -> {
            byte[] a = new byte[C + layout.body(n) + C];
            return new Region(a.length, C) {
                @Override
                public long word(int i) {
                    return (long) LONGS.get(a, i);
                }

                @Override
                public void word(int i, long bits) {
                    LONGS.set(a, i, bits);
                }

                @Override
                public Object message(int count) {
                    return BufferSpec.of(a, C, count, layout.type);
                }
            };
        });
    }

    /** A slice of DoubleBuffer.wrap(array) starting one double before the message, offset 1 in the spec. */
    public static Kind heapDoubleBuffer() {
        return Kind.of("heap DoubleBuffer", (layout, n) -> {
            int body = layout.body(n);
            double[] a = new double[(C + body + C) / 8];
            DoubleBuffer slice = DoubleBuffer.wrap(a).position(C / 8 - 1).limit((C + body) / 8 + 1).slice();
            return new Region(8 * a.length, C) {
                @Override
                public long word(int i) {
                    return Double.doubleToRawLongBits(a[i / 8]);
                }

                @Override
                public void word(int i, long bits) {
                    a[i / 8] = Double.longBitsToDouble(bits);
                }

                @Override
                public Object message(int count) {
                    return BufferSpec.of(slice, 1, count, layout.type);
                }
            };
        });
    }

    /** A native-order slice of a larger direct ByteBuffer starting 8 bytes before the message, offset 8. */
    public static Kind directByteBuffer() {
        return Kind.of("direct ByteBuffer", (layout, n) -> {
            int body = layout.body(n);
            ByteBuffer whole = ByteBuffer.allocateDirect(C + body + C).order(ByteOrder.nativeOrder());
            ByteBuffer slice = whole.duplicate().position(C - 8).limit(C + body + 8).slice().order(ByteOrder.nativeOrder());
            return directRegion(whole, count -> BufferSpec.of(slice, 8, count, layout.type));
        });
    }

    /** A DoubleBuffer view of a direct buffer whose position and limit select the message (spec offset 0). */
    public static Kind directDoubleBuffer() {
        return Kind.of("direct DoubleBuffer", (layout, n) -> {
            int body = layout.body(n);
            ByteBuffer whole = ByteBuffer.allocateDirect(C + body + C).order(ByteOrder.nativeOrder());
            DoubleBuffer view = whole.asDoubleBuffer();
            view.position(C / 8).limit((C + body) / 8);
            return directRegion(whole, count -> BufferSpec.of(view, 0, count, layout.type));
        });
    }

    /** A region over all of {@code whole} (canaries included) whose message {@code message} builds for a count. */
    static Region directRegion(ByteBuffer whole, java.util.function.IntFunction<Object> message) {
        return new Region(whole.capacity(), C) {
            @Override
            public long word(int i) {
                return whole.getLong(i);
            }

            @Override
            public void word(int i, long bits) {
                whole.putLong(i, bits);
            }

            @Override
            public Object message(int count) {
                return message.apply(count);
            }
        };
    }
}
