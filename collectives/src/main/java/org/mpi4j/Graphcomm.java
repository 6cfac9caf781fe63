package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * A graph topology communicator (MPI_Graph_create): every process knows the whole graph as MPI's index/edges
 * arrays. A process's neighbours (in and out alike) are {@link #getNeighbors(int)} of its rank.
 */
public class Graphcomm extends Topocomm {

    Graphcomm(long handle) {
        super(handle);
    }

    private static void checkGraph(Comm c, int[] index, int[] edges) {
        int n = index.length;
        if (n > c.getSize()) {
            throw new MPIException(ErrorClasses.ERR_ARG, "a graph of " + n + " nodes does not fit in a communicator of " + c.getSize());
        }
        int prev = 0;
        for (int i = 0; i < n; i++) {
            if (index[i] < prev) {
                throw new MPIException(ErrorClasses.ERR_ARG, "index must not decrease: index[" + i + "] = " + index[i]
                        + " after " + prev);
            }
            prev = index[i];
        }
        if (n > 0 && index[n - 1] != edges.length) {
            throw new MPIException(ErrorClasses.ERR_ARG, "index ends at " + index[n - 1] + " but there are " + edges.length + " edges");
        }
        for (int i = 0; i < edges.length; i++) {
            if (edges[i] < 0 || edges[i] >= n) {
                throw new MPIException(ErrorClasses.ERR_RANK, "edge " + i + " points to node " + edges[i] + " of a graph of " + n);
            }
        }
    }

    static Graphcomm create(Intracomm c, int[] index, int[] edges, boolean reorder) {
        long h = c.handle();
        checkGraph(c, index, edges);
        return made(LibMpi.MPI_Graph_create(h, index.length, index, edges, reorder ? 1 : 0, NativeScratch.get().address(0)));
    }

    static int map(Intracomm c, int[] index, int[] edges) {
        long h = c.handle();
        checkGraph(c, index, edges);
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Graph_map(h, index.length, index, edges, s.address(0)));
        // as for MPI_Cart_map, a process outside the graph gets MPI.UNDEFINED whatever the library answers
        int r = s.getInt(0);
        return r >= index.length ? MPI.UNDEFINED : r;
    }

    /** MPI_Comm_dup: a graph communicator with the same graph. */
    @Override
    public Graphcomm dup() {
        return (Graphcomm) super.dup();
    }

    /**
     * MPI_Graphdims_get: {number of nodes, number of edges}.
     *
     * @return {number of nodes, number of edges}
     */
    public int[] getDims() {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Graphdims_get(handle(), s.address(0), s.address(4)));
        return new int[] {s.getInt(0), s.getInt(4)};
    }

    /**
     * MPI_Graph_get: the index array.
     *
     * @return the index array
     */
    public int[] getIndex() {
        int[] d = getDims();
        int[] index = new int[d[0]];
        MPIException.check(LibMpi.MPI_Graph_get(handle(), d[0], d[1], index, new int[Math.max(d[1], 1)]));
        return index;
    }

    /**
     * MPI_Graph_get: the edges array.
     *
     * @return the edges array
     */
    public int[] getEdges() {
        int[] d = getDims();
        int[] edges = new int[d[1]];
        MPIException.check(LibMpi.MPI_Graph_get(handle(), d[0], d[1], new int[Math.max(d[0], 1)], edges));
        return edges;
    }

    /**
     * MPI_Graph_neighbors_count.
     *
     * @param rank a rank of this communicator or group
     * @return MPI_Graph_neighbors_count
     */
    public int getNeighborsCount(int rank) {
        checkRank(rank);
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Graph_neighbors_count(handle(), rank, s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Graph_neighbors: the neighbours of {@code rank}.
     *
     * @param rank a rank of this communicator or group
     * @return the neighbours of {@code rank}
     */
    public int[] getNeighbors(int rank) {
        int n = getNeighborsCount(rank);
        int[] nb = new int[n];
        MPIException.check(LibMpi.MPI_Graph_neighbors(handle(), rank, n, nb));
        return nb;
    }

    private void checkRank(int rank) {
        if (rank < 0 || rank >= getSize()) {
            throw new MPIException(ErrorClasses.ERR_RANK, "rank " + rank + " is out of range for a graph of " + getSize() + " processes");
        }
    }

    @Override
    int[][] edges() {
        int[] nb = getNeighbors(getRank());
        return new int[][] {nb, nb.clone()};
    }
}
