package org.mpi4j.jmh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.mpi4j.MPI;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.io.File;

/**
 * The io cases of {@code ./mpi4j bench}, run in each of 2 ranks: every rank writes (or reads) its block of SIZE bytes
 * at rank * SIZE of one file with {@link File#writeAtAll} / {@link File#readAtAll}, the pattern of the C program, and
 * prints {@code RESULT java-KIND OP SIZE SECONDS} per kind. I/O calls take milliseconds, so plain timing between
 * barriers serves (no JMH). Arguments: OP KINDS SIZE BATCH WARMUP MEASURE; the file is {@code MPI4J_BENCH_IO_FILE}.
 */
public final class IoBench {
    private IoBench() { }

    /** Entry point. */
    public static void main(String[] args) {
        String op = args[0];
        int size = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measure = Integer.parseInt(args[5]);
        String path = System.getenv("MPI4J_BENCH_IO_FILE");
        int rank = MPI.COMM_WORLD.getRank();
        long at = (long) rank * size;
        for (String kind : args[1].split(",")) {
            Object buf = switch (kind) {
                case "direct" -> ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                case "huge" -> Buffers.allocateDirect(size);
                case "array" -> new byte[size];
                default -> throw new IllegalArgumentException("io kinds: direct, huge, array; not " + kind);
            };
            boolean write = op.startsWith("iowrite");
            try (File f = File.open(MPI.COMM_WORLD, path, File.MODE_CREATE | File.MODE_RDWR)) {
                f.writeAtAll(at, buf);   // the data a read case reads
                double total = 0;
                for (int it = 0; it < warmup + measure; it++) {
                    MPI.COMM_WORLD.barrier();
                    long t0 = System.nanoTime();
                    for (int k = 0; k < batch; k++) {
                        if (write) {
                            f.writeAtAll(at, buf);
                        } else {
                            f.readAtAll(at, buf);
                        }
                    }
                    double t = (System.nanoTime() - t0) * 1e-9;
                    if (it >= warmup) {
                        total += t;
                    }
                }
                double[] worst = new double[1];
                MPI.COMM_WORLD.allreduce(new double[] {total}, worst, org.mpi4j.Op.MAX);
                if (rank == 0) {
                    System.out.print(String.format(java.util.Locale.ROOT, "RESULT java-%s %s %d %.6e%n", kind, op, size,
                            worst[0] / measure / batch));
                    System.out.flush();
                }
            }
        }
    }
}
