package org.mpi4j.examples;

import java.util.ArrayList;
import java.util.List;
import org.mpi4j.MPI;

/** The mpi4py tutorial's scatter of objects: rank 0 holds [(i+1)^2 for i in range(size)], rank i gets (i+1)^2. */
public final class ScatterObjects {
    private ScatterObjects() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int size = comm.getSize();
        int rank = comm.getRank();
        List<Integer> data = null;
        if (rank == 0) {
            data = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                data.add((i + 1) * (i + 1));
            }
        }
        Object got = comm.scatterObject(data, 0);
        Check.that(Integer.valueOf((rank + 1) * (rank + 1)).equals(got), "scatter gave " + got);
        System.out.print(String.format("rank %d of %d: %s OK%n", rank, size, got));
    }
}
