package org.mpi4j;

/**
 * A communicator with a process topology (Cartesian, graph or distributed graph): its in- and out-neighbours, and
 * the neighbourhood collectives over them (MPI_Neighbor_allgather(v), MPI_Neighbor_alltoall(v, w) and their
 * nonblocking forms). A receive buffer holds one block per in-neighbour and a send buffer of alltoall one block per
 * out-neighbour, in the order of {@link #getInedges()} and {@link #getOutedges()}.
 */
public abstract class Topocomm extends Intracomm {
    private int[] in;
    private int[] out;

    Topocomm(long handle) {
        super(handle, false);
    }

    /**
     * The ranks this process receives from in neighbourhood collectives (MPI.PROC_NULL for a missing neighbour).
     *
     * @return the ranks this process receives from in neighbourhood collectives (MPI.PROC_NULL for a missing neighbour)
     */
    public final int[] getInedges() {
        if (in == null) {
            loadEdges();
        }
        return in.clone();
    }

    /**
     * The ranks this process sends to in neighbourhood collectives.
     *
     * @return the ranks this process sends to in neighbourhood collectives
     */
    public final int[] getOutedges() {
        if (out == null) {
            loadEdges();
        }
        return out.clone();
    }

    /**
     * Number of in-neighbours.
     *
     * @return number of in-neighbours
     */
    public final int getIndegree() {
        if (in == null) {
            loadEdges();
        }
        return in.length;
    }

    /**
     * Number of out-neighbours.
     *
     * @return number of out-neighbours
     */
    public final int getOutdegree() {
        if (out == null) {
            loadEdges();
        }
        return out.length;
    }

    private void loadEdges() {
        int[][] e = edges();
        in = e[0];
        out = e[1];
    }

    /** {in-neighbours, out-neighbours} in MPI's neighbourhood order. */
    abstract int[][] edges();

    /**
     * MPI_Neighbor_allgather: block i of {@code recvbuf} receives in-neighbour i's {@code sendbuf}.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void neighborAllgather(Object sendbuf, Object recvbuf) {
        Collectives.allgather(this, sendbuf, recvbuf, true, false);
    }

    /**
     * MPI_Ineighbor_allgather.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ineighborAllgather(Object sendbuf, Object recvbuf) {
        return Collectives.allgather(this, sendbuf, recvbuf, true, true);
    }

    /**
     * MPI_Neighbor_allgatherv: {@code recvbuf} a VBuffer (or equal blocks) with one entry per in-neighbour.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void neighborAllgatherv(Object sendbuf, Object recvbuf) {
        Collectives.allgatherv(this, sendbuf, recvbuf, true, false);
    }

    /**
     * MPI_Ineighbor_allgatherv.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ineighborAllgatherv(Object sendbuf, Object recvbuf) {
        return Collectives.allgatherv(this, sendbuf, recvbuf, true, true);
    }

    /**
     * MPI_Neighbor_alltoall: block j of {@code sendbuf} goes to out-neighbour j; block i of {@code recvbuf} comes from in-neighbour i.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void neighborAlltoall(Object sendbuf, Object recvbuf) {
        Collectives.alltoall(this, sendbuf, recvbuf, true, false);
    }

    /**
     * MPI_Ineighbor_alltoall.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ineighborAlltoall(Object sendbuf, Object recvbuf) {
        return Collectives.alltoall(this, sendbuf, recvbuf, true, true);
    }

    /**
     * MPI_Neighbor_alltoallv: VBuffers with one entry per out-neighbour (send) and in-neighbour (receive).
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void neighborAlltoallv(Object sendbuf, Object recvbuf) {
        Collectives.alltoallv(this, sendbuf, recvbuf, true, false);
    }

    /**
     * MPI_Ineighbor_alltoallv.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ineighborAlltoallv(Object sendbuf, Object recvbuf) {
        return Collectives.alltoallv(this, sendbuf, recvbuf, true, true);
    }

    /**
     * MPI_Neighbor_alltoallw: WBuffers (counts, byte displacements, types) per out- and in-neighbour.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     */
    public void neighborAlltoallw(Object sendbuf, Object recvbuf) {
        Collectives.alltoallw(this, sendbuf, recvbuf, true, false);
    }

    /**
     * MPI_Ineighbor_alltoallw.
     *
     * @param sendbuf the send buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @param recvbuf the receive buffer: an array, NIO buffer, Arrow vector, INDArray or BufferSpec (MPI.IN_PLACE where allowed)
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public Request ineighborAlltoallw(Object sendbuf, Object recvbuf) {
        return Collectives.alltoallw(this, sendbuf, recvbuf, true, true);
    }
}
