package org.mpi4j.testing;

import org.mpi4j.MPI;

/** Ring neighbours and deterministic test data, so every rank can check what it received from whom. */
public final class Ring {
    private Ring() { }

    /** This rank. */
    public static int rank() {
        return MPI.COMM_WORLD.getRank();
    }

    /** Number of ranks. */
    public static int size() {
        return MPI.COMM_WORLD.getSize();
    }

    /** The next rank around the ring. */
    public static int next() {
        return (rank() + 1) % size();
    }

    /** The previous rank around the ring. */
    public static int prev() {
        return (rank() - 1 + size()) % size();
    }

    /** The value element {@code i} has when sent by {@code rank}. */
    public static double value(int rank, int i) {
        return rank * 1000 + i + 1;
    }
}
