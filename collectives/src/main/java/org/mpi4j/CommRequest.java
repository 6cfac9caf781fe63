package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * The request of MPI_Comm_idup: once it completes (wait/test), {@link #getComm()} is the new communicator.
 *
 * @param <C> the type of the communicator
 */
public final class CommRequest<C extends Comm> extends Request {
    private static final int H = NativeScratch.HANDLE_SIZE;
    private final long slot;
    private C comm;

    CommRequest() {
        slot = raw(H);
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, Comm.NULL);
        LibMpi.mpi4j_memcpy(slot, s.address(0), H);
    }

    /** Where MPI writes the new communicator's handle. */
    long commAddress() {
        return slot;
    }

    @Override
    @SuppressWarnings("unchecked")
    void completed() {
        if (comm == null && stages != null) {
            NativeScratch s = NativeScratch.get();
            LibMpi.mpi4j_memcpy(s.address(0), slot, H);
            comm = (C) Comm.make(s.getHandle(0));
        }
        super.completed();
    }

    /**
     * The duplicated communicator; throws until the request has completed.
     *
     * @return the duplicated communicator; throws until the request has completed
     */
    public C getComm() {
        if (comm == null) {
            throw new MPIException(ErrorClasses.ERR_REQUEST, "the idup has not completed: wait for or test the request first");
        }
        return comm;
    }
}
