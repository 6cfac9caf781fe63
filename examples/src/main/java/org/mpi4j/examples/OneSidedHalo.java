package org.mpi4j.examples;

import java.nio.DoubleBuffer;
import org.mpi4j.Cartcomm;
import org.mpi4j.Datatype;
import org.mpi4j.Info;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Win;
import org.mpi4j.buffers.BufferSpec;

/**
 * {@link JacobiHalo}'s 2-D heat solver with the halo exchange done one-sided: each rank's block (with its ghost
 * cells) is the memory of a window (Win.allocate), and every iteration each rank puts its edge rows and columns
 * straight into its neighbours' ghost cells between two fences, instead of sendrecv. A column lands through a target
 * vector datatype with the neighbour's row stride (blocks may differ in width). Every rank checks its block and the
 * residual history against the serial solve that JacobiHalo's two-sided version is checked against.
 */
public final class OneSidedHalo {
    private OneSidedHalo() { }

    /** Arguments: NX NY iterations (default 30 26 200). */
    public static void main(String[] args) {
        int nx = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int ny = args.length > 1 ? Integer.parseInt(args[1]) : 26;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int size = MPI.COMM_WORLD.getSize();
        int[] dims = Cartcomm.dimsCreate(size, 2);
        try (Cartcomm grid = MPI.COMM_WORLD.createCart(dims, new boolean[] {false, false}, true)) {
            int[] c = grid.getCoords();
            int[] bx = JacobiHalo.block(nx, dims[0], c[0]);
            int[] by = JacobiHalo.block(ny, dims[1], c[1]);
            int lx = bx[1];
            int ly = by[1];
            int w = ly + 2;
            int[] upDown = grid.shift(0, 1);
            int[] leftRight = grid.shift(1, 1);
            // neighbours' block shapes: up/down share my columns (same w), left/right share my rows (same lx)
            int lxUp = c[0] > 0 ? JacobiHalo.block(nx, dims[0], c[0] - 1)[1] : lx;
            int wLeft = (c[1] > 0 ? JacobiHalo.block(ny, dims[1], c[1] - 1)[1] : ly) + 2;
            int wRight = (c[1] < dims[1] - 1 ? JacobiHalo.block(ny, dims[1], c[1] + 1)[1] : ly) + 2;
            double[] u = new double[(lx + 2) * w];
            JacobiHalo.fillBoundary(u, bx[0] - 1, by[0] - 1, lx, ly, nx, ny);
            double[] next = u.clone();
            try (Win win = Win.allocate(8L * u.length, 8, Info.NULL, grid);
                 Datatype col = Datatype.DOUBLE.vector(lx, 1, w).commit();
                 Datatype colLeft = Datatype.DOUBLE.vector(lx, 1, wLeft).commit();
                 Datatype colRight = Datatype.DOUBLE.vector(lx, 1, wRight).commit()) {
                DoubleBuffer mem = win.getBuffer().asDoubleBuffer();
                mem.put(0, u);
                double[] res = new double[iters];
                double[] local = new double[1];
                double[] global = new double[1];
                win.fence(Win.MODE_NOPRECEDE);
                for (int t = 0; t < iters; t++) {
                    // rows: my last interior row into the lower neighbour's top ghost row, my first into the upper's
                    // bottom ghost row; origins are window memory itself (direct, no copy)
                    win.put(BufferSpec.of(mem, lx * w + 1, ly, Datatype.DOUBLE), upDown[1], 1);
                    win.put(BufferSpec.of(mem, w + 1, ly, Datatype.DOUBLE), upDown[0], (long) (lxUp + 1) * w + 1);
                    // columns: one strided column each way, landing with the neighbour's own stride
                    win.put(BufferSpec.of(mem, w + ly, 1, col), leftRight[1], wRight, 1, colRight);
                    win.put(BufferSpec.of(mem, w + 1, 1, col), leftRight[0], wLeft + wLeft - 1, 1, colLeft);
                    win.fence();
                    mem.get(0, u);
                    local[0] = JacobiHalo.sweep(u, next, lx, ly);
                    grid.allreduce(local, global, Op.SUM);
                    res[t] = Math.sqrt(global[0]);
                    for (int i = 1; i <= lx; i++) {
                        mem.put(i * w + 1, next, i * w + 1, ly);   // new interior; ghosts come from the neighbours
                    }
                    win.fence();
                }
                mem.get(0, u);
                double[][] ref = JacobiHalo.serial(nx, ny, iters);
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
                System.out.print(String.format("rank %d of %d at (%d,%d) of %dx%d: block %dx%d, residual %.3e -> %.3e,"
                                + " one-sided halos match JacobiHalo's serial solve OK%n", grid.getRank(), size, c[0], c[1],
                        dims[0], dims[1], lx, ly, res[0], res[iters - 1]));
            }
        }
    }
}
