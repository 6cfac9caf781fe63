package org.mpi4j.io;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs {@link ArrowIpcRanks} (one Arrow IPC file from every rank's batch, read by Arrow's reader) on 1-4 real ranks. */
class ArrowIpcTest {
    @TestFactory
    Stream<DynamicNode> arrowIpc() {
        return MpiTestKit.ranks(ArrowIpcRanks.class, 1, 2, 3, 4);
    }
}
