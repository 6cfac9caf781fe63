package org.mpi4j.dynamic;

import org.mpi4j.Intercomm;
import org.mpi4j.MPI;

/** Spawns a worker that throws, then waits for it in a broadcast: the job must end, not hang. */
public final class ThrowingSpawn {
    private ThrowingSpawn() { }

    /** Entry point. */
    public static void main(String[] args) {
        Intercomm c = MPI.COMM_WORLD.spawnJava(SpawnWorker.class, new String[] {"throw"}, 1);
        c.bcast(new int[] {1}, MPI.ROOT);
        c.recv(new int[2], 0, 7);
    }
}
