package org.mpi4j.io;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/** Runs {@link FileRanks} (every MPI-IO routine, views, bad input) on 1, 2, 3 and 4 real ranks. */
class FileTest {
    @TestFactory
    Stream<DynamicNode> files() {
        return MpiTestKit.ranks(FileRanks.class, 1, 2, 3, 4);
    }

    /** Heap arrays must be staged for file calls even where blocking messages would pin them. */
    @TestFactory
    Stream<DynamicNode> filesWithPinnedArrays() {
        return MpiTestKit.ranksWithFlags(FileRanks.class, List.of("-Dmpi4j.pinArrays=true"), 2);
    }

    /** The overflow fuzz for file calls, 2000 seeded calls per rank. */
    @TestFactory
    Stream<DynamicNode> fileFuzz() {
        return MpiTestKit.ranks(FileFuzzRanks.class, 1, 2);
    }
}
