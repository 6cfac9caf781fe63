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

    @TestFactory
    Stream<DynamicNode> hostileBytes() {
        return MpiTestKit.ranks(HostileBytesRanks.class, 2, 3);
    }
}
