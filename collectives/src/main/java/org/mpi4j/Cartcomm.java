package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * A Cartesian topology communicator (MPI_Cart_create): a grid of processes with per-dimension periodicity;
 * coordinates, rank of coordinates, shifts and sub-grids. Its neighbours, for neighbourhood collectives, are for
 * each dimension the lower then the upper neighbour (MPI.PROC_NULL at a non-periodic edge).
 */
public class Cartcomm extends Topocomm {
    private int[] dims;
    private boolean[] periods;

    Cartcomm(long handle) {
        super(handle);
    }

    /**
     * MPI_Dims_create: fills the zero entries of {@code dims} so that their product is {@code nnodes}, as balanced as possible.
     *
     * @param nnodes the number of nodes
     * @param dims the number of processes in each dimension
     * @return fills the zero entries of {@code dims} so that their product is {@code nnodes}, as balanced as possible
     */
    public static int[] dimsCreate(int nnodes, int[] dims) {
        Environment.ensure();
        if (nnodes < 1) {
            throw new MPIException(ErrorClasses.ERR_DIMS, "dimsCreate needs at least one node, got " + nnodes);
        }
        int fixed = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new MPIException(ErrorClasses.ERR_DIMS, "dims[" + i + "] is negative (" + dims[i] + ")");
            }
            if (dims[i] > 0) {
                fixed *= dims[i];
            }
        }
        if (nnodes % fixed != 0) {
            throw new MPIException(ErrorClasses.ERR_DIMS, nnodes + " nodes cannot fill a grid whose fixed dimensions multiply to " + fixed);
        }
        int[] out = dims.clone();
        MPIException.check(LibMpi.MPI_Dims_create(nnodes, out.length, out));
        return out;
    }

    /**
     * MPI_Dims_create with every dimension free.
     *
     * @param nnodes the number of nodes
     * @param ndims the number of dimensions
     * @return the number of processes in each dimension, as balanced as MPI can make them
     */
    public static int[] dimsCreate(int nnodes, int ndims) {
        return dimsCreate(nnodes, new int[ndims]);
    }

    private static int[] flags(boolean[] periods, int n) {
        if (periods.length != n) {
            throw new MPIException(ErrorClasses.ERR_ARG, "periods has " + periods.length + " entries for " + n + " dimensions");
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = periods[i] ? 1 : 0;
        }
        return p;
    }

    private static void checkGrid(Comm c, int[] dims) {
        long cells = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new MPIException(ErrorClasses.ERR_DIMS, "dims[" + i + "] is " + dims[i] + "; every dimension needs at least one process");
            }
            cells *= dims[i];
        }
        if (cells > c.getSize()) {
            throw new MPIException(ErrorClasses.ERR_DIMS, "a grid of " + cells + " processes does not fit in a communicator of " + c.getSize());
        }
    }

    static Cartcomm create(Intracomm c, int[] dims, boolean[] periods, boolean reorder) {
        long h = c.handle();
        checkGrid(c, dims);
        int[] p = flags(periods, dims.length);
        return made(LibMpi.MPI_Cart_create(h, dims.length, dims, p, reorder ? 1 : 0, NativeScratch.get().address(0)));
    }

    static int map(Intracomm c, int[] dims, boolean[] periods) {
        long h = c.handle();
        checkGrid(c, dims);
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Cart_map(h, dims.length, dims, flags(periods, dims.length), s.address(0)));
        long cells = 1;
        for (int d : dims) {
            cells *= d;
        }
        // Open MPI 4.1's MPI_Cart_map answers a process's own rank even outside the grid; the standard says UNDEFINED
        int r = s.getInt(0);
        return r >= cells ? MPI.UNDEFINED : r;
    }

    /** MPI_Comm_dup: a Cartesian communicator with the same grid. */
    @Override
    public Cartcomm dup() {
        return (Cartcomm) super.dup();
    }

    private void load() {
        if (dims == null) {
            long h = handle();
            NativeScratch s = NativeScratch.get();
            MPIException.check(LibMpi.MPI_Cartdim_get(h, s.address(0)));
            int n = s.getInt(0);
            int[] d = new int[n];
            int[] p = new int[n];
            int[] coords = new int[n];
            MPIException.check(LibMpi.MPI_Cart_get(h, n, d, p, coords));
            boolean[] per = new boolean[n];
            for (int i = 0; i < n; i++) {
                per[i] = p[i] != 0;
            }
            periods = per;
            dims = d;
        }
    }

    /**
     * MPI_Cartdim_get: number of dimensions.
     *
     * @return number of dimensions
     */
    public int getDim() {
        load();
        return dims.length;
    }

    /**
     * MPI_Cart_get: processes per dimension.
     *
     * @return processes per dimension
     */
    public int[] getDims() {
        load();
        return dims.clone();
    }

    /**
     * MPI_Cart_get: periodicity per dimension.
     *
     * @return periodicity per dimension
     */
    public boolean[] getPeriods() {
        load();
        return periods.clone();
    }

    /**
     * MPI_Cart_get: this process's coordinates.
     *
     * @return this process's coordinates
     */
    public int[] getCoords() {
        return getCoords(getRank());
    }

    /**
     * MPI_Cart_coords: the coordinates of {@code rank}.
     *
     * @param rank a rank of this communicator or group
     * @return the coordinates of {@code rank}
     */
    public int[] getCoords(int rank) {
        load();
        if (rank < 0 || rank >= getSize()) {
            throw new MPIException(ErrorClasses.ERR_RANK, "rank " + rank + " is out of range for a grid of " + getSize() + " processes");
        }
        int[] c = new int[dims.length];
        MPIException.check(LibMpi.MPI_Cart_coords(handle(), rank, c.length, c));
        return c;
    }

    /**
     * MPI_Cart_rank: the rank at {@code coords} (periodic dimensions wrap; others must be in range).
     *
     * @param coords the Cartesian coordinates
     * @return the rank at {@code coords} (periodic dimensions wrap; others must be in range)
     */
    public int getCartRank(int... coords) {
        load();
        if (coords.length != dims.length) {
            throw new MPIException(ErrorClasses.ERR_DIMS, coords.length + " coordinates for a grid of " + dims.length + " dimensions");
        }
        for (int i = 0; i < dims.length; i++) {
            if (!periods[i] && (coords[i] < 0 || coords[i] >= dims[i])) {
                throw new MPIException(ErrorClasses.ERR_ARG, "coordinate " + coords[i] + " is outside non-periodic dimension "
                        + i + " of size " + dims[i]);
            }
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Cart_rank(handle(), coords, s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Cart_shift: {source, dest} for a shift by {@code disp} along {@code direction}: this process receives from
     * source and sends to dest; MPI.PROC_NULL past a non-periodic edge.
     *
     * @param direction the dimension to shift along
     * @param disp the displacement
     * @return {source, dest} for a shift by {@code disp} along {@code direction}: this process receives from source and sends to dest; MPI.PROC_NULL past a non-periodic edge
     */
    public int[] shift(int direction, int disp) {
        load();
        if (direction < 0 || direction >= dims.length) {
            throw new MPIException(ErrorClasses.ERR_DIMS, "direction " + direction + " is not a dimension of a " + dims.length + "-d grid");
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Cart_shift(handle(), direction, disp, s.address(0), s.address(4)));
        return new int[] {s.getInt(0), s.getInt(4)};
    }

    /**
     * MPI_Cart_sub: the sub-grid keeping the dimensions where {@code remainDims} is true.
     *
     * @param remainDims whether each dimension stays in the sub-grid
     * @return the sub-grid keeping the dimensions where {@code remainDims} is true
     */
    public Cartcomm sub(boolean... remainDims) {
        load();
        int[] keep = flags(remainDims, dims.length);
        return made(LibMpi.MPI_Cart_sub(handle(), keep, NativeScratch.get().address(0)));
    }

    @Override
    int[][] edges() {
        load();
        int[] nb = new int[2 * dims.length];
        for (int d = 0; d < dims.length; d++) {
            int[] st = shift(d, 1);
            nb[2 * d] = st[0];
            nb[2 * d + 1] = st[1];
        }
        return new int[][] {nb, nb.clone()};
    }
}
