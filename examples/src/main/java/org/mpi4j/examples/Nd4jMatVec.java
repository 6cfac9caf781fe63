package org.mpi4j.examples;

import org.mpi4j.MPI;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The tutorial's parallel matrix-vector product with ND4J: each rank owns a block of m rows of A (m x n) and m
 * entries of x; allgather assembles x from the ranks' INDArrays (zero copy, MPI_DOUBLE discovered), each rank
 * multiplies its block with ND4J's mmul, and the rows of y are gathered at rank 0 and checked against a
 * single-process product of the whole matrix.
 */
public final class Nd4jMatVec {
    private Nd4jMatVec() { }

    static double a(long i, long j) {
        return Math.cos(i + 0.5 * j) + (i == j ? 2 : 0);
    }

    /** Optional argument: rows per rank (default 64). */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int p = comm.getSize();
        int rank = comm.getRank();
        int n = m * p;
        INDArray aLocal = Nd4j.create(DataType.DOUBLE, m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                aLocal.putScalar(i, j, a((long) rank * m + i, j));
            }
        }
        INDArray xLocal = Nd4j.arange(rank * m, (rank + 1) * m).castTo(DataType.DOUBLE).addi(1).rdivi(1.0);
        INDArray x = Nd4j.create(DataType.DOUBLE, n);
        comm.allgather(xLocal, x);
        INDArray yLocal = aLocal.mmul(x.reshape(n, 1)).reshape(m);
        INDArray y = rank == 0 ? Nd4j.create(DataType.DOUBLE, n) : null;
        comm.gather(yLocal, y, 0);
        if (rank == 0) {
            INDArray full = Nd4j.create(DataType.DOUBLE, n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    full.putScalar(i, j, a(i, j));
                }
            }
            INDArray xs = Nd4j.arange(0, n).castTo(DataType.DOUBLE).addi(1).rdivi(1.0);
            INDArray expect = full.mmul(xs.reshape(n, 1)).reshape(n);
            double err = y.sub(expect).norm2Number().doubleValue();
            Check.that(err <= 1e-9 * expect.norm2Number().doubleValue(), "y differs from the serial product by " + err);
            System.out.print(String.format("rank 0 of %d: y = A x for %d x %d matches the single-process product (|err| %.1e) OK%n",
                    p, n, n, err));
        }
        Check.that(x.equalsWithEps(Nd4j.arange(0, n).castTo(DataType.DOUBLE).addi(1).rdivi(1.0), 0.0), "allgathered x");
        System.out.print(String.format("rank %d of %d: %d rows done%n", rank, p, m));
    }
}
