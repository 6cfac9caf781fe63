package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * A persistent request (MPI_Send_init, MPI_Recv_init...): set up once, then {@link #start()}ed and completed many
 * times. For heap arrays the staging memory lives as long as the request: each start refreshes it from the array,
 * each completed receive lands in the array (the bytes of its datatype's type map only).
 */
public final class Prequest extends Request {
    private final boolean receive;
    /** Started and not yet completed: MPI may be using the memory. */
    private boolean active;

    Prequest(boolean receive) {
        this.receive = receive;
    }

    @Override
    boolean isPersistent() {
        return true;
    }

    /** MPI_Start: starts one round of the operation. */
    public void start() {
        restage();
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle);
        MPIException.check(LibMpi.MPI_Start(s.address(0)));
        handle = s.getHandle(0);
        active = true;
    }

    @Override
    void completed() {
        active = false;
        super.completed();
    }

    /**
     * MPI_Startall: starts every request.
     *
     * @param reqs the requests
     */
    public static void startAll(Prequest... reqs) {
        int h = NativeScratch.HANDLE_SIZE;
        NativeScratch s = NativeScratch.get().ensure(64 + reqs.length * h);
        for (int i = 0; i < reqs.length; i++) {
            reqs[i].restage();
            s.putHandle(64 + i * h, reqs[i].handle);
        }
        MPIException.check(LibMpi.MPI_Startall(reqs.length, s.address(64)));
        for (int i = 0; i < reqs.length; i++) {
            reqs[i].handle = s.getHandle(64 + i * h);
            reqs[i].active = true;
        }
    }

    /**
     * MPI_Request_free. The staging memory of heap arrays is released, unless the request was started and not
     * completed: then MPI may still use it, and it is kept for the life of the process.
     */
    @Override
    public void free() {
        if (handle != NULL) {
            NativeScratch s = NativeScratch.get();
            s.putHandle(0, handle);
            int rc = LibMpi.MPI_Request_free(s.address(0));
            handle = s.getHandle(0);
            MPIException.check(rc);
        }
        if (active) {
            abandon(); // deliberately not freed: the operation may still be in flight
            active = false;
        }
        release();
    }
}
