package org.mpi4j;

import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_Message: a message matched by {@link Comm#mprobe} or {@link Comm#improbe}, received exactly once with
 * {@link #recv} or {@link #irecv} (no other receive can steal it).
 */
public final class Message {
    private static final long NULL = LibMpi.MPI_MESSAGE_NULL();
    private long handle;

    Message(long handle) {
        this.handle = handle;
    }

    /**
     * The native MPI_Message handle.
     *
     * @return the native MPI_Message handle
     */
    public long handle() {
        return handle;
    }

    /**
     * True once received (MPI_MESSAGE_NULL).
     *
     * @return true once received (MPI_MESSAGE_NULL)
     */
    public boolean isNull() {
        return handle == NULL;
    }

    /**
     * True for the message matched from MPI.PROC_NULL (MPI_MESSAGE_NO_PROC).
     *
     * @return true for the message matched from MPI.PROC_NULL (MPI_MESSAGE_NO_PROC)
     */
    public boolean isNoProc() {
        return handle == LibMpi.MPI_MESSAGE_NO_PROC();
    }

    private void checkLive() {
        if (handle == NULL) {
            throw new MPIException(ErrorClasses.ERR_REQUEST, "message has already been received");
        }
    }

    /**
     * MPI_Mrecv: receives the message into {@code buf}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     */
    public void recv(Object buf) {
        recv(buf, null);
    }

    /**
     * MPI_Mrecv: receives the message into {@code buf} and fills {@code status}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @param status the status to fill (may be null)
     */
    public void recv(Object buf, Status status) {
        checkLive();
        MessageBuffer m = Staging.recv(Buffers.forArrival(buf), false);
        long st = Staging.recvStatus(status);
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        int rc = LibMpi.mpi4j_mrecv(m.base(), m.kind(), m.offset(), m.count(), m.datatype(), s.address(0), st);
        handle = s.getHandle(0);
        Staging.landed(rc, st);
        if (rc != 0) {
            throw MPIException.receiveFailed(rc, "mrecv", m.count(), m.datatype(), st);
        }
        Staging.arrived(m, status, st);
    }

    /**
     * MPI_Imrecv: starts receiving the message into {@code buf}.
     *
     * @param buf the message buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request irecv(Object buf) {
        checkLive();
        MessageBuffer m = Buffers.forArrival(buf);
        Request r = new Request();
        long addr = r.bind(m, true, true);
        r.mark = m.deferredMark();
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        int rc = LibMpi.MPI_Imrecv(addr, m.count(), m.datatype(), s.address(0), s.address(16));
        handle = s.getHandle(0);
        if (rc != 0) {
            r.release();
            throw MPIException.fromCode(rc);
        }
        r.handle = s.getHandle(16);
        r.receives(m.count(), m.datatype());
        return r;
    }
}
