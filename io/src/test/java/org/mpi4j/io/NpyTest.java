package org.mpi4j.io;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs {@link NpyRanks} (.npy written by mpi4j and read by NumPy, and the reverse) on 1, 2, 3 and 4 real ranks. */
class NpyTest {
    @TestFactory
    Stream<DynamicNode> npy() {
        return MpiTestKit.ranks(NpyRanks.class, 1, 2, 3, 4);
    }
}
