package org.mpi4j.examples;

import java.nio.DoubleBuffer;
import org.mpi4j.Datatype;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * A reduction written in Java: complex multiplication on MPI_C_DOUBLE_COMPLEX (pairs of doubles), used in allreduce.
 * Rank r contributes (1 + r i); the product over ranks is checked against a serial product.
 */
public final class UserOp {
    private UserOp() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        try (Op complexProduct = Op.create((in, inout, count, type) -> {
            DoubleBuffer a = in.asDoubleBuffer();
            DoubleBuffer b = inout.asDoubleBuffer();
            for (int k = 0; k < count; k++) {
                double re = a.get(2 * k) * b.get(2 * k) - a.get(2 * k + 1) * b.get(2 * k + 1);
                double im = a.get(2 * k) * b.get(2 * k + 1) + a.get(2 * k + 1) * b.get(2 * k);
                b.put(2 * k, re).put(2 * k + 1, im);
            }
        }, true)) {
            double[] mine = {1, rank};
            double[] product = new double[2];
            comm.allreduce(org.mpi4j.buffers.BufferSpec.of(mine, 1, Datatype.C_DOUBLE_COMPLEX),
                    org.mpi4j.buffers.BufferSpec.of(product, 1, Datatype.C_DOUBLE_COMPLEX), complexProduct);
            double re = 1;
            double im = 0;
            for (int r = 0; r < size; r++) {
                double nre = re * 1 - im * r;
                double nim = re * r + im * 1;
                re = nre;
                im = nim;
            }
            Check.that(Math.abs(product[0] - re) < 1e-9 && Math.abs(product[1] - im) < 1e-9,
                    "product " + product[0] + "+" + product[1] + "i, expected " + re + "+" + im + "i");
            System.out.print(String.format("rank %d of %d: product of (1 + r i) = %.1f%+.1fi OK%n", rank, size, product[0], product[1]));
        }
    }
}
