package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/** MPI_Group: an ordered set of processes; size, rank, rank translation, comparison and set operations. */
public final class Group implements AutoCloseable {
    private static final long NULL = LibMpi.MPI_GROUP_NULL();

    /** MPI_GROUP_EMPTY. */
    public static final Group EMPTY = new Group(LibMpi.MPI_GROUP_EMPTY(), true);

    private long handle;
    private final boolean predefined;

    Group(long handle, boolean predefined) {
        this.handle = handle;
        this.predefined = predefined;
    }

    /**
     * Wraps a native MPI_Group handle (interop). The handle is not checked, as in C and mpi4py: a value that is
     * not a live MPI_Group is undefined behaviour in the MPI library.
     *
     * @param handle the native handle
     * @return the new group
     */
    public static Group fromHandle(long handle) {
        return new Group(handle, false);
    }

    /**
     * MPI_Group_f2c.
     *
     * @param f the Fortran handle
     * @return the group of a Fortran handle
     */
    public static Group fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Group_f2c(f), f, "group"));
    }

    /**
     * MPI_Group_c2f.
     *
     * @return MPI_Group_c2f
     */
    public int toFortran() {
        return LibMpi.MPI_Group_c2f(handle());
    }

    /**
     * The native MPI_Group handle.
     *
     * @return the native MPI_Group handle
     */
    public long handle() {
        if (handle == NULL) {
            throw new MPIException(ErrorClasses.ERR_GROUP, "group has been freed");
        }
        return handle;
    }

    private static Group made(int rc, NativeScratch s) {
        MPIException.check(rc);
        return new Group(s.getHandle(0), false);
    }

    /**
     * MPI_Group_size.
     *
     * @return MPI_Group_size
     */
    public int getSize() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Group_size(handle(), s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Group_rank: this process's rank in the group, or MPI.UNDEFINED.
     *
     * @return this process's rank in the group, or MPI.UNDEFINED
     */
    public int getRank() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Group_rank(handle(), s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Group_translate_ranks: the ranks in {@code other} of {@code ranks} of this group (MPI.UNDEFINED if absent).
     *
     * @param ranks ranks of this communicator or group
     * @param other the other group
     * @return the ranks in {@code other} of {@code ranks} of this group (MPI.UNDEFINED if absent)
     */
    public int[] translateRanks(int[] ranks, Group other) {
        Environment.ensure();
        Args.group(other, "other");
        checkRanks(ranks, true, false, "translateRanks");
        int[] out = new int[ranks.length];
        MPIException.check(LibMpi.MPI_Group_translate_ranks(handle(), ranks.length, ranks, other.handle(), out));
        return out;
    }

    /**
     * MPI_Group_compare: MPI.IDENT, MPI.SIMILAR or MPI.UNEQUAL.
     *
     * @param other the other group
     * @return MPI.IDENT, MPI.SIMILAR or MPI.UNEQUAL
     */
    public int compare(Group other) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Group_compare(handle(), Args.group(other, "other"), s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Group_union.
     *
     * @param a the first group
     * @param b the second group
     * @return the new group: the members of a, then those of b not in a
     */
    public static Group union(Group a, Group b) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_union(Args.group(a, "a"), Args.group(b, "b"), s.address(0)), s);
    }

    /**
     * MPI_Group_intersection.
     *
     * @param a the first group
     * @param b the second group
     * @return the new group: the members of a that are also in b
     */
    public static Group intersection(Group a, Group b) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_intersection(Args.group(a, "a"), Args.group(b, "b"), s.address(0)), s);
    }

    /**
     * MPI_Group_difference: members of {@code a} not in {@code b}.
     *
     * @param a the first group
     * @param b the second group
     * @return the new group: members of {@code a} not in {@code b}
     */
    public static Group difference(Group a, Group b) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_difference(Args.group(a, "a"), Args.group(b, "b"), s.address(0)), s);
    }

    /**
     * MPI_Group_incl: the listed ranks, in that order.
     *
     * @param ranks ranks of this communicator or group
     * @return the listed ranks, in that order
     */
    public Group incl(int... ranks) {
        Environment.ensure();
        checkRanks(ranks, false, true, "incl");
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_incl(handle(), ranks.length, ranks, s.address(0)), s);
    }

    /**
     * MPI_Group_excl: all but the listed ranks.
     *
     * @param ranks ranks of this communicator or group
     * @return the new group: all but the listed ranks
     */
    public Group excl(int... ranks) {
        Environment.ensure();
        checkRanks(ranks, false, true, "excl");
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_excl(handle(), ranks.length, ranks, s.address(0)), s);
    }

    /**
     * MPI_Group_range_incl: ranks from {first, last, stride} triplets.
     *
     * @param ranges the {first, last, stride} triplets
     * @return the new group: ranks from {first, last, stride} triplets
     */
    public Group rangeIncl(int[][] ranges) {
        Args.notNull(ranges, "ranges");
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_range_incl(handle(), ranges.length, flatten(ranges), s.address(0)), s);
    }

    /**
     * MPI_Group_range_excl: all but the ranks of {first, last, stride} triplets.
     *
     * @param ranges the {first, last, stride} triplets
     * @return the new group: all but the ranks of {first, last, stride} triplets
     */
    public Group rangeExcl(int[][] ranges) {
        Args.notNull(ranges, "ranges");
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_range_excl(handle(), ranges.length, flatten(ranges), s.address(0)), s);
    }

    /**
     * Checks ranks in Java before MPI sees them (Open MPI reads out of bounds for a rank outside the group): each
     * in [0, size), or MPI.PROC_NULL where {@code procNull}; no repeats where {@code distinct}.
     */
    private void checkRanks(int[] ranks, boolean procNull, boolean distinct, String op) {
        if (ranks == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, op + " needs an array of ranks, not null");
        }
        int size = getSize();
        boolean[] seen = distinct ? new boolean[size] : null;
        for (int i = 0; i < ranks.length; i++) {
            int r = ranks[i];
            if (procNull && r == MPI.PROC_NULL) {
                continue;
            }
            if (r < 0 || r >= size) {
                throw new MPIException(ErrorClasses.ERR_RANK, op + ": rank " + r + " at index " + i
                        + " is not in a group of " + size + " processes");
            }
            if (distinct) {
                if (seen[r]) {
                    throw new MPIException(ErrorClasses.ERR_RANK, op + ": rank " + r + " appears twice (again at index " + i + ")");
                }
                seen[r] = true;
            }
        }
    }

    /** The triplets as MPI's flat array, after checking each names ranks of this group, none twice. */
    private int[] flatten(int[][] ranges) {
        if (ranges == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "ranges must not be null");
        }
        int size = getSize();
        boolean[] seen = new boolean[size];
        int[] flat = new int[ranges.length * 3];
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i] == null || ranges[i].length != 3) {
                throw new MPIException(ErrorClasses.ERR_ARG, "range " + i + " has " + (ranges[i] == null ? 0 : ranges[i].length)
                        + " entries, not {first, last, stride}");
            }
            int first = ranges[i][0];
            int last = ranges[i][1];
            int stride = ranges[i][2];
            if (stride == 0) {
                throw new MPIException(ErrorClasses.ERR_ARG, "range " + i + " has stride 0");
            }
            for (long r = first; stride > 0 ? r <= last : r >= last; r += stride) {
                if (r < 0 || r >= size) {
                    throw new MPIException(ErrorClasses.ERR_RANK, "range " + i + " {" + first + ", " + last + ", " + stride
                            + "} names rank " + r + ", not in a group of " + size + " processes");
                }
                if (seen[(int) r]) {
                    throw new MPIException(ErrorClasses.ERR_RANK, "range " + i + " names rank " + r + " a second time");
                }
                seen[(int) r] = true;
            }
            System.arraycopy(ranges[i], 0, flat, 3 * i, 3);
        }
        return flat;
    }

    /** MPI_Group_free. */
    public void free() {
        if (predefined) {
            throw new MPIException(ErrorClasses.ERR_GROUP, "cannot free a predefined group");
        }
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle());
        MPIException.check(LibMpi.MPI_Group_free(s.address(0)));
        handle = NULL;
    }

    /** Frees the group unless predefined or already freed. */
    @Override
    public void close() {
        if (!predefined && handle != NULL) {
            free();
        }
    }
}
