package org.mpi4j.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Win;
import org.mpi4j.buffers.nd4j.Nd4jMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A node-shared ND4J matrix: the n x n matrix A exists once per node, in a shared-memory window
 * (Win.allocateShared by the node's rank 0, Win.sharedQuery by the others), and every rank of the node sees it as
 * the same INDArray with no copy. Each rank fills its rows, then multiplies its rows by x. x is spread over windows
 * created over the ranks' own INDArrays (through the ND4J provider's address) and fetched with get; the rows of y go
 * with put into a window over an Arrow Float8Vector at rank 0, which checks y against a single-process product.
 */
public final class Nd4jSharedMatrix {
    private Nd4jSharedMatrix() { }

    /**
     * Optional argument: rows per rank (default 32). Results are checked after every window is freed: an exception
     * while a window is open would leave the other ranks waiting in the window's collective free.
     */
    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Intracomm world = MPI.COMM_WORLD;
        int p = world.getSize();
        int rank = world.getRank();
        int n = m * p;
        int other = (rank + 1) % p;
        double seenThroughArray;
        double seenThroughSegment;
        int nodeSize;
        double[] yAll = new double[rank == 0 ? n : 0];
        try (Intracomm node = world.splitType(MPI.COMM_TYPE_SHARED, rank);
             Win shared = Win.allocateShared(node.getRank() == 0 ? 8L * n * n : 0, 8, Info.NULL, node)) {
            nodeSize = node.getSize();
            Win.Segment seg = shared.sharedQuery(0);
            INDArray a = Nd4jMemory.wrap(seg.buffer(), DataType.DOUBLE, n, n);   // the segment itself, no copy
            shared.lockAll();
            for (int i = rank * m; i < (rank + 1) * m; i++) {
                for (int j = 0; j < n; j++) {
                    a.putScalar(i, j, Nd4jMatVec.a(i, j));
                }
            }
            shared.sync();
            node.barrier();
            shared.sync();
            // every rank sees every other rank's rows, in the same memory
            seenThroughArray = a.getDouble(other * m, 1);
            seenThroughSegment = seg.buffer().order(ByteOrder.nativeOrder()).getDouble(8 * (other * m * n + 1));

            INDArray xLocal = Nd4j.arange(rank * m, (rank + 1) * m).castTo(DataType.DOUBLE).addi(1).rdivi(1.0);
            INDArray x = Nd4j.create(DataType.DOUBLE, n);
            try (Win xw = Win.create(xLocal, world)) {            // window memory: the INDArray's own buffer
                xw.fence();
                for (int r = 0; r < p; r++) {
                    xw.get(x.get(NDArrayIndex.interval(r * m, (r + 1) * m)), r, 0);   // lands in place in x
                }
                xw.fence();
            }
            INDArray yLocal = a.get(NDArrayIndex.interval(rank * m, (rank + 1) * m), NDArrayIndex.all())
                    .mmul(x.reshape(n, 1)).reshape(m);
            shared.unlockAll();
            try (BufferAllocator alloc = new RootAllocator(); Float8Vector y = new Float8Vector("y", alloc)) {
                if (rank == 0) {
                    y.allocateNew(n);
                    for (int i = 0; i < n; i++) {
                        y.set(i, 0.0);                             // marks the values valid; the puts fill them
                    }
                    y.setValueCount(n);
                }
                // Arrow memory at rank 0 (displacement unit 8, from the vector), none elsewhere
                try (Win yw = Win.create(rank == 0 ? y : null, world)) {
                    yw.fence();
                    yw.put(yLocal, 0, (long) rank * m);
                    yw.fence();
                }
                for (int i = 0; i < yAll.length; i++) {
                    yAll[i] = y.get(i);
                }
            }
            node.barrier();
        }
        Check.that(nodeSize == p, "this example wants all ranks on one node");
        double want = Nd4jMatVec.a(other * m, 1);
        Check.that(seenThroughArray == want, "rank " + other + "'s row is not in the shared matrix: " + seenThroughArray);
        Check.that(seenThroughSegment == want, "the INDArray is not the shared segment itself: " + seenThroughSegment);
        if (rank == 0) {
            double worst = 0;
            for (int i = 0; i < n; i++) {
                double expect = 0;
                for (int j = 0; j < n; j++) {
                    expect += Nd4jMatVec.a(i, j) / (j + 1);
                }
                worst = Math.max(worst, Math.abs(yAll[i] - expect));
            }
            Check.that(worst <= 1e-9, "y differs from the single-process product by " + worst);
            System.out.print(String.format("rank 0 of %d: y = A x for %d x %d with A shared by the node"
                    + " matches the single-process product OK%n", p, n, n));
        }
        System.out.print(String.format("rank %d of %d: %d rows of the shared matrix done%n", rank, p, m));
    }
}
