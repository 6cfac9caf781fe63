package org.mpi4j.conformance;

import org.mpi4j.testing.RankTest;

/** The conformance matrix over the core module's buffer kinds, one rank test per kind. */
public final class ConformanceRanks {
    private ConformanceRanks() { }

    @RankTest
    public static void doubleArray() {
        Conformance.run(JavaKinds.doubleArray());
    }

    @RankTest
    public static void byteArray() {
        Conformance.run(JavaKinds.byteArray());
    }

    @RankTest
    public static void heapDoubleBuffer() {
        Conformance.run(JavaKinds.heapDoubleBuffer());
    }

    @RankTest
    public static void directByteBuffer() {
        Conformance.run(JavaKinds.directByteBuffer());
    }

    @RankTest
    public static void directDoubleBuffer() {
        Conformance.run(JavaKinds.directDoubleBuffer());
    }
}
