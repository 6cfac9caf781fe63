package org.mpi4j.obj;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs the object-path rank tests on 1, 2, 3 and 4 real ranks, and the hostile-bytes suite on 2 and 3. */
class ObjectPathTest {
    @TestFactory
    Stream<DynamicNode> objects() {
        return MpiTestKit.ranks(ObjectRanks.class, 1, 2, 3, 4);
    }

    /**
     * The hostile-bytes suite: 9000 collective cases (each 3-5 collectives) in one method. A busy-polling MPI on
     * oversubscribed cores needs longer than the harness's 60 s per method for them: MPICH 4.0.2 (ch4:ucx) spins in
     * every wait, so 3 ranks on 2 loaded cores took 70-110 s for the class, with every rank in step at every case
     * (traced), where the 60 s watchdog reported it as a hang. The watchdog still catches a real hang, after 240 s.
     */
    @TestFactory
    Stream<DynamicNode> hostileBytes() {
        return MpiTestKit.ranksWithFlags(HostileBytesRanks.class, java.util.List.of("-Dmpi4j.test.timeout=240"), 2, 3);
    }
}
