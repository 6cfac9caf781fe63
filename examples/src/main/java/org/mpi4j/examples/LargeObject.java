package org.mpi4j.examples;

import java.util.ArrayList;
import java.util.List;
import org.mpi4j.MPI;

/**
 * An object larger than MPI's 2 GiB int count, sent from rank 0 to rank 1 and then broadcast: a list of
 * {@code count} byte arrays of {@code mb} MiB each (default 3 x 800 MiB = 2.34 GiB). The object path splits it into
 * frames of at most {@code Pickle.getChunkBytes()} bytes. Needs about 4x the payload of heap on each rank
 * ({@code ./mpi4j run -n 2 -J -Xmx10g org.mpi4j.examples.LargeObject}): with less, G1 collects over and over.
 */
public final class LargeObject {
    private LargeObject() { }

    static byte expected(int array, int i) {
        return (byte) (array * 31 + i * 7);
    }

    static void check(Object got, int count, int bytes, String how) {
        List<?> list = (List<?>) got;
        Check.that(list.size() == count, how + ": " + list.size() + " arrays");
        for (int a = 0; a < count; a++) {
            byte[] b = (byte[]) list.get(a);
            Check.that(b.length == bytes, how + ": array " + a + " has " + b.length + " bytes");
            for (int i = 0; i < bytes; i += 4093) {
                Check.that(b[i] == expected(a, i), how + ": array " + a + " byte " + i);
            }
            Check.that(b[bytes - 1] == expected(a, bytes - 1), how + ": last byte of array " + a);
        }
    }

    /** Arguments: MiB per array (default 800), number of arrays (default 3). */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        Check.that(comm.getSize() >= 2, "run on at least 2 ranks");
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 800;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int bytes = mb * 1024 * 1024;
        long total = (long) bytes * count;
        List<byte[]> payload = null;
        if (rank == 0) {
            payload = new ArrayList<>();
            for (int a = 0; a < count; a++) {
                byte[] b = new byte[bytes];
                for (int i = 0; i < bytes; i++) {
                    b[i] = expected(a, i);
                }
                payload.add(b);
            }
        }
        comm.barrier();
        double t0 = MPI.wtime();
        if (rank == 0) {
            comm.sendObject(payload, 1, 0);
        } else if (rank == 1) {
            Object got = comm.recvObject(0, 0);
            double t = MPI.wtime() - t0;
            check(got, count, bytes, "send/recv");
            System.out.print(String.format("rank 1 received an object of %d bytes (%.2f GiB) in %.2f s: OK%n", total,
                    total / (double) (1L << 30), t));
        }
        comm.barrier();
        Object all = comm.bcastObject(payload, 0);
        check(all, count, bytes, "bcast");
        System.out.print(String.format("rank %d: broadcast object of %.2f GiB OK%n", rank, total / (double) (1L << 30)));
    }
}
