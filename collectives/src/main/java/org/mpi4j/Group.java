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

    /** Wraps a native MPI_Group handle (interop). */
    public static Group fromHandle(long handle) {
        return new Group(handle, false);
    }

    /** MPI_Group_f2c. */
    public static Group fromFortran(int f) {
        Environment.ensure();
        return fromHandle(LibMpi.MPI_Group_f2c(f));
    }

    /** MPI_Group_c2f. */
    public int toFortran() {
        return LibMpi.MPI_Group_c2f(handle());
    }

    /** The native MPI_Group handle. */
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

    /** MPI_Group_size. */
    public int getSize() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Group_size(handle(), s.address(0)));
        return s.getInt(0);
    }

    /** MPI_Group_rank: this process's rank in the group, or MPI.UNDEFINED. */
    public int getRank() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Group_rank(handle(), s.address(0)));
        return s.getInt(0);
    }

    /** MPI_Group_translate_ranks: the ranks in {@code other} of {@code ranks} of this group (MPI.UNDEFINED if absent). */
    public int[] translateRanks(int[] ranks, Group other) {
        Environment.ensure();
        int[] out = new int[ranks.length];
        MPIException.check(LibMpi.MPI_Group_translate_ranks(handle(), ranks.length, ranks, other.handle(), out));
        return out;
    }

    /** MPI_Group_compare: MPI.IDENT, MPI.SIMILAR or MPI.UNEQUAL. */
    public int compare(Group other) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Group_compare(handle(), other.handle(), s.address(0)));
        return s.getInt(0);
    }

    /** MPI_Group_union. */
    public static Group union(Group a, Group b) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_union(a.handle(), b.handle(), s.address(0)), s);
    }

    /** MPI_Group_intersection. */
    public static Group intersection(Group a, Group b) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_intersection(a.handle(), b.handle(), s.address(0)), s);
    }

    /** MPI_Group_difference: members of {@code a} not in {@code b}. */
    public static Group difference(Group a, Group b) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_difference(a.handle(), b.handle(), s.address(0)), s);
    }

    /** MPI_Group_incl: the listed ranks, in that order. */
    public Group incl(int... ranks) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_incl(handle(), ranks.length, ranks, s.address(0)), s);
    }

    /** MPI_Group_excl: all but the listed ranks. */
    public Group excl(int... ranks) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_excl(handle(), ranks.length, ranks, s.address(0)), s);
    }

    /** MPI_Group_range_incl: ranks from {first, last, stride} triplets. */
    public Group rangeIncl(int[][] ranges) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_range_incl(handle(), ranges.length, flatten(ranges), s.address(0)), s);
    }

    /** MPI_Group_range_excl: all but the ranks of {first, last, stride} triplets. */
    public Group rangeExcl(int[][] ranges) {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        return made(LibMpi.MPI_Group_range_excl(handle(), ranges.length, flatten(ranges), s.address(0)), s);
    }

    private static int[] flatten(int[][] ranges) {
        int[] flat = new int[ranges.length * 3];
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i].length != 3) {
                throw new MPIException(ErrorClasses.ERR_ARG, "range " + i + " has " + ranges[i].length + " entries, not {first, last, stride}");
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
