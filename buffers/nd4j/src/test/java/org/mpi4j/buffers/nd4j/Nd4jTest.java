package org.mpi4j.buffers.nd4j;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** ND4J arrays as messages, on 1-4 real ranks. */
class Nd4jTest {
    @TestFactory
    Stream<DynamicNode> nd4j() {
        return MpiTestKit.ranks(Nd4jRanks.class, 1, 2, 3, 4);
    }
}
