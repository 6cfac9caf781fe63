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

    /**
     * MPI_Intercomm_create: an intercommunicator between this communicator's group and another, whose leaders
     * ({@code localLeader} here, {@code remoteLeader} in {@code peerComm}) talk over {@code peerComm} with {@code tag}.
     */
    public Intercomm createIntercomm(int localLeader, Intracomm peerComm, int remoteLeader, int tag) {
        long h = handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Intercomm_create(h, localLeader, peerComm.handle(), remoteLeader, tag, s.address(0)));
        return new Intercomm(s.getHandle(0));
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

    // ------------------------------------------------------------------ the object path, collectives

    /** Object broadcast (mpi4py's comm.bcast): returns the root's object on every process. */
    public Object bcastObject(Object obj, int root) {
        return ObjectPath.bcast(this, obj, root);
    }

    /** Object gather (mpi4py's comm.gather): the list of every process's object at the root, null elsewhere. */
    public java.util.List<Object> gatherObject(Object obj, int root) {
        return ObjectPath.gather(this, obj, root);
    }

    /** Object scatter (mpi4py's comm.scatter): element i of the root's list (size elements) to process i. */
    public Object scatterObject(java.util.List<?> objs, int root) {
        return ObjectPath.scatter(this, objs, root);
    }

    /** Object allgather (mpi4py's comm.allgather): the list of every process's object, everywhere. */
    public java.util.List<Object> allgatherObject(Object obj) {
        return ObjectPath.allgather(this, obj);
    }

    /** Object alltoall (mpi4py's comm.alltoall): element j of my list goes to j; returns what each process sent me. */
    public java.util.List<Object> alltoallObject(java.util.List<?> objs) {
        return ObjectPath.alltoall(this, objs);
    }

    /** Object reduce (mpi4py's comm.reduce) with a Java function, in rank order: the result at the root, null elsewhere. */
    public Object reduceObject(Object obj, java.util.function.BinaryOperator<Object> op, int root) {
        return ObjectPath.reduce(this, obj, op, root);
    }

    /** Object reduce with an {@link Op} (predefined ops on numbers, or a user op's object form). */
    public Object reduceObject(Object obj, Op op, int root) {
        return ObjectPath.reduce(this, obj, op::apply, root);
    }

    /** Object allreduce (mpi4py's comm.allreduce) with a Java function, in rank order. */
    public Object allreduceObject(Object obj, java.util.function.BinaryOperator<Object> op) {
        return ObjectPath.allreduce(this, obj, op);
    }

    /** Object allreduce with an {@link Op}. */
    public Object allreduceObject(Object obj, Op op) {
        return ObjectPath.allreduce(this, obj, op::apply);
    }

    /** Object inclusive scan (mpi4py's comm.scan): the reduction over processes 0..rank. */
    public Object scanObject(Object obj, java.util.function.BinaryOperator<Object> op) {
        return ObjectPath.scan(this, obj, op, false);
    }

    /** Object inclusive scan with an {@link Op}. */
    public Object scanObject(Object obj, Op op) {
        return ObjectPath.scan(this, obj, op::apply, false);
    }

    /** Object exclusive scan (mpi4py's comm.exscan): the reduction over 0..rank-1; null on rank 0. */
    public Object exscanObject(Object obj, java.util.function.BinaryOperator<Object> op) {
        return ObjectPath.scan(this, obj, op, true);
    }

    /** Object exclusive scan with an {@link Op}. */
    public Object exscanObject(Object obj, Op op) {
        return ObjectPath.scan(this, obj, op::apply, true);
    }
}
