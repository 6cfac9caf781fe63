package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * A distributed graph topology communicator (MPI_Dist_graph_create(_adjacent)): each process knows only its own
 * in-neighbours (sources) and out-neighbours (destinations), optionally weighted.
 */
public class Distgraphcomm extends Topocomm {

    Distgraphcomm(long handle) {
        super(handle);
    }

    private static void checkRanks(Comm c, int[] ranks, String what) {
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 0 || ranks[i] >= c.getSize()) {
                throw new MPIException(ErrorClasses.ERR_RANK, what + "[" + i + "] = " + ranks[i] + " is not a rank of a communicator of "
                        + c.getSize() + " processes");
            }
        }
    }

    private static void checkWeights(int[] weights, int n, String what) {
        if (weights != null && weights.length != n) {
            throw new MPIException(ErrorClasses.ERR_ARG, what + " has " + weights.length + " entries for " + n + " edges");
        }
    }

    static Distgraphcomm createAdjacent(Intracomm c, int[] sources, int[] sourceWeights, int[] destinations,
                                        int[] destWeights, Info info, boolean reorder) {
        long h = c.handle();
        checkRanks(c, sources, "sources");
        checkRanks(c, destinations, "destinations");
        checkWeights(sourceWeights, sources.length, "sourceWeights");
        checkWeights(destWeights, destinations.length, "destWeights");
        if ((sourceWeights == null) != (destWeights == null)) {
            throw new MPIException(ErrorClasses.ERR_ARG, "give both weight arrays or neither");
        }
        return made(LibMpi.mpi4j_dist_graph_create_adjacent(h, sources.length, sources, sourceWeights, destinations.length,
                destinations, destWeights, Args.info(info), reorder ? 1 : 0, NativeScratch.get().address(0)));
    }

    static Distgraphcomm create(Intracomm c, int[] sources, int[] degrees, int[] destinations, int[] weights, Info info,
                                boolean reorder) {
        long h = c.handle();
        if (degrees.length != sources.length) {
            throw new MPIException(ErrorClasses.ERR_ARG, "degrees has " + degrees.length + " entries for " + sources.length + " sources");
        }
        long edges = 0;
        for (int i = 0; i < degrees.length; i++) {
            if (degrees[i] < 0) {
                throw new MPIException(ErrorClasses.ERR_ARG, "degrees[" + i + "] is negative (" + degrees[i] + ")");
            }
            edges += degrees[i];
        }
        if (edges != destinations.length) {
            throw new MPIException(ErrorClasses.ERR_ARG, "degrees add up to " + edges + " but there are " + destinations.length
                    + " destinations");
        }
        checkRanks(c, sources, "sources");
        checkRanks(c, destinations, "destinations");
        checkWeights(weights, destinations.length, "weights");
        return made(LibMpi.mpi4j_dist_graph_create(h, sources.length, sources, degrees, destinations, weights,
                destinations.length, Args.info(info), reorder ? 1 : 0, NativeScratch.get().address(0)));
    }

    /** MPI_Comm_dup: a distributed graph communicator with the same edges. */
    @Override
    public Distgraphcomm dup() {
        return (Distgraphcomm) super.dup();
    }

    /**
     * MPI_Dist_graph_neighbors_count: {indegree, outdegree, weighted (1) or not (0)}.
     *
     * @return {indegree, outdegree, weighted (1) or not (0)}
     */
    public int[] getDistNeighborsCount() {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Dist_graph_neighbors_count(handle(), s.address(0), s.address(4), s.address(8)));
        return new int[] {s.getInt(0), s.getInt(4), s.getInt(8)};
    }

    /**
     * True if the graph was made with weights.
     *
     * @return true if the graph was made with weights
     */
    public boolean isWeighted() {
        return getDistNeighborsCount()[2] != 0;
    }

    /**
     * MPI_Dist_graph_neighbors: {sources, sourceWeights, destinations, destWeights}; weights are null when unweighted.
     *
     * @return {sources, sourceWeights, destinations, destWeights}; weights are null when unweighted
     */
    public int[][] getDistNeighbors() {
        int[] n = getDistNeighborsCount();
        int[] src = new int[n[0]];
        int[] sw = new int[n[0]];
        int[] dst = new int[n[1]];
        int[] dw = new int[n[1]];
        MPIException.check(LibMpi.MPI_Dist_graph_neighbors(handle(), n[0], src, sw, n[1], dst, dw));
        return n[2] != 0 ? new int[][] {src, sw, dst, dw} : new int[][] {src, null, dst, null};
    }

    @Override
    int[][] edges() {
        int[][] nb = getDistNeighbors();
        return new int[][] {nb[0], nb[2]};
    }
}
