package org.mpi4j.coll;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs the buffer-collective rank tests on 1, 2, 3 and 4 real ranks (intercommunicator forms on 2, 3, 4). */
class CollectivesTest {
    @TestFactory
    Stream<DynamicNode> collectives() {
        return MpiTestKit.ranks(CollectiveRanks.class, 1, 2, 3, 4);
    }

    @TestFactory
    Stream<DynamicNode> intercommunicatorForms() {
        return MpiTestKit.ranks(InterRanks.class, 2, 3, 4);
    }
}
