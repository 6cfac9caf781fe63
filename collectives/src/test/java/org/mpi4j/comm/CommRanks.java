package org.mpi4j.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mpi4j.Comm;
import org.mpi4j.CommRequest;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.testing.RankTest;

/** Communicator construction and comparison, groups, names, info, attributes, freed handles, intercommunicators. */
public final class CommRanks {
    private CommRanks() { }

    /** Sum of world ranks over {@code c}: proves the communicator moves data among exactly its members. */
    static int sumOfWorldRanks(Intracomm c) {
        int[] out = new int[1];
        c.allreduce(new int[] {rank()}, out, Op.SUM);
        return out[0];
    }

    static void worldStillWorks() {
        assertEquals(size() * (size() - 1) / 2, sumOfWorldRanks(MPI.COMM_WORLD));
    }

    @RankTest
    public static void compareGivesIdentCongruentSimilarUnequal() {
        assertEquals(MPI.IDENT, MPI.COMM_WORLD.compare(MPI.COMM_WORLD));
        try (Intracomm dup = MPI.COMM_WORLD.dup();
             Intracomm reversed = MPI.COMM_WORLD.split(0, size() - rank());
             Intracomm halves = MPI.COMM_WORLD.split(rank() % 2, rank())) {
            assertEquals(MPI.CONGRUENT, MPI.COMM_WORLD.compare(dup));
            assertEquals(size() - 1 - rank(), reversed.getRank());
            assertEquals(size() == 1 ? MPI.CONGRUENT : MPI.SIMILAR, MPI.COMM_WORLD.compare(reversed));
            assertEquals(size() == 1 ? MPI.CONGRUENT : MPI.UNEQUAL, MPI.COMM_WORLD.compare(halves));
            assertEquals(size() * (size() - 1) / 2, sumOfWorldRanks(dup));
        }
        assertEquals(size() == 1 ? MPI.CONGRUENT : MPI.UNEQUAL, MPI.COMM_SELF.compare(MPI.COMM_WORLD));
    }

    @RankTest
    public static void splitWithUndefinedColourAndKeyOrder() {
        // ranks 2, 5, ... opt out; the rest split by parity, ordered by descending world rank
        boolean out = rank() % 3 == 2;
        Intracomm c = MPI.COMM_WORLD.split(out ? MPI.UNDEFINED : rank() % 2, -rank());
        if (out) {
            assertNull(c);
        } else {
            List<Integer> members = new ArrayList<>();
            for (int r = size() - 1; r >= 0; r--) {
                if (r % 3 != 2 && r % 2 == rank() % 2) {
                    members.add(r);
                }
            }
            assertEquals(members.size(), c.getSize());
            assertEquals(members.indexOf(rank()), c.getRank());
            assertEquals(members.stream().mapToInt(Integer::intValue).sum(), sumOfWorldRanks(c));
            c.free();
            assertTrue(c.isFreed());
        }
        worldStillWorks();
    }

    @RankTest
    public static void splitTypeSharedPutsOneNodeTogether() {
        try (Intracomm node = MPI.COMM_WORLD.splitType(MPI.COMM_TYPE_SHARED, rank())) {
            assertEquals(size(), node.getSize());
            assertEquals(rank(), node.getRank());
        }
        assertNull(MPI.COMM_WORLD.splitType(MPI.UNDEFINED, 0));
    }

    @RankTest
    public static void createAndCreateGroupOverTheEvenRanks() {
        int evens = (size() + 1) / 2;
        try (Group world = MPI.COMM_WORLD.getGroup();
             Group even = world.rangeIncl(new int[][] {{0, size() - 1, 2}})) {
            assertEquals(evens, even.getSize());
            Intracomm c = MPI.COMM_WORLD.create(even);
            if (rank() % 2 == 0) {
                assertEquals(evens, c.getSize());
                assertEquals(rank() / 2, c.getRank());
                assertEquals(evens * (evens - 1), sumOfWorldRanks(c));
                c.free();
                // createGroup is collective only over the group: odd ranks do not take part
                try (Intracomm g = MPI.COMM_WORLD.createGroup(even, 7)) {
                    assertEquals(rank() / 2, g.getRank());
                    assertEquals(evens * (evens - 1), sumOfWorldRanks(g));
                }
            } else {
                assertNull(c);
            }
        }
        worldStillWorks();
    }

