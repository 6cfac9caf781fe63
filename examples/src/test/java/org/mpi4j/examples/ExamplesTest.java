package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTestKit;
import org.mpi4j.testing.MpiTestKit.Result;

/** Runs every example through the launcher on 2, 3 and 4 ranks and checks what it printed and its exit code. */
class ExamplesTest {

    @ParameterizedTest(name = "HelloWorld on {0} ranks")
    @ValueSource(ints = {1, 2, 3, 4})
    void helloWorld(int n) throws Exception {
        Result r = MpiTestKit.run(n, HelloWorld.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        String host = InetAddress.getLocalHost().getHostName();
        for (int rank = 0; rank < n; rank++) {
            String line = "Hello, World! I am process " + rank + " of " + n + " on " + host + ".";
            assertTrue(r.output().contains(line), "missing '" + line + "' in:\n" + r.output());
        }
    }

    @ParameterizedTest(name = "PointToPointArrays on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void pointToPointArrays(int n) throws Exception {
        Result r = MpiTestKit.run(n, PointToPointArrays.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("received 1000 ints (explicit MPI.INT) and 100 doubles"), r.output());
    }

    @ParameterizedTest(name = "RingNonblocking on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void ringNonblocking(int n) throws Exception {
        Result r = MpiTestKit.run(n, RingNonblocking.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < n; rank++) {
            assertTrue(r.output().contains("rank " + rank + " of " + n + ": ring sum " + (n * (n - 1) / 2) + " OK"), r.output());
        }
    }

    @ParameterizedTest(name = "PersistentPingPong on {0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void persistentPingPong(int n) throws Exception {
        Result r = MpiTestKit.run(n, PersistentPingPong.class.getName(), "20");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("1048576"), r.output());
    }

    @Test
    void aWrongResultAbortsTheJobWithTheRank() throws Exception {
        Result r = MpiTestKit.run(1, PointToPointArrays.class.getName());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("[mpi4j] rank 0 of 1: uncaught exception in main"), r.output());
        assertTrue(r.output().contains("run on at least 2 ranks"), r.output());
    }
}
