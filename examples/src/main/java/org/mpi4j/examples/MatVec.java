package org.mpi4j.examples;

import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The mpi4py tutorial's parallel matrix-vector product: each rank owns {@code m} rows of A and {@code m} entries of
 * x; Allgather assembles x everywhere, then each rank computes its rows of y = A x. Checked against a serial product.
 */
public final class MatVec {
    private MatVec() { }

    /** A's entry (i, j), the same on every rank so the serial check can rebuild it. */
    static double a(int i, int j) {
        return Math.sin(i + 1) * (j + 1) / (i + j + 1);
    }

    static double x(int j) {
        return 1.0 / (j + 1);
    }

    /** y_local = A_local * x, gathering x with allgather first. */
    static double[] matvec(Intracomm comm, double[][] aLocal, double[] xLocal) {
        int m = xLocal.length;
        double[] xGlobal = new double[m * comm.getSize()];
        comm.allgather(xLocal, xGlobal);
        double[] y = new double[aLocal.length];
        for (int i = 0; i < aLocal.length; i++) {
            double s = 0;
            for (int j = 0; j < xGlobal.length; j++) {
                s += aLocal[i][j] * xGlobal[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** Optional argument: rows per rank (default 64). */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int p = comm.getSize();
        int rank = comm.getRank();
        int n = m * p;
        double[][] aLocal = new double[m][n];
        double[] xLocal = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                aLocal[i][j] = a(rank * m + i, j);
            }
            xLocal[i] = x(rank * m + i);
        }
        double[] y = matvec(comm, aLocal, xLocal);
        for (int i = 0; i < m; i++) {
            double expect = 0;
            for (int j = 0; j < n; j++) {
                expect += a(rank * m + i, j) * x(j);
            }
            Check.that(Math.abs(y[i] - expect) <= 1e-12 * Math.max(1, Math.abs(expect)), "y[" + (rank * m + i) + "] = " + y[i]
                    + " expected " + expect);
        }
        System.out.print(String.format("rank %d of %d: %d rows of y = A x match the serial product OK%n", rank, p, m));
    }
}
