package org.mpi4j.examples;

import org.mpi4j.Datatype;
import org.mpi4j.MPI;
import org.mpi4j.buffers.BufferSpec;

/**
 * The mpi4py tutorial's array examples: "passing MPI datatypes explicitly" (1000 ints with an explicit INT spec)
 * and "automatic MPI datatype discovery" (100 doubles, type found from the array), from rank 0 to rank 1.
 */
public final class PointToPointArrays {
    private PointToPointArrays() { }

    /** Needs at least 2 ranks; ranks above 1 take no part. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        Check.that(comm.getSize() >= 2, "run on at least 2 ranks");

        // passing MPI datatypes explicitly
        int[] data = new int[1000];
        if (rank == 0) {
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            comm.send(BufferSpec.of(data, 1000, Datatype.INT), 1, 11);
        } else if (rank == 1) {
            comm.recv(BufferSpec.of(data, 1000, Datatype.INT), 0, 11);
            for (int i = 0; i < data.length; i++) {
                Check.that(data[i] == i, "int " + i + " is " + data[i]);
            }
        }

        // automatic MPI datatype discovery
        double[] values = new double[100];
        if (rank == 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            comm.send(values, 1, 13);
        } else if (rank == 1) {
            comm.recv(values, 0, 13);
            for (int i = 0; i < values.length; i++) {
                Check.that(values[i] == i, "double " + i + " is " + values[i]);
            }
            System.out.println("rank 1 received 1000 ints (explicit MPI.INT) and 100 doubles (discovered MPI_DOUBLE): OK");
        }
    }
}
