package org.mpi4j.dynamic;

import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.Op;

/**
 * The worker {@link SpawnRanks} spawns: takes a broadcast from the parents, answers each parent, joins a reduction,
 * a merged allreduce and an object exchange, then disconnects. With argument "throw" it throws instead.
 */
public final class SpawnWorker {
    private SpawnWorker() { }

    /** Entry point. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("throw")) {
            throw new IllegalStateException("a worker that fails on purpose");
        }
        Intercomm parent = Intercomm.getParent();
        int rank = parent.getRank();
        int[] seed = new int[1];
        parent.bcast(seed, 0);
        for (int p = 0; p < parent.getRemoteSize(); p++) {
            parent.send(new long[] {seed[0] * 100L + rank, p}, p, 7);
        }
        parent.reduce(new int[] {rank + 1}, null, Op.SUM, 0);
        try (Intracomm all = parent.merge(true)) {
            int[] total = new int[1];
            all.allreduce(new int[] {1000 + rank}, total, Op.SUM);
            all.sendObject("worker " + rank + " saw " + total[0], 0, 8);
        }
        parent.disconnect();
    }
}
