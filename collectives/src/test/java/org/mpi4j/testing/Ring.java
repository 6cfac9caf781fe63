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

    /**
     * True when a blocking send to this process cannot complete before its receive is posted, nor a receive posted on
     * another thread: a one-process world under MPICH. MPICH 4's one-process path buffers nothing (a standard send may
     * wait for its receive; Open MPI buffers small messages), and in MPICH 4.0.2 a blocking receive (MPI_Recv, MPI_Wait)
     * on one thread never sees the send of another thread to the same one-process communicator, though MPI_Test does.
     * Tests that send to themselves then start the send nonblocking, and complete it after the blocking receive.
     */
    public static boolean selfSendWaitsForReceive() {
        return size() == 1 && Family.current() == Family.MPICH;
    }

    /** The value element {@code i} has when sent by {@code rank}. */
    public static double value(int rank, int i) {
        return rank * 1000 + i + 1;
    }
}
