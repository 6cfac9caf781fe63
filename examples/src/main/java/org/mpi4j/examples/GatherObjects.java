package org.mpi4j.examples;

import java.util.List;
import org.mpi4j.MPI;

/** The mpi4py tutorial's gather of objects: each rank sends (rank+1)^2; rank 0 receives the list, others nothing. */
public final class GatherObjects {
    private GatherObjects() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int size = comm.getSize();
        int rank = comm.getRank();
        List<Object> data = comm.gatherObject((rank + 1) * (rank + 1), 0);
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                Check.that(Integer.valueOf((i + 1) * (i + 1)).equals(data.get(i)), "entry " + i + " is " + data.get(i));
            }
            System.out.print(String.format("rank 0 gathered %s OK%n", data));
        } else {
            Check.that(data == null, "a non-root rank got " + data);
        }
    }
}