    @RankTest
    public static void groupSetOperationsAndRankTranslation() {
        int n = size();
        try (Group world = MPI.COMM_WORLD.getGroup()) {
            assertEquals(n, world.getSize());
            assertEquals(rank(), world.getRank());
            int[] all = new int[n];
            int[] reversed = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
                reversed[i] = n - 1 - i;
            }
            try (Group rev = world.incl(reversed);
                 Group first = world.incl(0);
                 Group rest = world.excl(0);
                 Group u = Group.union(first, rest);
                 Group i = Group.intersection(world, first);
                 Group d = Group.difference(world, first);
                 Group odd = world.rangeExcl(new int[][] {{0, n - 1, 2}})) {
                assertEquals(MPI.IDENT, world.compare(world));
                assertEquals(n == 1 ? MPI.IDENT : MPI.SIMILAR, world.compare(rev));
                assertArrayEquals(reversed, rev.translateRanks(all, world));
                assertEquals(n - 1 - rank(), rev.getRank());
                assertEquals(1, first.getSize());
                assertEquals(rank() == 0 ? 0 : MPI.UNDEFINED, first.getRank());
                assertEquals(n - 1, rest.getSize());
                assertEquals(MPI.IDENT, world.compare(u));
                assertEquals(1, i.getSize());
                assertEquals(MPI.IDENT, d.compare(rest));
                assertEquals(n / 2, odd.getSize());
                // rank k of the odd group is world rank 2k+1; ranks absent from the target map to UNDEFINED
                int[] oddRanks = new int[n / 2];
                int[] expect = new int[n / 2];
                for (int k = 0; k < n / 2; k++) {
                    oddRanks[k] = k;
                    expect[k] = 2 * k + 1;
                }
                assertArrayEquals(expect, odd.translateRanks(oddRanks, world));
                assertArrayEquals(new int[] {MPI.UNDEFINED}, first.translateRanks(new int[] {0}, rest));
            }
        }
        assertEquals(0, Group.EMPTY.getSize());
        assertEquals(MPI.UNDEFINED, Group.EMPTY.getRank());
        // a rank out of range is refused and the group stays usable
        try (Group world = MPI.COMM_WORLD.getGroup()) {
            assertThrows(MPIException.class, () -> world.incl(size()));
            assertEquals(size(), world.getSize());
        }
    }

    @RankTest
    public static void namesInfoAndDupWithInfo() {
        try (Intracomm c = MPI.COMM_WORLD.dup()) {
            c.setName("solver-" + 3);
            assertEquals("solver-3", c.getName());
            assertEquals("MPI_COMM_WORLD", MPI.COMM_WORLD.getName());
        }
        try (Info info = Info.create()) {
            info.set("mpi_assert_no_any_tag", "true");
            info.set("mpi4j_color", "blue");
            assertEquals("blue", info.get("mpi4j_color"));
            assertEquals(2, info.size());
            assertEquals(List.of("mpi_assert_no_any_tag", "mpi4j_color"), new ArrayList<>(info.toMap().keySet()));
            try (Info copy = info.dup()) {
                info.delete("mpi4j_color");
                assertNull(info.get("mpi4j_color"));
                assertEquals("blue", copy.get("mpi4j_color"));
            }
            try (Intracomm c = MPI.COMM_WORLD.dupWithInfo(info); Info used = c.getInfo()) {
                assertEquals(size() * (size() - 1) / 2, sumOfWorldRanks(c));
                assertNotNull(used);
            }
            assertThrows(MPIException.class, () -> info.set("", "x"));
        }
        assertEquals(0, Info.NULL.size());
    }

    @RankTest
    public static void idupCompletesIntoAWorkingCommunicator() {
        CommRequest<Intracomm> q = MPI.COMM_WORLD.idup();
        MPIException early = assertThrows(MPIException.class, q::getComm);
        assertEquals(ErrorClasses.ERR_REQUEST, early.getErrorClass());
        q.waitFor();
        try (Intracomm c = q.getComm()) {
            assertEquals(MPI.CONGRUENT, MPI.COMM_WORLD.compare(c));
            assertEquals(size() * (size() - 1) / 2, sumOfWorldRanks(c));
        }
    }

    @RankTest
    public static void attributesCopyOnDupAndDeleteOnFree() {
        AtomicInteger deleted = new AtomicInteger();
        List<Object> deletedValues = new ArrayList<>();
        int counter = Comm.createKeyval((old, k, v) -> new int[] {((int[]) v)[0] + 1},
                (c, k, v) -> {
                    deleted.incrementAndGet();
                    deletedValues.add(((int[]) v)[0]);
                });
        int plain = Comm.createKeyval();
        int shared = Comm.createKeyval(Comm.DUP_COPY, null);
        try (Intracomm c = MPI.COMM_WORLD.dup()) {
            assertNull(c.getAttr(counter));
            c.setAttr(counter, new int[] {rank()});
            c.setAttr(plain, "not copied");
            List<String> same = new ArrayList<>(List.of("x"));
            c.setAttr(shared, same);
            assertEquals(rank(), ((int[]) c.getAttr(counter))[0]);
            assertEquals("not copied", c.getAttr(plain));
            try (Intracomm d = c.dup()) {
                // the copy function ran (value + 1), NULL_COPY dropped the other, DUP_COPY shares the reference
                assertEquals(rank() + 1, ((int[]) d.getAttr(counter))[0]);
                assertEquals(rank(), ((int[]) c.getAttr(counter))[0]);
                assertNull(d.getAttr(plain));
                assertTrue(same == d.getAttr(shared));
            }
            // freeing the duplicate deleted its copy
            int afterDupFree = 1;
            assertEquals(afterDupFree, deleted.get());
            assertEquals(rank() + 1, deletedValues.get(0));
            // replacing runs the delete function on the old value
            c.setAttr(counter, new int[] {40});
            assertEquals(afterDupFree + 1, deleted.get());
            assertEquals(rank(), deletedValues.get(deletedValues.size() - 1));
            c.deleteAttr(counter);
            assertEquals(afterDupFree + 2, deleted.get());
            assertNull(c.getAttr(counter));
            c.setAttr(counter, new int[] {50});
        }
        // freeing the communicator deleted the last value
        assertEquals(4, deleted.get());
        assertEquals(50, deletedValues.get(deletedValues.size() - 1));
        // predefined keyvals read as Integer
        assertTrue((Integer) MPI.COMM_WORLD.getAttr(MPI.TAG_UB) >= 32767);
        Comm.freeKeyval(counter);
        Comm.freeKeyval(plain);
        Comm.freeKeyval(shared);
        MPIException e = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.setAttr(plain, 1));
        assertEquals(ErrorClasses.ERR_KEYVAL, e.getErrorClass());
        worldStillWorks();
    }

    @RankTest
    public static void aThrowingCopyFunctionFailsTheDupWithItsCause() {
        int k = Comm.createKeyval((old, key, v) -> {
            throw new IllegalStateException("no copies of " + v);
        }, null);
        try (Intracomm c = MPI.COMM_WORLD.dup()) {
            c.setAttr(k, "precious");
            MPIException e = assertThrows(MPIException.class, c::dup);
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("no copies of precious", e.getCause().getMessage());
            assertEquals("precious", c.getAttr(k));
            assertEquals(size() * (size() - 1) / 2, sumOfWorldRanks(c));
            c.deleteAttr(k);
        }
        Comm.freeKeyval(k);
        worldStillWorks();
    }

    @RankTest
    public static void freedHandlesAreClearErrors() {
        Intracomm c = MPI.COMM_WORLD.dup();
        c.close();
        MPIException e = assertThrows(MPIException.class, c::getSize);
        assertEquals(ErrorClasses.ERR_COMM, e.getErrorClass());
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
        assertThrows(MPIException.class, () -> c.send(new int[1], 0, 0));
        c.close(); // closing twice is harmless
        MPIException nul = assertThrows(MPIException.class, MPI.COMM_NULL::getRank);
        assertTrue(nul.getMessage().contains("COMM_NULL"), nul.getMessage());
        assertThrows(MPIException.class, MPI.COMM_WORLD::free);
        Group g = MPI.COMM_WORLD.getGroup();
        g.free();
        assertEquals(ErrorClasses.ERR_GROUP, assertThrows(MPIException.class, g::getSize).getErrorClass());
        assertThrows(MPIException.class, Group.EMPTY::free);
        Info info = Info.create();
        info.free();
        assertEquals(ErrorClasses.ERR_INFO, assertThrows(MPIException.class, () -> info.get("k")).getErrorClass());
        worldStillWorks();
    }

    @RankTest
    public static void intercommunicatorGroupsSplitCreateAndPointToPoint() {
        if (size() < 2) {
            // an intercommunicator needs two non-empty groups; on one rank check the intracommunicator answer
            assertFalse(MPI.COMM_WORLD.isInter());
            assertEquals(0, MPI.COMM_WORLD.getRemoteSize());
            return;
        }
        boolean even = rank() % 2 == 0;
        try (Intracomm local = MPI.COMM_WORLD.split(rank() % 2, rank());
             Intercomm inter = local.createIntercomm(0, MPI.COMM_WORLD, even ? 1 : 0, 5);
             Group remote = inter.getRemoteGroup();
             Group world = MPI.COMM_WORLD.getGroup()) {
            assertTrue(inter.isInter());
            assertEquals(inter.getRemoteSize(), remote.getSize());
            int[] rr = new int[remote.getSize()];
            int[] expect = new int[rr.length];
            for (int i = 0; i < rr.length; i++) {
                rr[i] = i;
                expect[i] = even ? 2 * i + 1 : 2 * i;
            }
            assertArrayEquals(expect, remote.translateRanks(rr, world));
            // point-to-point across: local rank i and remote rank i pair up where both exist
            int partner = inter.getRank();
            if (partner < inter.getRemoteSize()) {
                int[] got = new int[1];
                inter.sendrecv(new int[] {rank()}, partner, 3, got, partner, 3);
                assertEquals(even ? rank() + 1 : rank() - 1, got[0]);
            }
            try (Intercomm dup = inter.dup()) {
                assertEquals(inter.getRemoteSize(), dup.getRemoteSize());
                assertEquals(MPI.CONGRUENT, inter.compare(dup));
            }
            // split across: colour 0 keeps local rank 0 of each side only
            Intercomm firsts = inter.split(inter.getRank() == 0 ? 0 : MPI.UNDEFINED, 0);
            if (inter.getRank() == 0) {
                assertEquals(1, firsts.getSize());
                assertEquals(1, firsts.getRemoteSize());
                int[] got = new int[1];
                firsts.sendrecv(new int[] {rank()}, 0, 4, got, 0, 4);
                assertEquals(even ? 1 : 0, got[0]);
                firsts.free();
            } else {
                assertNull(firsts);
            }
            // create: each side keeps its local rank 0
            try (Group lg = inter.getGroup(); Group zero = lg.incl(0)) {
                Intercomm z = inter.create(zero);
                if (inter.getRank() == 0) {
                    assertEquals(1, z.getRemoteSize());
                    z.free();
                } else {
                    assertNull(z);
                }
            }
            try (Intracomm merged = inter.merge(!even)) {
                assertEquals(size() * (size() - 1) / 2, sumOfWorldRanks(merged));
            }
        }
        worldStillWorks();
    }
}
