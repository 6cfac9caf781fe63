package org.mpi4j.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs the conformance matrix ({@link ConformanceRanks}) on 1, 2, 3 and 4 real ranks. */
class ConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        int kinds = 0;
        for (java.lang.reflect.Method m : ConformanceRanks.class.getMethods()) {
            kinds += m.isAnnotationPresent(org.mpi4j.testing.RankTest.class) ? 1 : 0;
        }
        System.err.println("[conformance] core kinds: " + kinds + " kinds x " + Layout.STANDARD_NAMES.size() + " layouts x "
                + Style.values().length + " styles = " + Conformance.cases(kinds, 0) + " cases per rank count, "
                + 4 * Conformance.cases(kinds, 0) + " over 1-4 ranks");
        return MpiTestKit.ranks(ConformanceRanks.class, 1, 2, 3, 4);
    }

    /**
     * The same matrix on 2 and 3 ranks with heap arrays pinned for blocking calls instead of staged
     * ({@code -Dmpi4j.pinArrays=true}, the path G1 takes on JDK 22+), so both heap-array paths are checked.
     */
    @TestFactory
    Stream<DynamicNode> conformancePinnedArrays() {
        return MpiTestKit.ranksWithFlags(ConformanceRanks.class, java.util.List.of("-Dmpi4j.pinArrays=true"), 2, 3);
    }
}
