package org.mpi4j.jmh;

import org.mpi4j.MPI;

/** The start-up case's Java program: MPI initialised on first use, one line per rank, finalised at exit. */
public final class Hello {
    private Hello() { }

    /**
     * Prints {@code hello from rank R of N}.
     *
     * @param args none
     */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        System.out.print("hello from rank " + comm.getRank() + " of " + comm.getSize() + "\n");
    }
}
