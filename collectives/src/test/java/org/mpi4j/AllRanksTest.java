package org.mpi4j;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.datatype.DatatypeRanks;
import org.mpi4j.env.EnvironmentRanks;
import org.mpi4j.p2p.BadInputRanks;
import org.mpi4j.testing.MpiTestKit;

/** Runs the environment, datatype and bad-input rank tests on 1, 2, 3 and 4 real ranks. */
class AllRanksTest {
    @TestFactory
    Stream<DynamicNode> environment() {
        return MpiTestKit.ranks(EnvironmentRanks.class, 1, 2, 3, 4);
    }

    @TestFactory
    Stream<DynamicNode> datatypes() {
        return MpiTestKit.ranks(DatatypeRanks.class, 1, 2, 3, 4);
    }

    @TestFactory
    Stream<DynamicNode> badInput() {
        return MpiTestKit.ranks(BadInputRanks.class, 1, 2, 3, 4);
    }
}
