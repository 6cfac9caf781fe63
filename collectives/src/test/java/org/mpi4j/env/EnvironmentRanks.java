package org.mpi4j.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.net.InetAddress;
import org.mpi4j.Datatype;
import org.mpi4j.Errhandler;
import org.mpi4j.Group;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Request;
import org.mpi4j.ThreadLevel;
import org.mpi4j.testing.Family;
import org.mpi4j.testing.RankTest;

/** Environment queries, error handlers, communicator basics and raw/Fortran handles across ranks. */
public final class EnvironmentRanks {
    private EnvironmentRanks() { }

    @RankTest
    public static void initializedOnFirstUseWithMultiple() {
        assertTrue(MPI.isInitialized());
        assertFalse(MPI.isFinalized());
        assertEquals(ThreadLevel.MULTIPLE, MPI.queryThread());
        assertTrue(MPI.isThreadMain());
        // what the launcher told this process: Open MPI's orterun sets OMPI_COMM_WORLD_*, MPICH's hydra PMI_*
        boolean ompi = Family.current() == Family.OPEN_MPI;
        assertEquals(Integer.parseInt(System.getenv(ompi ? "OMPI_COMM_WORLD_SIZE" : "PMI_SIZE")), size());
        assertEquals(Integer.parseInt(System.getenv(ompi ? "OMPI_COMM_WORLD_RANK" : "PMI_RANK")), rank());
    }

    @RankTest
    public static void versionsNamesAndTimers() throws Exception {
        int[] v = MPI.getVersion();
        if (Family.current() == Family.OPEN_MPI) {
            // Open MPI 4.1 implements MPI 3.1
            assertArrayEquals(new int[] {3, 1}, v);
            assertTrue(MPI.getLibraryVersion().startsWith("Open MPI v4.1"), MPI.getLibraryVersion());
        } else {
            // MPICH 4.0 implements MPI 4.0
            assertArrayEquals(new int[] {4, 0}, v);
            assertTrue(MPI.getLibraryVersion().startsWith("MPICH Version:\t4.0"), MPI.getLibraryVersion());
        }
        assertEquals(InetAddress.getLocalHost().getHostName(), MPI.getProcessorName());
        double t0 = MPI.wtime();
        Thread.sleep(20);
        double t1 = MPI.wtime();
        assertTrue(t1 - t0 >= 0.015 && t1 - t0 < 5, "wtime moved " + (t1 - t0));
        assertTrue(MPI.wtick() > 0 && MPI.wtick() < 0.01);
    }

    @RankTest
    public static void worldAttributes() {
        assertTrue(MPI.getTagUB() >= 32767);
        int host = MPI.getHost();
        assertTrue(host == MPI.PROC_NULL || (host >= 0 && host < size()));
        int io = MPI.getIO();
        assertTrue(io == MPI.ANY_SOURCE || io == MPI.PROC_NULL || (io >= 0 && io < size()));
        MPI.isWtimeGlobal();
        Integer universe = MPI.getUniverseSize();
        if (Family.current() == Family.OPEN_MPI) {
            assertNotNull(universe);
            assertTrue(universe >= 1, "universe " + universe); // Open MPI: the slots it knows of, 2 here even when oversubscribed
        } else {
            assertNull(universe, "MPICH's hydra sets MPI_UNIVERSE_SIZE only when given mpiexec -usize");
        }
        Integer appnum = MPI.getAppNum();
        assertTrue(appnum == null || appnum == 0);
    }

    @RankTest
    public static void errhandlersAreReturnByDefaultAndSettable() {
        assertEquals(Errhandler.ERRORS_RETURN, MPI.COMM_WORLD.getErrhandler());
        assertEquals(Errhandler.ERRORS_RETURN, MPI.COMM_SELF.getErrhandler());
        try (Intracomm c = MPI.COMM_WORLD.dup()) {
            assertEquals(Errhandler.ERRORS_RETURN, c.getErrhandler(), "dup inherits ERRORS_RETURN");
            c.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertEquals(Errhandler.ERRORS_ARE_FATAL, c.getErrhandler());
            c.setErrhandler(Errhandler.ERRORS_RETURN);
        }
    }

