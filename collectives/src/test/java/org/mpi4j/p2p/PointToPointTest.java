package org.mpi4j.p2p;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs {@link PointToPointRanks} on 1, 2, 3 and 4 real ranks. */
class PointToPointTest {
    @TestFactory
    Stream<DynamicNode> pointToPoint() {
        return MpiTestKit.ranks(PointToPointRanks.class, 1, 2, 3, 4);
    }

    /** The same on 2 and 3 ranks with direct buffer addresses taken through JNI, the path without java.nio opened. */
    @TestFactory
    Stream<DynamicNode> pointToPointJniAddresses() {
        return MpiTestKit.ranksWithFlags(PointToPointRanks.class, List.of("-Dmpi4j.directAddress=jni"), 2, 3);
    }

    /** Issue 12's and 13's regressions (wrong data, writes outside buffers, crashes, accepted bad calls, a deadlock). */
    @TestFactory
    Stream<DynamicNode> safety() {
        return MpiTestKit.ranks(SafetyRanks.class, 1, 2, 3);
    }

    /** Issue 12's overflow fuzz, 6000 seeded calls per rank. */
    @TestFactory
    Stream<DynamicNode> overflowFuzz() {
        return MpiTestKit.ranks(OverflowFuzzRanks.class, 1, 2);
    }

    /** Issue 12: null in any reference parameter is an MPIException, not a NullPointerException. */
    @TestFactory
    Stream<DynamicNode> nullArguments() {
        return MpiTestKit.ranks(NullArgumentRanks.class, 1);
    }

    /** Point-to-point on 2 ranks with heap arrays pinned for blocking calls ({@code -Dmpi4j.pinArrays=true}). */
    @TestFactory
    Stream<DynamicNode> pointToPointPinnedArrays() {
        return MpiTestKit.ranksWithFlags(PointToPointRanks.class, List.of("-Dmpi4j.pinArrays=true"), 2);
    }
}
