package org.mpi4j.examples.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.mpi4j.Comm;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;

/**
 * Calls a native MPI library with mpi4j's objects (mpi4py's SWIG and F2Py tutorial items): {@link HelloLib}'s C
 * function with COMM_WORLD and with a split communicator, its buffer + datatype function with a Java array and a
 * direct buffer, the Fortran subroutine with Fortran handles, and wraps a communicator the native code made.
 */
public final class InteropHello {
    private InteropHello() { }

    static void check(int rc) {
        MPIException.check(rc);
    }

    /** Entry point. */
    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.getRank();
        int size = world.getSize();
        check(HelloLib.hello_c(world.handle()));
        world.barrier();
        try (Intracomm half = world.split(rank % 2, rank)) {
            check(HelloLib.hello_c(half.handle()));
            HelloLib.hello_f(half.toFortran());
        }
        world.barrier();
        HelloLib.hello_f(world.toFortran());

        double[] data = new double[10];
        for (int i = 0; i < data.length; i++) {
            data[i] = rank + i;                       // sum over ranks: 10 * sum(rank) + size * 45
        }
        double expect = 10.0 * size * (size - 1) / 2 + size * 45.0;
        double[] out = new double[1];
        check(HelloLib.hello_sum(data, data.length, Datatype.DOUBLE.handle(), world.handle(), out));
        DoubleBuffer direct = ByteBuffer.allocateDirect(80).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        direct.put(data).flip();
        double[] out2 = new double[1];
        check(HelloLib.hello_sum(direct, data.length, Datatype.DOUBLE.handle(), world.handle(), out2));

        try (Intracomm dup = (Intracomm) Comm.fromHandle(HelloLib.hello_dup(world.handle()))) {
            int[] ranks = new int[1];
            dup.allreduce(new int[] {1}, ranks, org.mpi4j.Op.SUM);
            if (out[0] == expect && out2[0] == expect && ranks[0] == size) {
                // one write per line, so lines of different ranks do not interleave
                System.out.print(String.format("rank %d: native sum %.1f from an array and %.1f from a direct buffer,"
                        + " native dup of %d processes OK%n", rank, out[0], out2[0], ranks[0]));
                System.out.flush();
            } else {
                throw new AssertionError("native results " + out[0] + ", " + out2[0] + ", " + ranks[0] + "; expected "
                        + expect + " and " + size);
            }
        }
    }
}
