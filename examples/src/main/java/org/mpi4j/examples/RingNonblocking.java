package org.mpi4j.examples;

import org.mpi4j.MPI;
import org.mpi4j.Request;

/**
 * A ring of any size with isend/irecv: each rank passes values to the next rank and receives from the previous one.
 * After size-1 steps of "forward what you last received", every rank has seen every rank's value once, so every
 * rank's sum is 0 + 1 + ... + (size-1).
 */
public final class RingNonblocking {
    private RingNonblocking() { }

    /** Checks the first neighbour token and the final sum on every rank. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        int next = (rank + 1) % size;
        int prev = (rank - 1 + size) % size;
        long[] outgoing = {rank};
        long[] incoming = new long[1];
        long sum = rank;
        for (int step = 1; step < size; step++) {
            Request recv = comm.irecv(incoming, prev, step);
            Request send = comm.isend(outgoing, next, step);
            Request.waitAll(recv, send);
            long expectedFrom = ((rank - step) % size + size) % size;
            Check.that(incoming[0] == expectedFrom, "step " + step + " received " + incoming[0] + ", expected " + expectedFrom);
            sum += incoming[0];
            outgoing[0] = incoming[0];
        }
        long expected = (long) size * (size - 1) / 2;
        Check.that(sum == expected, "ring sum " + sum + ", expected " + expected);
        System.out.print(String.format("rank %d of %d: ring sum %d OK%n", rank, size, sum)); // one write per line, so ranks do not interleave
    }
}
