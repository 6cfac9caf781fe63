package org.mpi4j.examples;

import org.mpi4j.Distgraphcomm;
import org.mpi4j.MPI;
import org.mpi4j.Request;

/**
 * A ring as a distributed graph (each rank names its one in-neighbour, the previous rank, and its one out-neighbour,
 * the next): blocks travel around the ring with neighborAlltoall, one hop per step, the last steps with the
 * nonblocking form overlapped with the summing. After size steps every rank has seen every rank's block once and
 * holds its own block again.
 */
public final class NeighborExchange {
    private NeighborExchange() { }

    static double value(int rank, int i) {
        return rank * 1000.0 + i;
    }

    /** Optional argument: doubles per block (default 1000). */
    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rank = MPI.COMM_WORLD.getRank();
        int n = MPI.COMM_WORLD.getSize();
        int prev = (rank - 1 + n) % n;
        int next = (rank + 1) % n;
        try (Distgraphcomm ring = MPI.COMM_WORLD.createDistGraphAdjacent(new int[] {prev}, new int[] {next}, false)) {
            Check.that(ring.getIndegree() == 1 && ring.getOutdegree() == 1, "ring degrees");
            double[] block = new double[m];
            for (int i = 0; i < m; i++) {
                block[i] = value(rank, i);
            }
            double[] incoming = new double[m];
            double seen = 0;
            for (int step = 1; step <= n; step++) {
                if (step % 2 == 0) {
                    Request q = ring.ineighborAlltoall(block, incoming);
                    for (double v : block) {
                        seen += v;
                    }
                    q.waitFor();
                } else {
                    for (double v : block) {
                        seen += v;
                    }
                    ring.neighborAlltoall(block, incoming);
                }
                // after `step` hops the block came from rank - step
                int from = ((rank - step) % n + n) % n;
                for (int i = 0; i < m; i += Math.max(1, m / 7)) {
                    Check.that(incoming[i] == value(from, i), "step " + step + " element " + i + " = " + incoming[i]);
                }
                double[] t = block;
                block = incoming;
                incoming = t;
            }
            for (int i = 0; i < m; i++) {
                Check.that(block[i] == value(rank, i), "own block did not come back at " + i);
            }
            double expect = 1000.0 * m * n * (n - 1) / 2 + (double) n * m * (m - 1) / 2;
            Check.that(seen == expect, "sum of all blocks " + seen + " expected " + expect);
            System.out.print(String.format("rank %d of %d: %d blocks of %d doubles went round the ring, sum %.0f OK%n", rank, n,
                    n, m, seen));
        }
    }
}
