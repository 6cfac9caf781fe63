package org.mpi4j.buffers.arrow;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Arrow vectors and buffers as messages, on 1-4 real ranks; ArrowMessages under hostile bytes on 2 and 3. */
class ArrowTest {
    @TestFactory
    Stream<DynamicNode> arrow() {
        return MpiTestKit.ranks(ArrowRanks.class, 1, 2, 3, 4);
    }

    @TestFactory
    Stream<DynamicNode> hostileArrow() {
        return MpiTestKit.ranks(HostileArrowRanks.class, 2, 3);
    }
}
