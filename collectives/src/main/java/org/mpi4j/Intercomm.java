package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * An intercommunicator (MPI_Comm between two disjoint groups): point-to-point addresses ranks of the remote group,
 * and collectives take their intercommunicator forms (rooted ones with MPI.ROOT / MPI.PROC_NULL on the root's side).
 */
public class Intercomm extends Comm {

    Intercomm(long handle) {
        super(handle, false);
    }

    /** MPI_Comm_dup: a new intercommunicator between the same groups. */
    @Override
    public Intercomm dup() {
        return new Intercomm(dupHandle());
    }

    /** MPI_Intercomm_merge: an intracommunicator over both groups; the group passing {@code high} comes last. */
    public Intracomm merge(boolean high) {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Intercomm_merge(h, high ? 1 : 0, s.address(0)));
        return new Intracomm(s.getHandle(0), false);
    }
}
