package org.mpi4j.examples;

import org.mpi4j.MPI;

/** The mpi4py tutorial's Scatter of a NumPy array: rank 0 fills a size x 100 int matrix with row i = i; row i to rank i. */
public final class ScatterArrays {
    private ScatterArrays() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int size = comm.getSize();
        int rank = comm.getRank();
        int[] sendbuf = null;
        if (rank == 0) {
            sendbuf = new int[size * 100];
            for (int i = 0; i < size; i++) {
                java.util.Arrays.fill(sendbuf, i * 100, i * 100 + 100, i);
            }
        }
        int[] recvbuf = new int[100];
        comm.scatter(sendbuf, recvbuf, 0);
        for (int v : recvbuf) {
            Check.that(v == rank, "received " + v);
        }
        System.out.print(String.format("rank %d of %d: row of 100 x %d OK%n", rank, size, rank));
    }
}
