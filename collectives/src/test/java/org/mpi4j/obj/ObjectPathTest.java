package org.mpi4j.obj;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs the object-path rank tests on 1, 2, 3 and 4 real ranks. */
class ObjectPathTest {
    @TestFactory
    Stream<DynamicNode> objects() {
        return MpiTestKit.ranks(ObjectRanks.class, 1, 2, 3, 4);
    }
}