    @RankTest
    public static void communicatorBasics() {
        assertEquals(1, MPI.COMM_SELF.getSize());
        assertEquals(0, MPI.COMM_SELF.getRank());
        assertEquals("MPI_COMM_WORLD", MPI.COMM_WORLD.getName());
        assertFalse(MPI.COMM_WORLD.isInter());
        try (Intracomm d = MPI.COMM_WORLD.dup()) {
            assertEquals(MPI.CONGRUENT, d.compare(MPI.COMM_WORLD));
            assertEquals(MPI.IDENT, d.compare(d));
            d.setName("mine");
            assertEquals("mine", d.getName());
            // messages on the dup do not match messages on WORLD
            Request onWorld = MPI.COMM_WORLD.isend(new int[] {1}, next(), 5);
            Request onDup = d.isend(new int[] {2}, next(), 5);
            int[] a = new int[1];
            d.recv(a, prev(), 5);
            assertEquals(2, a[0]);
            MPI.COMM_WORLD.recv(a, prev(), 5);
            assertEquals(1, a[0]);
            Request.waitAll(onWorld, onDup);
        }
        try (Intracomm half = MPI.COMM_WORLD.split(rank() % 2, -rank())) {
            int expected = (size() + (rank() % 2 == 0 ? 1 : 0)) / 2;
            assertEquals(expected, half.getSize());
            assertEquals(size() == 1 ? MPI.CONGRUENT : MPI.UNEQUAL, half.compare(MPI.COMM_WORLD));
            try (Group g = half.getGroup(); Group w = MPI.COMM_WORLD.getGroup()) {
                // key = -rank orders each half by descending world rank
                int[] back = g.translateRanks(new int[] {0}, w);
                int highestOfMyParity = (size() - 1) - ((size() - 1 - rank() % 2) % 2);
                assertEquals(highestOfMyParity, back[0]);
            }
        }
        assertNull(MPI.COMM_WORLD.split(MPI.UNDEFINED, 0));
    }

    @RankTest
    public static void groupsTranslateRanks() {
        try (Group world = MPI.COMM_WORLD.getGroup(); Group reversed = world.incl(reverse(size()))) {
            assertEquals(size(), world.getSize());
            assertEquals(rank(), world.getRank());
            int[] t = world.translateRanks(new int[] {0, size() - 1}, reversed);
            assertEquals(size() - 1, t[0]);
            assertEquals(0, t[1]);
            assertEquals(size() == 1 ? MPI.IDENT : MPI.SIMILAR, world.compare(reversed));
            try (Group first = world.incl(0); Group rest = world.excl(0); Group all = Group.union(first, rest);
                 Group none = Group.intersection(first, rest); Group diff = Group.difference(world, first)) {
                assertEquals(size(), all.getSize());
                assertEquals(0, none.getSize());
                assertEquals(size() - 1, diff.getSize());
                assertEquals(MPI.IDENT, none.compare(Group.EMPTY));
            }
            try (Group evens = world.rangeIncl(new int[][] {{0, size() - 1, 2}}); Group odds = world.rangeExcl(new int[][] {{0, size() - 1, 2}})) {
                assertEquals((size() + 1) / 2, evens.getSize());
                assertEquals(size() / 2, odds.getSize());
            }
        }
    }

    private static int[] reverse(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = n - 1 - i;
        }
        return r;
    }

    @RankTest
    public static void rawAndFortranHandlesRoundTrip() {
        int f = MPI.COMM_WORLD.toFortran();
        Intracomm viaFortran = Intracomm.fromFortran(f);
        assertEquals(MPI.IDENT, viaFortran.compare(MPI.COMM_WORLD));
        Intracomm viaRaw = Intracomm.fromHandle(MPI.COMM_WORLD.handle());
        int[] got = new int[1];
        viaRaw.sendrecv(new int[] {rank()}, next(), 6, got, prev(), 6);
        assertEquals(prev(), got[0]);
        Datatype d = Datatype.fromFortran(Datatype.DOUBLE.toFortran());
        assertEquals(Datatype.DOUBLE.handle(), d.handle());
        try (Group g = MPI.COMM_WORLD.getGroup()) {
            Group g2 = Group.fromFortran(g.toFortran());
            assertEquals(MPI.IDENT, g2.compare(g));
        }
        Request r = MPI.COMM_WORLD.irecv(got, prev(), 7);
        Request r2 = Request.fromFortran(r.toFortran());
        assertEquals(r.handle(), r2.handle());
        MPI.COMM_WORLD.send(new int[] {rank() + 1}, next(), 7);
        r.waitFor();
        assertEquals(prev() + 1, got[0]);
    }
}
