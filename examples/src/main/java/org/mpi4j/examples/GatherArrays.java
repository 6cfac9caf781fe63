package org.mpi4j.examples;

import org.mpi4j.MPI;

/** The mpi4py tutorial's Gather of NumPy arrays: every rank sends 100 ints equal to its rank; rank 0 gets size x 100. */
public final class GatherArrays {
    private GatherArrays() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int size = comm.getSize();
        int rank = comm.getRank();
        int[] sendbuf = new int[100];
        java.util.Arrays.fill(sendbuf, rank);
        int[] recvbuf = rank == 0 ? new int[size * 100] : null;
        comm.gather(sendbuf, recvbuf, 0);
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < 100; j++) {
                    Check.that(recvbuf[i * 100 + j] == i, "recvbuf[" + i + "][" + j + "] = " + recvbuf[i * 100 + j]);
                }
            }
            System.out.print(String.format("rank 0 gathered %d x 100 ints OK%n", size));
        }
    }
}
