package org.mpi4j.win;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/**
 * Runs {@link WinRanks} (one-sided communication on allocated and shared windows, MPI memory, bad input) on 1, 2, 3
 * and 4 real ranks, and {@link WinCreateRanks} (windows over the program's memory, dynamic windows) on 2, 3 and 4.
 */
class WinTest {
    @TestFactory
    Stream<DynamicNode> oneSided() {
        return MpiTestKit.ranks(WinRanks.class, 1, 2, 3, 4);
    }

    @TestFactory
    Stream<DynamicNode> createdWindows() {
        return MpiTestKit.ranks(WinCreateRanks.class, 2, 3, 4);
    }
}
