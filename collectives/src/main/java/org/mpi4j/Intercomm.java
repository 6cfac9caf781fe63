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

    Intercomm(long handle, boolean predefined) {
        super(handle, predefined);
    }

    /** MPI_Comm_dup: a new intercommunicator between the same groups. */
    @Override
    public Intercomm dup() {
        return made(dupRc());
    }

    /** MPI_Comm_dup_with_info. */
    @Override
    public Intercomm dupWithInfo(Info info) {
        return made(dupWithInfoRc(info));
    }

    /** MPI_Comm_idup: the duplicate is the request's {@link CommRequest#getComm()} once it completes. */
    @Override
    public CommRequest<Intercomm> idup() {
        return startIdup();
    }

    /**
     * MPI_Comm_create on an intercommunicator: an intercommunicator between the members of {@code group} (a subgroup
     * of the local group) and those the other side names; null where this process is in neither.
     */
    @Override
    public Intercomm create(Group group) {
        return (Intercomm) super.create(group);
    }

    /**
     * MPI_Comm_split on an intercommunicator: per colour, an intercommunicator between both sides' members.
     *
     * @param color the color: processes with the same color end up in the same communicator (MPI.UNDEFINED for none)
     * @param key the key
     * @return per colour, an intercommunicator between both sides' members
     */
    public Intercomm split(int color, int key) {
        long h = handle();
        return made(LibMpi.MPI_Comm_split(h, color, key, NativeScratch.get().address(0)));
    }

    /**
     * MPI_Comm_remote_group: the group on the other side (free it when done).
     *
     * @return the group on the other side (free it when done)
     */
    public Group getRemoteGroup() {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_remote_group(h, s.address(0)));
        return new Group(s.getHandle(0), false);
    }

    /**
     * MPI_Intercomm_merge: an intracommunicator over both groups; the group passing {@code high} comes last.
     *
     * @param high the upper bound
     * @return an intracommunicator over both groups; the group passing {@code high} comes last
     */
    public Intracomm merge(boolean high) {
        long h = handle();
        return made(LibMpi.MPI_Intercomm_merge(h, high ? 1 : 0, NativeScratch.get().address(0)));
    }
}
