package org.mpi4j.buffers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.mpi4j.jni.LibMpi;

/**
 * Per-thread native memory for MPI's output parameters (ranks, flags, new handles, strings, handle arrays), so the
 * hot paths allocate nothing. Handles are read and written with the native handle width (8 bytes for Open MPI's
 * pointers, 4 for MPICH's ints): Java never assumes a handle is a pointer.
 */
public final class NativeScratch {
    /** Width in bytes of a native MPI handle (MPI_Request, MPI_Comm... all share it, except MPI_File). */
    public static final int HANDLE_SIZE = LibMpi.sizeofRequest();
    /** Width in bytes of MPI_File, which is a pointer in MPICH (ROMIO's ADIOI_FileD*) where the other handles are ints. */
    public static final int FILE_HANDLE_SIZE = LibMpi.sizeofFile();

    private static final PerThread<NativeScratch> LOCAL = new PerThread<>(NativeScratch::new);

    private ByteBuffer buffer;
    private long base;

    private NativeScratch() {
        allocate(4096);
    }

    private void allocate(int bytes) {
        buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        base = LibMpi.mpi4j_direct_address(buffer);
    }

    /**
     * This thread's scratch area.
     *
     * @return this thread's scratch area
     */
    public static NativeScratch get() {
        return LOCAL.get();
    }

    /**
     * Makes the area at least {@code bytes} long (contents are lost when it grows).
     *
     * @param bytes the number of bytes
     * @return the scratch area
     */
    public NativeScratch ensure(int bytes) {
        if (bytes > buffer.capacity()) {
            allocate(Math.max(bytes, buffer.capacity() * 2));
        }
        return this;
    }

    /**
     * Native address of byte {@code offset} of the area.
     *
     * @param offset the offset, in elements, of the first element used
     * @return native address of byte {@code offset} of the area
     */
    public long address(int offset) {
        return base + offset;
    }

    /**
     * The int at byte {@code offset}.
     *
     * @param offset the offset, in elements, of the first element used
     * @return the int at byte {@code offset}
     */
    public int getInt(int offset) {
        return buffer.getInt(offset);
    }

    /**
     * Stores an int at byte {@code offset}.
     *
     * @param offset the offset, in elements, of the first element used
     * @param value the value
     */
    public void putInt(int offset, int value) {
        buffer.putInt(offset, value);
    }

    /**
     * The 64-bit value at byte {@code offset} (MPI_Aint, MPI_Count, MPI_Offset).
     *
     * @param offset the offset, in elements, of the first element used
     * @return the 64-bit value at byte {@code offset} (MPI_Aint, MPI_Count, MPI_Offset)
     */
    public long getLong(int offset) {
        return buffer.getLong(offset);
    }

    /**
     * Stores a 64-bit value at byte {@code offset}.
     *
     * @param offset the offset, in elements, of the first element used
     * @param value the value
     */
    public void putLong(int offset, long value) {
        buffer.putLong(offset, value);
    }

    /**
     * The native handle at byte {@code offset}, widened to long.
     *
     * @param offset the offset, in elements, of the first element used
     * @return the native handle at byte {@code offset}, widened to long
     */
    public long getHandle(int offset) {
        return HANDLE_SIZE == 8 ? buffer.getLong(offset) : buffer.getInt(offset);
    }

    /**
     * Stores a native handle at byte {@code offset} with the native width.
     *
     * @param offset the offset, in elements, of the first element used
     * @param handle the native handle
     */
    public void putHandle(int offset, long handle) {
        if (HANDLE_SIZE == 8) {
            buffer.putLong(offset, handle);
        } else {
            buffer.putInt(offset, (int) handle);
        }
    }

    /**
     * The MPI_File at byte {@code offset}, widened to long (its own width: see {@link #FILE_HANDLE_SIZE}).
     *
     * @param offset the byte offset
     * @return the handle
     */
    public long getFileHandle(int offset) {
        return FILE_HANDLE_SIZE == 8 ? buffer.getLong(offset) : buffer.getInt(offset);
    }

    /**
     * Stores an MPI_File at byte {@code offset} with its native width.
     *
     * @param offset the byte offset
     * @param handle the MPI_File handle
     */
    public void putFileHandle(int offset, long handle) {
        if (FILE_HANDLE_SIZE == 8) {
            buffer.putLong(offset, handle);
        } else {
            buffer.putInt(offset, (int) handle);
        }
    }

    /**
     * Decodes {@code length} bytes at {@code offset} as a string (MPI's char* outputs).
     *
     * @param offset the offset, in elements, of the first element used
     * @param length the length
     * @return the string
     */
    public String getString(int offset, int length) {
        byte[] bytes = new byte[Math.max(0, length)];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Decodes a NUL-terminated string of at most {@code max} bytes at {@code offset}.
     *
     * @param offset the offset, in elements, of the first element used
     * @param max the largest number accepted
     * @return the string
     */
    public String getCString(int offset, int max) {
        int n = 0;
        while (n < max && buffer.get(offset + n) != 0) {
            n++;
        }
        return getString(offset, n);
    }
}
