package org.mpi4j.jmh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpi4j.MPI;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.io.File;

/**
 * The io cases of {@code ./mpi4j bench}, run in each of 2 ranks: every rank writes (or reads) its block of SIZE bytes
 * at rank * SIZE of one file with {@link File#writeAtAll} / {@link File#readAtAll}, the pattern of the C program. The
 * C kernel (kind {@code c}, {@link CKernels}, its own handle on the same file) and the Java kinds take turns, round
 * after round, each round in another order, so the page cache and the disk's writeback are in the same state for all
 * of them on average; rank 0 prints {@code RESULT WHO OP SIZE SECONDS} per kind, the median over the rounds. I/O calls
 * take milliseconds, so plain timing between barriers serves (no JMH). Arguments: OP KINDS SIZE BATCH WARMUP MEASURE
 * ROUNDS; the file is {@code MPI4J_BENCH_IO_FILE}.
 */
public final class IoBench {
    private IoBench() { }

    /**
     * Entry point.
     *
     * @param args OP KINDS SIZE BATCH WARMUP MEASURE ROUNDS
     */
    public static void main(String[] args) {
        String op = args[0];
        String[] kinds = args[1].split(",");
        int size = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measure = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        String path = System.getenv("MPI4J_BENCH_IO_FILE");
        int rank = MPI.COMM_WORLD.getRank();
        long at = (long) rank * size;
        boolean write = op.startsWith("iowrite");
        Map<String, Object> buffers = new LinkedHashMap<>();
        for (String kind : kinds) {
            // every buffer written before it is timed: a write case only reads its buffer, and memory never written
            // is the kernel's one zero page, read from cache (that made C and huge look 1.7x faster than direct)
            buffers.put(kind, switch (kind) {
                case "c" -> {
                    long address = CKernels.mpi4j_bench_alloc(size, 0);
                    MpiBench.filled(org.mpi4j.buffers.DirectMemory.view(address, size), rank + 1);
                    yield address;
                }
                case "direct" -> MpiBench.filled(ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder()), rank + 1);
                case "huge" -> MpiBench.filled(Buffers.allocateDirect(size), rank + 1);
                case "array" -> {
                    byte[] a = new byte[size];
                    java.util.Arrays.fill(a, (byte) (rank + 1));
                    yield a;
                }
                default -> throw new IllegalArgumentException("io kinds: c, direct, huge, array; not " + kind);
            });
        }
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        try (File f = File.open(MPI.COMM_WORLD, path, File.MODE_CREATE | File.MODE_RDWR)) {
            f.writeAtAll(at, buffers.values().stream().filter(b -> !(b instanceof Long)).findFirst()
                    .orElse(new byte[size]));   // the data a read case reads
            for (String kind : kinds) {
                once(f, op, write, at, size, batch, buffers.get(kind), warmup);   // warm-up, untimed
            }
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < kinds.length; k++) {
                    String kind = kinds[(k + round) % kinds.length];
                    perOp.computeIfAbsent(kind, x -> new ArrayList<>())
                            .add(once(f, op, write, at, size, batch, buffers.get(kind), measure) / measure / batch);
                }
            }
        } finally {
            CKernels.mpi4j_bench_close();
        }
        if (rank == 0) {
            for (Map.Entry<String, List<Double>> e : perOp.entrySet()) {
                double median = BenchMain.median(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                String who = e.getKey().equals("c") ? "c" : "java-" + e.getKey();
                System.out.print(String.format(java.util.Locale.ROOT, "RESULT %s %s %d %.6e%n", who, op, size, median));
            }
            System.out.flush();
        }
        for (Object b : buffers.values()) {
            if (b instanceof Long address) {
                CKernels.mpi4j_bench_free(address);
            }
        }
    }

    /** Seconds for {@code n} timed iterations of {@code batch} operations (the slowest rank's), between barriers. */
    private static double once(File f, String op, boolean write, long at, int size, int batch, Object buf, int n) {
        double total = 0;
        for (int it = 0; it < n; it++) {
            MPI.COMM_WORLD.barrier();
            long t0 = System.nanoTime();
            if (buf instanceof Long address) {
                CKernels.mpi4j_bench_batch(op, size, batch, address, address, 0);
            } else {
                for (int k = 0; k < batch; k++) {
                    if (write) {
                        f.writeAtAll(at, buf);
                    } else {
                        f.readAtAll(at, buf);
                    }
                }
            }
            total += (System.nanoTime() - t0) * 1e-9;
        }
        double[] worst = new double[1];
        MPI.COMM_WORLD.allreduce(new double[] {total}, worst, org.mpi4j.Op.MAX);
        return worst[0];
    }
}
