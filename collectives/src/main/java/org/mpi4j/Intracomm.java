package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/** An intracommunicator (MPI_Comm over one group): COMM_WORLD, COMM_SELF, and those made from them. */
public class Intracomm extends Comm {

    Intracomm(long handle, boolean predefined) {
        super(handle, predefined);
    }

    /** Wraps a native MPI_Comm handle made elsewhere (interop); mpi4j frees it only if asked to. */
    public static Intracomm fromHandle(long handle) {
        return new Intracomm(handle, false);
    }

    /** MPI_Comm_f2c: the communicator for a Fortran handle. */
    public static Intracomm fromFortran(int f) {
        Environment.ensure();
        return fromHandle(LibMpi.MPI_Comm_f2c(f));
    }

    /** MPI_Comm_dup. */
    @Override
    public Intracomm dup() {
        return new Intracomm(dupHandle(), false);
    }

    /** MPI_Comm_split: processes with the same {@code color} form a new communicator, ordered by {@code key};
     * MPI.UNDEFINED as color gives null. */
    public Intracomm split(int color, int key) {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_split(h, color, key, s.address(0)));
        long nh = s.getHandle(0);
        return nh == NULL ? null : new Intracomm(nh, false);
    }

    /** MPI_Scan: process i's {@code recvbuf} receives the reduction of the {@code sendbuf}s of processes 0..i. */
    public void scan(Object sendbuf, Object recvbuf, Op op) {
        Collectives.allreduce(this, sendbuf, recvbuf, op, 1, false);
    }

    /** MPI_Iscan: starts a scan. */
    public Request iscan(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.allreduce(this, sendbuf, recvbuf, op, 1, true);
    }

    /** MPI_Exscan: process i's {@code recvbuf} receives the reduction over processes 0..i-1 (undefined on 0). */
    public void exscan(Object sendbuf, Object recvbuf, Op op) {
        Collectives.allreduce(this, sendbuf, recvbuf, op, 2, false);
    }

    /** MPI_Iexscan: starts an exscan. */
    public Request iexscan(Object sendbuf, Object recvbuf, Op op) {
        return Collectives.allreduce(this, sendbuf, recvbuf, op, 2, true);
    }
}
