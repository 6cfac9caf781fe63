package org.mpi4j.buffers.nd4j;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.conformance.Conformance;
import org.mpi4j.testing.MpiTestKit;

/** Runs the conformance matrix over ND4J kinds ({@link Nd4jConformanceRanks}) on 1, 2, 3 and 4 real ranks. */
class Nd4jConformanceTest {
    @TestFactory
    Stream<DynamicNode> nd4jConformance() {
        int n = Conformance.cases(2, 2);
        System.err.println("[conformance] ND4J kinds: 2 with datatypes + 2 strided views, " + n + " cases per rank count, "
                + 4 * n + " over 1-4 ranks");
        return MpiTestKit.ranks(Nd4jConformanceRanks.class, 1, 2, 3, 4);
    }
}
