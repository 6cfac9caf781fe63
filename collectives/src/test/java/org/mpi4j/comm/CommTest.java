package org.mpi4j.comm;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Communicators, groups, attributes and process topologies with neighbourhood collectives, on 1-4 real ranks. */
class CommTest {
    @TestFactory
    Stream<DynamicNode> communicatorsAndGroups() {
        return MpiTestKit.ranks(CommRanks.class, 1, 2, 3, 4);
    }

    @TestFactory
    Stream<DynamicNode> topologies() {
        return MpiTestKit.ranks(TopologyRanks.class, 1, 2, 3, 4);
    }
}
