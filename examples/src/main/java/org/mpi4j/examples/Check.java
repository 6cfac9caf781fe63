package org.mpi4j.examples;

import org.mpi4j.MPI;

/** Examples' result check: a wrong result throws, which the launcher turns into an aborted job and a non-zero exit. */
final class Check {
    private Check() { }

    static void that(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong result on rank " + MPI.COMM_WORLD.getRank() + ": " + what);
        }
    }
}
