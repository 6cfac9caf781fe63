package org.mpi4j.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mpi4j.MPI;
import org.mpi4j.Prequest;

/**
 * Ping-pong between rank 0 and rank 1 with persistent requests (MPI_Send_init / MPI_Recv_init, started each round),
 * printing a short latency and bandwidth table over direct (off-heap, zero-copy) buffers. Other ranks idle. Indicative
 * only: the measured comparison with C is the jmh module's job.
 */
public final class PersistentPingPong {
    private PersistentPingPong() { }

    private static int warmup(int bytes) {
        return bytes <= 65536 ? 2000 : 50;
    }

    /** Optional argument: iterations per size (default 20000). */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        Check.that(comm.getSize() >= 2, "run on at least 2 ranks");
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        if (rank > 1) {
            return;
        }
        int peer = 1 - rank;
        if (rank == 0) {
            System.out.print(String.format("%12s %14s %14s%n", "bytes", "latency (us)", "bandwidth (MB/s)")); // one write per line, so ranks do not interleave
        }
        for (int bytes : new int[] {0, 8, 1024, 65536, 1 << 20}) {
            ByteBuffer out = ByteBuffer.allocateDirect(Math.max(bytes, 8)).order(ByteOrder.nativeOrder()).limit(bytes);
            ByteBuffer in = ByteBuffer.allocateDirect(Math.max(bytes, 8)).order(ByteOrder.nativeOrder()).limit(bytes);
            try (Prequest send = comm.sendInit(out, peer, 1); Prequest recv = comm.recvInit(in, peer, 1)) {
                double start = 0;
                for (int i = -warmup(bytes); i < iterations; i++) { // warm-up rounds let the JIT compile the loop
                    if (i == 0) {
                        start = MPI.wtime();
                    }
                    if (bytes >= 8) {
                        out.putLong(0, (long) i * 2 + rank);
                    }
                    if (rank == 0) {
                        send.start();
                        send.waitFor();
                        recv.start();
                        recv.waitFor();
                        if (bytes >= 8) {
                            Check.that(in.getLong(0) == (long) i * 2 + 1, "pong " + i + " carried " + in.getLong(0));
                        }
                    } else {
                        recv.start();
                        recv.waitFor();
                        if (bytes >= 8) {
                            Check.that(in.getLong(0) == (long) i * 2, "ping " + i + " carried " + in.getLong(0));
                        }
                        send.start();
                        send.waitFor();
                    }
                }
                double oneWay = (MPI.wtime() - start) / iterations / 2;
                if (rank == 0) {
                    System.out.print(String.format("%12d %14.2f %14.1f%n", bytes, oneWay * 1e6, bytes / oneWay / 1e6)); // one write per line, so ranks do not interleave
                }
            }
        }
    }
}
