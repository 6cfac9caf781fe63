package org.mpi4j.examples;

import org.mpi4j.Cartcomm;
import org.mpi4j.Datatype;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.io.Npy;

/**
 * A 2-D Jacobi (heat) solver on a Cartesian grid of ranks: the global NX x NY grid is split into blocks (uneven
 * sizes allowed) over a grid of processes from dimsCreate; each iteration exchanges one-cell halos with sendrecv along
 * the shift() neighbours (rows are contiguous, columns go as a committed vector datatype), and the global residual
 * comes from an allreduce. Every rank also solves the whole grid alone and checks its block and the residual history.
 * Given a fourth argument, the final grid is checkpointed into that .npy file (one collective write of every rank's
 * block interior, described in memory by a subarray datatype, so the ghost cells stay out), read back whole by every
 * rank and checked against the serial solve.
 */
public final class JacobiHalo {
    private JacobiHalo() { }

    /** Fixed temperature on the global boundary: hot on the top edge, cold elsewhere, with a gradient. */
    static double boundary(int i, int j, int nx, int ny) {
        return i < 0 ? 100.0 * (j + 1) / (ny + 1) : 0.0;
    }

    /** First global index and length of block {@code c} of {@code p} blocks covering {@code n} cells. */
    static int[] block(int n, int p, int c) {
        int base = n / p;
        int extra = n % p;
        int len = base + (c < extra ? 1 : 0);
        int start = c * base + Math.min(c, extra);
        return new int[] {start, len};
    }

    /** The whole problem on one process: the reference for the check. Returns {u, residuals}. */
    static double[][] serial(int nx, int ny, int iters) {
        double[] u = new double[(nx + 2) * (ny + 2)];
        fillBoundary(u, -1, -1, nx, ny, nx, ny);
        double[] res = new double[iters];
        double[] next = u.clone();
        for (int t = 0; t < iters; t++) {
            res[t] = Math.sqrt(sweep(u, next, nx, ny));
            double[] tmp = u;
            u = next;
            next = tmp;
        }
        return new double[][] {u, res};
    }

    /** Puts the global boundary values into the ghost cells of a block that starts at global (i0, j0). */
    static void fillBoundary(double[] u, int i0, int j0, int lx, int ly, int nx, int ny) {
        int w = ly + 2;
        for (int i = 0; i < lx + 2; i++) {
            for (int j = 0; j < ly + 2; j++) {
                int gi = i0 + i;
                int gj = j0 + j;
                if (gi < 0 || gi >= nx || gj < 0 || gj >= ny) {
                    u[i * w + j] = boundary(gi, gj, nx, ny);
                }
            }
        }
    }

    /** One Jacobi sweep of the interior of a (lx+2) x (ly+2) block into next; returns the sum of squared changes. */
    static double sweep(double[] u, double[] next, int lx, int ly) {
        int w = ly + 2;
        double sum = 0;
        for (int i = 1; i <= lx; i++) {
            for (int j = 1; j <= ly; j++) {
                int k = i * w + j;
                double v = 0.25 * (u[k - w] + u[k + w] + u[k - 1] + u[k + 1]);
                double d = v - u[k];
                sum += d * d;
                next[k] = v;
            }
        }
        return sum;
    }

