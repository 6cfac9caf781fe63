package org.mpi4j.examples;

import java.util.Arrays;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Win;

/**
 * A global counter in one-sided communication (mpi4py.util.sync's Counter): rank 0's window holds one long; any rank
 * draws the next value with an atomic fetchAndOp(SUM, 1) inside a shared lock, without rank 0 taking part. Every rank
 * draws tickets; together they are exactly 0 .. n x tickets - 1, each once.
 */
public final class GlobalCounter implements AutoCloseable {
    private final Win win;
    private final int root;
    private final long[] one = {1};
    private final long[] got = new long[1];

    /** Creates the counter (collective over {@code comm}), starting at 0, kept at {@code root}. */
    public GlobalCounter(Intracomm comm, int root) {
        this.root = root;
        this.win = Win.allocate(comm.getRank() == root ? 8 : 0, 8, Info.NULL, comm);
        if (comm.getRank() == root) {
            win.getBuffer().putLong(0, 0);
        }
        comm.barrier();
    }

    /** The next value: MPI_Fetch_and_op(SUM, 1) on the root's long, under MPI_Win_lock(SHARED). */
    public long next() {
        win.lock(Win.LOCK_SHARED, root);
        win.fetchAndOp(one, got, root, 0, Op.SUM);
        win.unlock(root);           // the fetched value lands here
        return got[0];
    }

    /** Frees the window (collective). */
    @Override
    public void close() {
        win.close();
    }

    /** Argument: tickets per rank (default 50). */
    public static void main(String[] args) {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Intracomm world = MPI.COMM_WORLD;
        int n = world.getSize();
        long[] mine = new long[tickets];
        try (GlobalCounter counter = new GlobalCounter(world, 0)) {
            for (int i = 0; i < tickets; i++) {
                mine[i] = counter.next();
                Check.that(i == 0 || mine[i] > mine[i - 1], "the counter went back: " + Arrays.toString(mine));
            }
            long[] all = new long[tickets * n];
            world.allgather(mine, all);
            Arrays.sort(all);
            for (int i = 0; i < all.length; i++) {
                Check.that(all[i] == i, "ticket " + i + " was drawn as " + all[i]);
            }
        }
        System.out.println("rank " + world.getRank() + " of " + n + ": " + tickets + " tickets, first " + mine[0]
                + ", all " + tickets * n + " distinct OK");
    }
}
