package org.mpi4j.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.util.Arrays;
import org.mpi4j.Cartcomm;
import org.mpi4j.Datatype;
import org.mpi4j.Distgraphcomm;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Graphcomm;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Request;
import org.mpi4j.Topocomm;
import org.mpi4j.buffers.VBuffer;
import org.mpi4j.buffers.WBuffer;
import org.mpi4j.testing.RankTest;

/** Cartesian, graph and distributed graph topologies, and the neighbourhood collectives over them. */
public final class TopologyRanks {
    private TopologyRanks() { }

    /** Row-major coordinates of {@code r} in a grid of {@code dims} (MPI's order without reordering). */
    static int[] coordsOf(int r, int[] dims) {
        int[] c = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            c[d] = r % dims[d];
            r /= dims[d];
        }
        return c;
    }

    static int rankOf(int[] c, int[] dims) {
        int r = 0;
        for (int d = 0; d < dims.length; d++) {
            r = r * dims[d] + c[d];
        }
        return r;
    }

    /** The neighbour of {@code r} one step along {@code d} in direction {@code step}, or PROC_NULL. */
    static int neighbour(int r, int[] dims, boolean[] periods, int d, int step) {
        int[] c = coordsOf(r, dims);
        c[d] += step;
        if (c[d] < 0 || c[d] >= dims[d]) {
            if (!periods[d]) {
                return MPI.PROC_NULL;
            }
            c[d] = (c[d] + dims[d]) % dims[d];
        }
        return rankOf(c, dims);
    }

    @RankTest
    public static void dimsCreateBalancesAndHonoursFixedDimensions() {
        int[] d2 = Cartcomm.dimsCreate(size(), 2);
        assertEquals(size(), d2[0] * d2[1]);
        assertTrue(d2[0] >= d2[1]);
        assertArrayEquals(new int[] {2, 2}, Cartcomm.dimsCreate(4, 2));
        assertArrayEquals(new int[] {3, 1}, Cartcomm.dimsCreate(3, 2));
        assertArrayEquals(new int[] {2, 3, 2}, Cartcomm.dimsCreate(12, new int[] {0, 3, 0}));
        MPIException e = assertThrows(MPIException.class, () -> Cartcomm.dimsCreate(5, new int[] {2, 0}));
        assertEquals(ErrorClasses.ERR_DIMS, e.getErrorClass());
    }

    @RankTest
    public static void cartesianGridCoordsShiftAndHalo() {
        int[] dims = Cartcomm.dimsCreate(size(), 2);
        boolean[] periods = {false, true};
        try (Cartcomm grid = MPI.COMM_WORLD.createCart(dims, periods, false)) {
            assertEquals(MPI.CART, grid.getTopology());
            assertEquals(2, grid.getDim());
            assertArrayEquals(dims, grid.getDims());
            assertArrayEquals(periods, grid.getPeriods());
            assertEquals(rank(), grid.getRank());
            assertArrayEquals(coordsOf(rank(), dims), grid.getCoords());
            for (int r = 0; r < size(); r++) {
                assertEquals(r, grid.getCartRank(grid.getCoords(r)));
            }
            for (int d = 0; d < 2; d++) {
                int[] sd = grid.shift(d, 1);
                assertEquals(neighbour(rank(), dims, periods, d, -1), sd[0], "source along " + d);
                assertEquals(neighbour(rank(), dims, periods, d, +1), sd[1], "dest along " + d);
                // halo: send my rank up, receive from below (nothing arrives past the non-periodic edge)
                int[] got = {-7};
                grid.sendrecv(new int[] {rank()}, sd[1], d, got, sd[0], d);
                assertEquals(sd[0] == MPI.PROC_NULL ? -7 : sd[0], got[0]);
            }
            // the periodic dimension wraps in getCartRank, the other refuses out-of-range coordinates
            int[] c = grid.getCoords();
            assertEquals(rankOf(new int[] {c[0], (c[1] + 1) % dims[1]}, dims), grid.getCartRank(c[0], c[1] + 1));
            assertThrows(MPIException.class, () -> grid.getCartRank(dims[0], 0));
            assertThrows(MPIException.class, () -> grid.getCoords(size()));
            assertThrows(MPIException.class, () -> grid.shift(2, 1));
            try (Cartcomm rows = grid.sub(false, true); Cartcomm dup = grid.dup()) {
                assertEquals(dims[1], rows.getSize());
                assertEquals(c[1], rows.getRank());
                assertArrayEquals(new int[] {dims[1]}, rows.getDims());
                assertArrayEquals(grid.getDims(), dup.getDims());
            }
        }
    }

    @RankTest
    public static void cartesianReorderAndLeftOutProcesses() {
        boolean[] periodic = {true};
        try (Cartcomm ring = MPI.COMM_WORLD.createCart(new int[] {size()}, periodic, true)) {
            int r = ring.getRank();
            int n = size();
            assertArrayEquals(new int[] {(r - 1 + n) % n, (r + 1) % n}, ring.shift(0, 1));
            assertArrayEquals(new int[] {r}, ring.getCoords());
            int[] sum = new int[1];
            ring.allreduce(new int[] {r}, sum, org.mpi4j.Op.SUM);
            assertEquals(n * (n - 1) / 2, sum[0]);
        }
        // a grid smaller than the communicator leaves the last rank out
        if (size() > 1) {
            Cartcomm part = MPI.COMM_WORLD.createCart(new int[] {size() - 1}, new boolean[] {false}, false);
            if (rank() == size() - 1) {
                assertNull(part);
            } else {
                assertEquals(size() - 1, part.getSize());
                part.free();
            }
            assertEquals(rank() == size() - 1 ? MPI.UNDEFINED : rank(),
                    MPI.COMM_WORLD.cartMap(new int[] {size() - 1}, new boolean[] {false}));
        }
        MPIException big = assertThrows(MPIException.class,
                () -> MPI.COMM_WORLD.createCart(new int[] {size() + 1}, new boolean[] {false}, false));
        assertEquals(ErrorClasses.ERR_DIMS, big.getErrorClass());
        assertThrows(MPIException.class, () -> MPI.COMM_WORLD.createCart(new int[] {size()}, new boolean[] {false, true}, false));
        assertEquals(MPI.UNDEFINED, MPI.COMM_WORLD.getTopology());
    }

    @RankTest
    public static void graphRingNeighboursAndAllgather() {
        int n = size();
        // node i is linked to i-1 and i+1 (a single node has no edges)
        int[] index = new int[n];
        int[] edges = new int[n == 1 ? 0 : n == 2 ? 2 : 2 * n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            if (n == 2) {
                edges[e++] = 1 - i;
            } else if (n > 2) {
                edges[e++] = (i - 1 + n) % n;
                edges[e++] = (i + 1) % n;
            }
            index[i] = e;
        }
        try (Graphcomm g = MPI.COMM_WORLD.createGraph(index, edges, false)) {
            assertEquals(MPI.GRAPH, g.getTopology());
            assertArrayEquals(new int[] {n, edges.length}, g.getDims());
            assertArrayEquals(index, g.getIndex());
            assertArrayEquals(edges, g.getEdges());
            int[] mine = Arrays.copyOfRange(edges, rank() == 0 ? 0 : index[rank() - 1], index[rank()]);
            assertArrayEquals(mine, g.getNeighbors(rank()));
            assertEquals(mine.length, g.getNeighborsCount(rank()));
            assertArrayEquals(mine, g.getInedges());
            int[] got = new int[mine.length];
            g.neighborAllgather(new int[] {rank() * 10}, got);
            for (int i = 0; i < mine.length; i++) {
                assertEquals(mine[i] * 10, got[i]);
            }
            assertEquals(rank(), MPI.COMM_WORLD.graphMap(index, edges));
        }
        assertThrows(MPIException.class, () -> MPI.COMM_WORLD.createGraph(new int[] {1}, new int[] {5}, false));
    }

    @RankTest
    public static void distributedGraphAdjacentWeightedRing() {
        int n = size();
        int[] sources = {prev()};
        int[] dests = {next()};
        try (Distgraphcomm g = MPI.COMM_WORLD.createDistGraphAdjacent(sources, new int[] {prev() + 1}, dests,
                new int[] {rank() + 1}, Info.NULL, false)) {
            assertEquals(MPI.DIST_GRAPH, g.getTopology());
            assertTrue(g.isWeighted());
            int[][] nb = g.getDistNeighbors();
            assertArrayEquals(sources, nb[0]);
            assertArrayEquals(new int[] {prev() + 1}, nb[1]);
            assertArrayEquals(dests, nb[2]);
            assertArrayEquals(new int[] {rank() + 1}, nb[3]);
            assertEquals(1, g.getIndegree());
            assertEquals(1, g.getOutdegree());
            // neighborAlltoall along the ring: what prev sent me
            double[] got = new double[2];
            g.neighborAlltoall(new double[] {rank(), -rank()}, got);
            assertArrayEquals(new double[] {prev(), -prev()}, got);
        }
        try (Distgraphcomm g = MPI.COMM_WORLD.createDistGraphAdjacent(sources, dests, true)) {
            assertFalse(g.isWeighted());
            int[][] nb = g.getDistNeighbors();
            assertNull(nb[1]);
            assertNull(nb[3]);
            // with reorder the ranks may move: neighbours still form a ring in the new numbering
            int[] got = new int[1];
            g.neighborAllgather(new int[] {g.getRank()}, got);
            assertEquals(nb[0][0], got[0]);
        }
        assertThrows(MPIException.class, () -> MPI.COMM_WORLD.createDistGraphAdjacent(new int[] {n}, new int[0], false));
        assertThrows(MPIException.class, () -> MPI.COMM_WORLD.createDistGraphAdjacent(sources, new int[] {1, 2}, dests, null,
                Info.NULL, false));
    }

    @RankTest
    public static void distributedGraphFromAnyEdges() {
        int n = size();
        // rank 0 declares every edge i -> i+1 (mod n); the others declare none
        int[] srcs = new int[rank() == 0 ? n : 0];
        int[] degs = new int[srcs.length];
        int[] dsts = new int[srcs.length];
        for (int i = 0; i < srcs.length; i++) {
            srcs[i] = i;
            degs[i] = 1;
            dsts[i] = (i + 1) % n;
        }
        try (Distgraphcomm g = MPI.COMM_WORLD.createDistGraph(srcs, degs, dsts, null, Info.NULL, false)) {
            assertArrayEquals(new int[] {prev()}, g.getInedges());
            assertArrayEquals(new int[] {next()}, g.getOutedges());
            long[] got = new long[3];
            Request q = g.ineighborAllgather(new long[] {rank(), 2L * rank(), 3L * rank()}, got);
            q.waitFor();
            assertArrayEquals(new long[] {prev(), 2L * prev(), 3L * prev()}, got);
        }
        assertThrows(MPIException.class, () -> MPI.COMM_WORLD.createDistGraph(new int[] {0}, new int[] {2}, new int[] {0},
                null, Info.NULL, false));
    }

    /** Each neighbourhood collective on a 2-D Cartesian grid, blocking and nonblocking, against computed neighbours. */
    @RankTest
    public static void neighbourhoodCollectivesOnAGrid() {
        int[] dims = Cartcomm.dimsCreate(size(), 2);
        boolean[] periods = {false, false};
        try (Cartcomm grid = MPI.COMM_WORLD.createCart(dims, periods, false)) {
            int k = 2 * dims.length;
            int[] nbrs = new int[k];
            for (int d = 0; d < dims.length; d++) {
                nbrs[2 * d] = neighbour(rank(), dims, periods, d, -1);
                nbrs[2 * d + 1] = neighbour(rank(), dims, periods, d, +1);
            }
            assertArrayEquals(nbrs, grid.getInedges());
            assertArrayEquals(nbrs, grid.getOutedges());
            // allgather: block i holds in-neighbour i's rank; PROC_NULL blocks are untouched
            int[] ag = filled(k, -1);
            grid.neighborAllgather(new int[] {rank()}, ag);
            int[] agNb = filled(k, -1);
            grid.ineighborAllgather(new int[] {rank()}, agNb).waitFor();
            // alltoall: I send block j = 100*rank + j to out-neighbour j; from my lower neighbour along d I get its
            // upper block (2d+1), from the upper one its lower block (2d)
            int[] send = new int[k];
            for (int j = 0; j < k; j++) {
                send[j] = 100 * rank() + j;
            }
            int[] a2a = filled(k, -1);
            grid.neighborAlltoall(send, a2a);
            int[] a2aNb = filled(k, -1);
            Request q = grid.ineighborAlltoall(send, a2aNb);
            // allgatherv: in-neighbour i's two values land at displacement 3*i
            int[] agv = filled(3 * k, -1);
            int[] counts = filled(k, 2);
            int[] displs = new int[k];
            for (int i = 0; i < k; i++) {
                displs[i] = 3 * i;
            }
            grid.neighborAllgatherv(new int[] {rank(), -rank()}, VBuffer.of(agv, counts, displs));
            // alltoallv: block j of (j+1) values 1000*rank+j to out-neighbour j, received per in-neighbour i with i+1 values
            int[] vcounts = new int[k];
            int[] vdispls = new int[k];
            int total = 0;
            for (int j = 0; j < k; j++) {
                vcounts[j] = j + 1;
                vdispls[j] = total;
                total += j + 1;
            }
            int[] vsend = new int[total];
            for (int j = 0; j < k; j++) {
                Arrays.fill(vsend, vdispls[j], vdispls[j] + vcounts[j], 1000 * rank() + j);
            }
            // from neighbour i (which sends me its block i^1), I receive i^1 + 1 values: counts must match pairwise
            int[] rcounts = new int[k];
            int[] rdispls = new int[k];
            int rt = 0;
            for (int i = 0; i < k; i++) {
                rcounts[i] = (i ^ 1) + 1;
                rdispls[i] = rt;
                rt += rcounts[i];
            }
            int[] vrecv2 = filled(rt, -1);
            grid.neighborAlltoallv(VBuffer.of(vsend, vcounts, vdispls), VBuffer.of(vrecv2, rcounts, rdispls));
            // alltoallw: one int per neighbour, byte displacements, explicit types
            Datatype[] types = new Datatype[k];
            Arrays.fill(types, Datatype.INT);
            int[] ones = filled(k, 1);
            int[] bytes = new int[k];
            for (int j = 0; j < k; j++) {
                bytes[j] = 4 * j;
            }
            int[] w = filled(k, -1);
            grid.neighborAlltoallw(WBuffer.of(send, ones, bytes, types), WBuffer.of(w, ones, bytes, types));
            q.waitFor();
            for (int i = 0; i < k; i++) {
                int from = nbrs[i];
                int partnerBlock = i ^ 1; // lower neighbour's upper block and vice versa
                if (from == MPI.PROC_NULL) {
                    assertEquals(-1, ag[i]);
                    assertEquals(-1, a2a[i]);
                    assertEquals(-1, agv[3 * i]);
                    assertEquals(-1, w[i]);
                    for (int x = 0; x < rcounts[i]; x++) {
                        assertEquals(-1, vrecv2[rdispls[i] + x]);
                    }
                } else {
                    assertEquals(from, ag[i], "allgather block " + i);
                    assertEquals(from, agNb[i], "ineighborAllgather block " + i);
                    assertEquals(100 * from + partnerBlock, a2a[i], "alltoall block " + i);
                    assertEquals(100 * from + partnerBlock, a2aNb[i], "ineighborAlltoall block " + i);
                    assertEquals(from, agv[3 * i]);
                    assertEquals(-from, agv[3 * i + 1]);
                    assertEquals(100 * from + partnerBlock, w[i], "alltoallw block " + i);
                    for (int x = 0; x < rcounts[i]; x++) {
                        assertEquals(1000 * from + partnerBlock, vrecv2[rdispls[i] + x], "alltoallv block " + i);
                    }
                }
                assertEquals(-1, agv[3 * i + 2], "gap between allgatherv blocks");
            }
        }
    }

    @RankTest
    public static void neighbourhoodBadInputIsRefusedAndTheCommunicatorStaysUsable() {
        try (Cartcomm ring = MPI.COMM_WORLD.createCart(new int[] {size()}, new boolean[] {true}, false)) {
            Topocomm t = ring;
            // two in-neighbours: a receive buffer of one element cannot hold two blocks of one
            MPIException small = assertThrows(MPIException.class, () -> t.neighborAllgather(new int[] {1, 2}, new int[3]));
            assertEquals(ErrorClasses.ERR_COUNT, small.getErrorClass());
            assertThrows(MPIException.class, () -> t.neighborAllgather(MPI.IN_PLACE, new int[2]));
            assertThrows(MPIException.class, () -> t.neighborAlltoallv(VBuffer.of(new int[2], new int[] {1}),
                    VBuffer.of(new int[2], new int[] {1, 1})));
            int[] got = new int[2];
            t.neighborAllgather(new int[] {rank()}, got);
            assertArrayEquals(new int[] {prev(), next()}, got);
        }
        Intracomm plain = MPI.COMM_WORLD;
        assertFalse(plain instanceof Topocomm);
    }

    static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}
