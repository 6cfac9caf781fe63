package org.mpi4j.examples;

import java.nio.DoubleBuffer;
import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Win;

/**
 * A pipeline with general active-target synchronisation (post/start/complete/wait): rank 0 makes a block of doubles
 * per item, every later rank receives it into its window (exposure epoch: post to its predecessor, wait), adds its
 * rank and puts the result into its successor's window (access epoch: start, put, complete). PSCW orders it all: a
 * stage cannot overwrite its successor's window before the successor has posted again, i.e. consumed the last item.
 * The last rank checks every item: block k element i = k x N + i + (1 + 2 + ... + (n - 1)).
 */
public final class PscwPipeline {
    private PscwPipeline() { }

    /** Arguments: items, block length (default 20 1000). */
    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int len = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.getRank();
        int n = world.getSize();
        double added = (double) n * (n - 1) / 2;
        try (Win win = Win.allocate(8L * len, 8, Info.NULL, world); Group all = world.getGroup();
             Group before = all.incl(Math.max(rank - 1, 0)); Group after = all.incl(Math.min(rank + 1, n - 1))) {
            DoubleBuffer mem = win.getBuffer().asDoubleBuffer();
            double[] block = new double[len];
            for (int k = 0; k < items; k++) {
                if (rank > 0) {
                    win.post(before, 0);
                    win.waitFor();                    // the predecessor's put is in my window
                    mem.get(0, block);
                } else {
                    for (int i = 0; i < len; i++) {
                        block[i] = (double) k * len + i;
                    }
                }
                for (int i = 0; i < len; i++) {
                    block[i] += rank;
                }
                if (rank < n - 1) {
                    win.start(after, 0);
                    win.put(block, rank + 1, 0);       // staged: block may be refilled at once
                    win.complete();
                } else {
                    for (int i = 0; i < len; i++) {
                        Check.that(block[i] == (double) k * len + i + added, "item " + k + " element " + i + " is "
                                + block[i]);
                    }
                }
            }
        }
        System.out.println("rank " + rank + " of " + n + ": " + items + " items of " + len + " doubles through stage "
                + rank + " of the " + n + "-stage pipeline OK");
    }
}