    /** Writes the interior of every block into one nx x ny .npy file, reads it back whole and checks it. */
    static void checkpoint(Cartcomm grid, String path, double[] u, int[] bx, int[] by, int nx, int ny, double[] ref) {
        int lx = bx[1];
        int ly = by[1];
        try (Datatype interior = Datatype.DOUBLE.subarray(new int[] {lx + 2, ly + 2}, new int[] {lx, ly}, new int[] {1, 1},
                Datatype.ORDER_C).commit()) {
            Npy.write(grid, path, BufferSpec.of(u, 1, interior), new long[] {nx, ny}, new long[] {bx[0], by[0]},
                    new long[] {lx, ly});
        }
        double[] all = new double[nx * ny];
        Npy.read(grid, path, all, new long[] {0, 0}, new long[] {nx, ny});
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double expect = ref[(i + 1) * (ny + 2) + j + 1];
                Check.that(Math.abs(all[i * ny + j] - expect) <= 1e-12, "checkpoint (" + i + ", " + j + ") = " + all[i * ny + j]);
            }
        }
        if (grid.getRank() == 0) {
            System.out.print(String.format("checkpoint %dx%d written to one .npy file and read back OK%n", nx, ny));
        }
    }

    /** Arguments: NX NY iterations [checkpoint.npy] (default 30 26 200, no checkpoint). */
    public static void main(String[] args) {
        int nx = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int ny = args.length > 1 ? Integer.parseInt(args[1]) : 26;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int size = MPI.COMM_WORLD.getSize();
        int[] dims = Cartcomm.dimsCreate(size, 2);
        try (Cartcomm grid = MPI.COMM_WORLD.createCart(dims, new boolean[] {false, false}, true)) {
            int[] c = grid.getCoords();
            int[] bx = block(nx, dims[0], c[0]);
            int[] by = block(ny, dims[1], c[1]);
            int lx = bx[1];
            int ly = by[1];
            int w = ly + 2;
            double[] u = new double[(lx + 2) * w];
            fillBoundary(u, bx[0] - 1, by[0] - 1, lx, ly, nx, ny);
            double[] next = u.clone();
            int[] upDown = grid.shift(0, 1);
            int[] leftRight = grid.shift(1, 1);
            try (Datatype col = Datatype.DOUBLE.vector(lx, 1, w).commit()) {
                double[] res = new double[iters];
                double[] local = new double[1];
                double[] global = new double[1];
                for (int t = 0; t < iters; t++) {
                    // rows: last interior row down, first interior row up; ghost rows filled from the neighbours
                    grid.sendrecv(BufferSpec.of(u, lx * w + 1, ly, Datatype.DOUBLE), upDown[1], 0,
                            BufferSpec.of(u, 1, ly, Datatype.DOUBLE), upDown[0], 0);
                    grid.sendrecv(BufferSpec.of(u, w + 1, ly, Datatype.DOUBLE), upDown[0], 1,
                            BufferSpec.of(u, (lx + 1) * w + 1, ly, Datatype.DOUBLE), upDown[1], 1);
                    // columns: one strided column each way, described by the vector datatype
                    grid.sendrecv(BufferSpec.of(u, w + ly, 1, col), leftRight[1], 2,
                            BufferSpec.of(u, w, 1, col), leftRight[0], 2);
                    grid.sendrecv(BufferSpec.of(u, w + 1, 1, col), leftRight[0], 3,
                            BufferSpec.of(u, w + ly + 1, 1, col), leftRight[1], 3);
                    local[0] = sweep(u, next, lx, ly);
                    grid.allreduce(local, global, Op.SUM);
                    res[t] = Math.sqrt(global[0]);
                    double[] tmp = u;
                    u = next;
                    next = tmp;
                }
                double[][] ref = serial(nx, ny, iters);
                double worst = 0;
                for (int i = 1; i <= lx; i++) {
                    for (int j = 1; j <= ly; j++) {
                        double expect = ref[0][(bx[0] + i) * (ny + 2) + by[0] + j];
                        worst = Math.max(worst, Math.abs(u[i * w + j] - expect));
                    }
                }
                Check.that(worst <= 1e-12, "block differs from the serial solve by " + worst);
                for (int t = 0; t < iters; t++) {
                    Check.that(Math.abs(res[t] - ref[1][t]) <= 1e-9 * Math.max(1, ref[1][t]), "residual " + t + " is "
                            + res[t] + ", serial " + ref[1][t]);
                }
                Check.that(res[iters - 1] < res[0], "the residual did not fall: " + res[0] + " -> " + res[iters - 1]);
                System.out.print(String.format("rank %d of %d at (%d,%d) of %dx%d: block %dx%d, residual %.3e -> %.3e,"
                                + " matches the serial solve OK%n", grid.getRank(), size, c[0], c[1], dims[0], dims[1], lx, ly,
                        res[0], res[iters - 1]));
                if (args.length > 3) {
                    checkpoint(grid, args[3], u, bx, by, nx, ny, ref[0]);
                }
            }
        }
    }
}
