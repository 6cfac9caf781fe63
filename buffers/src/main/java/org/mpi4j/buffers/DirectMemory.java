package org.mpi4j.buffers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.Buffer;
import org.mpi4j.jni.LibMpi;

/**
 * The native address of a direct NIO buffer. JNI's GetDirectBufferAddress costs about 15 ns a call (two VM
 * transitions and a type check), more than the rest of a send's Java side; when {@code java.nio} is open to mpi4j
 * ({@code --add-opens java.base/java.nio=ALL-UNNAMED}, which the launcher and the tests pass) the address is read from
 * the buffer's own field, found once at class initialisation, and a small send costs one JNI transition. Otherwise
 * direct buffers keep going through JNI ({@link #FAST} is false), with the same results. The system property
 * {@code -Dmpi4j.directAddress=jni} forces the JNI path (the tests run both).
 */
public final class DirectMemory {
    private static final VarHandle ADDRESS = find();

    /** True when direct buffer addresses are read in Java rather than through JNI. */
    public static final boolean FAST = ADDRESS != null;

    private DirectMemory() { }

    private static VarHandle find() {
        if ("jni".equals(System.getProperty("mpi4j.directAddress"))) {
            return null;
        }
        try {
            return MethodHandles.privateLookupIn(Buffer.class, MethodHandles.lookup())
                    .findVarHandle(Buffer.class, "address", long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // java.nio not opened to us, or a JDK without the field: JNI path
        }
    }

    /**
     * The address of a direct buffer's element 0 (not of its position).
     *
     * @param direct the direct buffer
     * @return the address of a direct buffer's element 0 (not of its position)
     */
    public static long address(Buffer direct) {
        return FAST ? (long) ADDRESS.get(direct) : LibMpi.mpi4j_direct_address(direct);
    }

    /**
     * A direct ByteBuffer in native order over {@code bytes} of native memory at {@code address}, which it does not
     * own: the memory must outlive the buffer and every view of it.
     *
     * @param address the native address
     * @param bytes the capacity, 0 to 2^31-1
     * @return the buffer, position 0, limit = capacity = bytes
     */
    public static java.nio.ByteBuffer view(long address, int bytes) {
        final long at = address;   // inside the subclass, "address" names JavaCPP's inherited field, not this parameter
        return new org.bytedeco.javacpp.BytePointer() {
            {
                this.address = at;
            }
        }.capacity(bytes).limit(bytes).asByteBuffer().order(java.nio.ByteOrder.nativeOrder());
    }
}
