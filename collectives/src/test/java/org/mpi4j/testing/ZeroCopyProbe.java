package org.mpi4j.testing;

import org.mpi4j.Op;
import org.mpi4j.jni.LibMpi;

/**
 * Proves zero copy from MPI's side: a Java reduction op that MPI calls with pointers to the two operands records
 * them, so a test can compare them with a buffer's own address.
 */
public final class ZeroCopyProbe {
    private ZeroCopyProbe() { }

    /** MPI_Reduce_local of int vectors ({@code inout += in}); returns the {in, inout} addresses MPI passed the op. */
    public static long[] intSumAddresses(Object in, Object inout) {
        long[] seen = new long[2];
        try (Op op = Op.create((x, y, n, t) -> {
            seen[0] = LibMpi.mpi4j_direct_address(x);
            seen[1] = LibMpi.mpi4j_direct_address(y);
            for (int i = 0; i < n; i++) {
                y.putInt(4 * i, x.getInt(4 * i) + y.getInt(4 * i));
            }
        }, true)) {
            op.reduceLocal(in, inout);
        }
        return seen;
    }
}
