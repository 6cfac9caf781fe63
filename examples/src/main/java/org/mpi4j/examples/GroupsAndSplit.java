package org.mpi4j.examples;

import java.util.Arrays;
import org.mpi4j.Group;
import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * Groups and communicators: split COMM_WORLD into the even and the odd ranks, check each side's group against one
 * built with rangeIncl/difference and translateRanks, join the two sides with an intercommunicator, exchange
 * across it, then merge it back into one intracommunicator (evens first) and check its order. Needs 2+ ranks.
 */
public final class GroupsAndSplit {
    private GroupsAndSplit() { }

    static int[] iota(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }

    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.getRank();
        int n = world.getSize();
        Check.that(n >= 2, "GroupsAndSplit needs at least 2 ranks, got " + n);
        int colour = rank % 2;
        try (Intracomm half = world.split(colour, rank);
             Group worldGroup = world.getGroup();
             Group evens = worldGroup.rangeIncl(new int[][] {{0, n - 1, 2}});
             Group odds = Group.difference(worldGroup, evens);
             Group mine = half.getGroup()) {
            // the split's group is exactly the evens (or odds), in world order
            Check.that(mine.compare(colour == 0 ? evens : odds) == MPI.IDENT, "split group differs from the rangeIncl group");
            int[] toWorld = mine.translateRanks(iota(mine.getSize()), worldGroup);
            for (int i = 0; i < toWorld.length; i++) {
                Check.that(toWorld[i] == 2 * i + colour, "local rank " + i + " is world rank " + toWorld[i]);
            }
            try (Intercomm inter = half.createIntercomm(0, world, colour == 0 ? 1 : 0, 17);
                 Group remote = inter.getRemoteGroup()) {
                // allgather across the intercommunicator: every process gets the other side's world ranks
                int[] theirs = new int[inter.getRemoteSize()];
                inter.allgather(new int[] {rank}, theirs);
                int[] expect = remote.translateRanks(iota(remote.getSize()), worldGroup);
                Check.that(Arrays.equals(theirs, expect), "remote world ranks " + Arrays.toString(theirs) + " expected "
                        + Arrays.toString(expect));
                // pairwise exchange: local rank i with remote rank i, where both exist
                int i = inter.getRank();
                String pair = "unpaired";
                if (i < inter.getRemoteSize()) {
                    int[] got = new int[1];
                    inter.sendrecv(new int[] {rank * 10}, i, 5, got, i, 5);
                    Check.that(got[0] == expect[i] * 10, "pair partner sent " + got[0]);
                    pair = "paired with world rank " + expect[i];
                }
                try (Intracomm merged = inter.merge(colour == 1); Group mg = merged.getGroup()) {
                    int[] order = mg.translateRanks(iota(n), worldGroup);
                    int[] evensThenOdds = new int[n];
                    int k = 0;
                    for (int r = 0; r < n; r += 2) {
                        evensThenOdds[k++] = r;
                    }
                    for (int r = 1; r < n; r += 2) {
                        evensThenOdds[k++] = r;
                    }
                    Check.that(Arrays.equals(order, evensThenOdds), "merged order " + Arrays.toString(order));
                    int[] sum = new int[1];
                    merged.allreduce(new int[] {rank}, sum, org.mpi4j.Op.SUM);
                    Check.that(sum[0] == n * (n - 1) / 2, "merged allreduce gave " + sum[0]);
                    System.out.print(String.format("world rank %d: %s rank %d of %d, %s, merged rank %d of %d OK%n", rank,
                            colour == 0 ? "even" : "odd", half.getRank(), half.getSize(), pair, merged.getRank(), merged.getSize()));
                }
            }
        }
    }
}
