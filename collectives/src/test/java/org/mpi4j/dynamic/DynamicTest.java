package org.mpi4j.dynamic;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs {@link SpawnRanks} from 1 and 2 parent ranks; a worker that throws ends the job instead of hanging it. */
class DynamicTest {
    @TestFactory
    Stream<DynamicNode> spawn() {
        return MpiTestKit.ranks(SpawnRanks.class, 1, 2);
    }

    @Test
    void aWorkerThatThrowsEndsTheJob() throws Exception {
        long t0 = System.nanoTime();
        MpiTestKit.Result r = MpiTestKit.run(1, ThrowingSpawn.class.getName());
        double s = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("a worker that fails on purpose"), r.output());
        assertTrue(s < 60, "the job took " + s + " s to end");
    }
}
