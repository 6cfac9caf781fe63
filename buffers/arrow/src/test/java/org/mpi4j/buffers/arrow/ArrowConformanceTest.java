package org.mpi4j.buffers.arrow;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.conformance.Conformance;
import org.mpi4j.testing.MpiTestKit;

/** Runs the conformance matrix over Arrow kinds ({@link ArrowConformanceRanks}) on 1, 2, 3 and 4 real ranks. */
class ArrowConformanceTest {
    @TestFactory
    Stream<DynamicNode> arrowConformance() {
        int n = Conformance.cases(2, 0);
        System.err.println("[conformance] Arrow kinds: 2 kinds, " + n + " cases per rank count, " + 4 * n + " over 1-4 ranks");
        return MpiTestKit.ranks(ArrowConformanceRanks.class, 1, 2, 3, 4);
    }
}
