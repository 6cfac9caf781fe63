package org.mpi4j.examples;

import org.mpi4j.MPI;

/** The mpi4py tutorial's hello world: every rank says who and where it is. */
public final class HelloWorld {
    private HelloWorld() { }

    /** Prints {@code Hello, World! I am process R of N on HOST.} */
    public static void main(String[] args) {
        int size = MPI.COMM_WORLD.getSize();
        int rank = MPI.COMM_WORLD.getRank();
        String name = MPI.getProcessorName();
        System.out.print(String.format("Hello, World! I am process %d of %d on %s.%n", rank, size, name)); // one write per line, so ranks do not interleave
    }
}
