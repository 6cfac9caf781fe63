package org.mpi4j;

import java.nio.ByteBuffer;
import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

/**
 * The memory each process attached to a dynamic window ({@link Win#createDynamic}), published so that an origin can
 * range-check an access before MPI sees it: neither Open MPI 4.1 nor MPICH 4.0 refuses a put or get at an address no
 * region covers, they write or read there. Each process keeps the list of its regions in a small companion window
 * (MPI_Win_allocate of {@link #BYTES} bytes per process, written under an exclusive lock on itself); an origin reads a
 * target's list with a shared lock and MPI_Get when an access is not covered by the list it read last, so accesses
 * inside known regions cost nothing more. An access to memory the target has detached since the origin last read its
 * list is not caught: MPI makes such an access erroneous, and a correct program synchronises detach with its peers.
 */
final class DynamicRegions {
    /** Regions one process may have attached at once (Open MPI's osc rdma allows 32 by default). */
    static final int CAPACITY = 255;
    /** Directory bytes per process: the count, then (address, bytes) pairs. */
    static final int BYTES = 8 + 16 * CAPACITY;

    private final long win;
    private final ByteBuffer mine;
    private final int myRank;
    /** Per rank: the (address, bytes) pairs last read from its directory, or null before the first read. */
    private final long[][] known;
    /** Where a remote directory is read into (MPI memory: stays put). */
    private final ByteBuffer scratch;

    private DynamicRegions(long win, ByteBuffer mine, int myRank, int size) {
        this.win = win;
        this.mine = mine;
        this.myRank = myRank;
        this.known = new long[size][];
        this.scratch = MPI.allocMem(BYTES);
    }

    /** Makes the companion window over {@code comm} (collective, as MPI_Win_create_dynamic). */
    static DynamicRegions create(Intracomm comm) {
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Win_allocate(BYTES, 1, Info.NULL.handle(), comm.handle(), s.address(8),
                s.address(0)));
        long w = s.getHandle(0);
        long base = s.getLong(8);
        int rc = LibMpi.MPI_Win_set_errhandler(w, Errhandler.ERRORS_RETURN.handle());
        if (rc != 0) {
            s.putHandle(0, w);
            LibMpi.MPI_Win_free(s.address(0));
            throw MPIException.fromCode(rc);
        }
        ByteBuffer mine = Win.wrap(base, BYTES);
        mine.putLong(0, 0);
        return new DynamicRegions(w, mine, comm.getRank(), comm.getSize());
    }

    /** Publishes a region this process attached. */
    synchronized void add(long address, long bytes) {
        lockSelf();
        try {
            int n = (int) mine.getLong(0);
            if (n == CAPACITY) {
                throw new MPIException(LibMpi.MPI_ERR_RMA_ATTACH(), "attach: " + CAPACITY + " regions are attached"
                        + " to this dynamic window already; detach one first");
            }
            mine.putLong(8 + 16 * n, address);
            mine.putLong(16 + 16 * n, bytes);
            mine.putLong(0, n + 1);
        } finally {
            unlock(myRank);
        }
    }

    /** Withdraws the region that starts at {@code address} (the first one, if attached twice). */
    synchronized void remove(long address) {
        lockSelf();
        try {
            int n = (int) mine.getLong(0);
            for (int i = 0; i < n; i++) {
                if (mine.getLong(8 + 16 * i) == address) {
                    mine.putLong(8 + 16 * i, mine.getLong(8 + 16 * (n - 1)));
                    mine.putLong(16 + 16 * i, mine.getLong(16 + 16 * (n - 1)));
                    mine.putLong(0, n - 1);
                    return;
                }
            }
        } finally {
            unlock(myRank);
        }
    }

    /**
     * Null when the bytes {@code [lo, hi)} (absolute addresses) at {@code rank} lie inside one region it attached,
     * else what it has attached, for the error message. Reads the target's list again when the one read last does not
     * cover them.
     */
    synchronized String check(int rank, long lo, long hi) {
        if (rank == myRank) {
            return covered(own(), lo, hi) ? null : describe(own());
        }
        long[] r = known[rank];
        if (r != null && covered(r, lo, hi)) {
            return null;
        }
        r = read(rank);
        known[rank] = r;
        return covered(r, lo, hi) ? null : describe(r);
    }

    private long[] own() {
        int n = (int) mine.getLong(0);
        long[] r = new long[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            r[i] = mine.getLong(8 + 8 * i);
        }
        return r;
    }

    private long[] read(int rank) {
        int rc = LibMpi.MPI_Win_lock(LibMpi.MPI_LOCK_SHARED(), rank, 0, win);
        MPIException.check(rc);
        try {
            MPIException.check(LibMpi.MPI_Get(MPI.getAddress(scratch), BYTES, Datatype.BYTE.handle(), rank, 0, BYTES,
                    Datatype.BYTE.handle(), win));
        } finally {
            MPIException.check(LibMpi.MPI_Win_unlock(rank, win));
        }
        int n = (int) Math.min(Math.max(scratch.getLong(0), 0), CAPACITY);
        long[] r = new long[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            r[i] = scratch.getLong(8 + 8 * i);
        }
        return r;
    }

    private static boolean covered(long[] r, long lo, long hi) {
        for (int i = 0; i < r.length; i += 2) {
            long a = r[i];
            long end = a + r[i + 1];
            if (Long.compareUnsigned(lo, a) >= 0 && Long.compareUnsigned(hi, end) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(long[] r) {
        if (r.length == 0) {
            return "it has no memory attached";
        }
        StringBuilder b = new StringBuilder("its attached regions are");
        for (int i = 0; i < r.length && i < 16; i += 2) {
            b.append(i == 0 ? " " : ", ").append("[0x").append(Long.toHexString(r[i])).append(", +")
                    .append(r[i + 1]).append(')');
        }
        if (r.length > 16) {
            b.append(" and ").append(r.length / 2 - 8).append(" more");
        }
        return b.toString();
    }

    private void lockSelf() {
        MPIException.check(LibMpi.MPI_Win_lock(LibMpi.MPI_LOCK_EXCLUSIVE(), myRank, 0, win));
    }

    private void unlock(int rank) {
        MPIException.check(LibMpi.MPI_Win_unlock(rank, win));
    }

    /** Frees the companion window (collective, with the dynamic window). */
    synchronized void free() {
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, win);
        MPIException.check(LibMpi.MPI_Win_free(s.address(0)));
        MPI.freeMem(scratch);
    }
}
