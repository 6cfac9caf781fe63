package org.mpi4j.examples;

import org.mpi4j.MPI;

/** The mpi4py tutorial's broadcast of a NumPy array, with a Java int[100]: 0..99 from rank 0 to everyone. */
public final class BcastArray {
    private BcastArray() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int[] data = new int[100];
        if (rank == 0) {
            for (int i = 0; i < 100; i++) {
                data[i] = i;
            }
        }
        comm.bcast(data, 0);
        for (int i = 0; i < 100; i++) {
            Check.that(data[i] == i, "data[" + i + "] = " + data[i]);
        }
        System.out.print(String.format("rank %d of %d: 100 ints broadcast OK%n", rank, comm.getSize()));
    }
}
