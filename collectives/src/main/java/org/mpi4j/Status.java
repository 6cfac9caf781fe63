package org.mpi4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Status: source, tag, error and element count of a received (or probed) message. It owns a native
 * MPI_Status that MPI fills in place; reuse one Status across calls to allocate nothing.
 */
public final class Status {
    private static final int SIZE = LibMpi.sizeofStatus();
    private static final int SOURCE = LibMpi.offsetofStatusSource();
    private static final int TAG = LibMpi.offsetofStatusTag();
    private static final int ERROR = LibMpi.offsetofStatusError();
    /** MPI_STATUS_IGNORE, read once: receives and waits pass it on the hot path. */
    private static final long IGNORE = LibMpi.MPI_STATUS_IGNORE();
    /** Where this MPI keeps the bytes received (see mpi4j_status_count_layout in mpi4j_jni.h). */
    private static final long COUNT_LAYOUT = LibMpi.mpi4j_status_count_layout();

    private final ByteBuffer memory;
    private final long address;

    /** A new, empty status. */
    public Status() {
        memory = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());
        address = LibMpi.mpi4j_direct_address(memory);
    }

    /** Native address of the MPI_Status, or MPI_STATUS_IGNORE for a null status. */
    static long addressOf(Status s) {
        return s == null ? IGNORE : s.address;
    }

    /**
     * Bytes the completed receive that filled this status delivered (0 if it was cancelled), read from the native
     * MPI_Status without an MPI call; -1 when this MPI's layout is not known.
     */
    long receivedBytes() {
        int kind = (int) (COUNT_LAYOUT >>> 48);
        int count = (int) (COUNT_LAYOUT >>> 16) & 0xffff;
        int cancelled = (int) COUNT_LAYOUT & 0xffff;
        if (kind == 1) {   // Open MPI: size_t _ucount, int _cancelled
            return memory.getInt(cancelled) != 0 ? 0 : memory.getLong(count);
        }
        if (kind == 2) {   // MPICH: int count_lo, int count_hi_and_cancelled (bit 0: cancelled)
            int hi = memory.getInt(cancelled);
            return (hi & 1) != 0 ? 0 : ((long) (hi >>> 1) << 32) + (memory.getInt(count) & 0xffffffffL);
        }
        return -1;
    }

    /** As {@link #bytesAt}, through {@code s}'s own memory when {@code status} is its address (no MPI call). */
    static long bytesAt(Status s, long status) {
        if (s != null && s.address == status) {
            long b = s.receivedBytes();
            if (b >= 0) {
                return b;
            }
        }
        return bytesAt(status);
    }

    /** Bytes a completed receive delivered, from its native status (MPI_Get_elements_x in MPI_BYTE); 0 when unknown. */
    static long bytesAt(long status) {
        if (status == 0 || status == IGNORE) {
            return 0;
        }
        NativeScratch s = NativeScratch.get();
        return LibMpi.MPI_Get_elements_x(status, LibMpi.MPI_BYTE(), s.address(0)) == 0 ? Math.max(s.getLong(0), 0) : 0;
    }

    /**
     * The native MPI_Status address (interop: pass it to C code that fills an MPI_Status).
     *
     * @return the native MPI_Status address (interop: pass it to C code that fills an MPI_Status)
     */
    public long address() {
        return address;
    }

    /** Copies a native MPI_Status (e.g. one entry of an array MPI filled) into this status. */
    void copyFrom(long nativeStatus) {
        LibMpi.mpi4j_memcpy(address, nativeStatus, SIZE);
    }

    /** Size in bytes of the native MPI_Status. */
    static int nativeSize() {
        return SIZE;
    }

    /**
     * MPI_SOURCE: the rank that sent the message.
     *
     * @return the rank that sent the message
     */
    public int getSource() {
        return memory.getInt(SOURCE);
    }

    /**
     * MPI_TAG: the message's tag.
     *
     * @return the message's tag
     */
    public int getTag() {
        return memory.getInt(TAG);
    }

    /**
     * MPI_ERROR: the error code of this request (set by the multiple-completion calls).
     *
     * @return the error code of this request (set by the multiple-completion calls)
     */
    public int getError() {
        return memory.getInt(ERROR);
    }

    /**
     * Sets MPI_SOURCE (for generalized requests and tests).
     *
     * @param source the rank of the source in this communicator (or MPI.ANY_SOURCE, MPI.PROC_NULL)
     */
    public void setSource(int source) {
        memory.putInt(SOURCE, source);
    }

    /**
     * Sets MPI_TAG.
     *
     * @param tag the message tag, in [0, MPI_TAG_UB] (MPI.ANY_TAG allowed when receiving)
     */
    public void setTag(int tag) {
        memory.putInt(TAG, tag);
    }

    /**
     * Sets MPI_ERROR.
     *
     * @param error the error
     */
    public void setError(int error) {
        memory.putInt(ERROR, error);
    }

    /**
     * MPI_Get_count: elements of {@code type} received; MPI.UNDEFINED if not a whole number.
     *
     * @param type the datatype
     * @return elements of {@code type} received; MPI.UNDEFINED if not a whole number
     */
    public int getCount(Datatype type) {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Get_count(address, type.handle(), s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Get_count with MPI_BYTE: the message size in bytes (mpi4py's {@code Status.count}).
     *
     * @return the message size in bytes (mpi4py's {@code Status.count})
     */
    public int getCount() {
        return getCount(Datatype.BYTE);
    }

    /**
     * MPI_Get_elements_x: basic elements of {@code type} received.
     *
     * @param type the datatype
     * @return basic elements of {@code type} received
     */
    public long getElements(Datatype type) {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Get_elements_x(address, type.handle(), s.address(0)));
        return s.getLong(0);
    }

    /**
     * MPI_Status_set_elements_x.
     *
     * @param type the datatype
     * @param count the number of elements
     */
    public void setElements(Datatype type, long count) {
        MPIException.check(LibMpi.MPI_Status_set_elements_x(address, type.handle(), count));
    }

    /**
     * MPI_Test_cancelled: whether the request this status describes was cancelled.
     *
     * @return whether the request this status describes was cancelled
     */
    public boolean isCancelled() {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Test_cancelled(address, s.address(0)));
        return s.getInt(0) != 0;
    }

    /**
     * MPI_Status_set_cancelled.
     *
     * @param flag the flag
     */
    public void setCancelled(boolean flag) {
        MPIException.check(LibMpi.MPI_Status_set_cancelled(address, flag ? 1 : 0));
    }

    @Override
    public String toString() {
        return "Status[source=" + getSource() + ", tag=" + getTag() + ", error=" + getError() + ", bytes=" + getCount() + "]";
    }
}
