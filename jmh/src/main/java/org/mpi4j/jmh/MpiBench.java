package org.mpi4j.jmh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TinyIntVector;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Pickle;
import org.mpi4j.Request;
import org.mpi4j.Win;
import org.mpi4j.buffers.BufferSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Java side of the MPI benchmarks, run by JMH inside every MPI rank ({@link RankBench}, no fork). The mode is
 * single-shot with a fixed batch, so every rank runs exactly the same number of operations; each iteration starts
 * with a barrier (outside the timing), as in the C program. Operations as in {@code mpi4j_bench.c}: pingpong (size
 * bytes, a round trip between ranks 0 and 1), allreduce (size doubles, SUM), bcast (size bytes from 0), ring (size
 * bytes, isend to next + irecv from prev + waitAll), put / get (size bytes from rank 0 into / out of rank 1's window
 * made by Win.allocate, then flush, in a lockAll epoch rank 0 holds for the trial), putfence (put, then fence on
 * every rank); plus object (a round trip of a small map or a list of size
 * Doubles through the object path) and serialize (dumps + loads of the same object, no MPI).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MpiBench {
    /** Operation: pingpong, allreduce, bcast, ring, put, get, putfence, object, serialize. */
    @Param({"pingpong"})
    public String op;
    /**
     * Buffer kind: direct, huge, array, arrow, nd4j; c and chuge run the C kernels ({@link CKernels}) on direct
     * buffers (chuge: huge-page ones), {@link #cBatch} operations per invocation; for object/serialize: map or list.
     */
    @Param({"direct"})
    public String kind;
    /** Operations per invocation of the C kinds (JMH then runs batches of one invocation); 1 for Java kinds. */
    @Param({"1"})
    public int cBatch;
    /** Bytes (pingpong, bcast, ring) or doubles (allreduce) or list length (object list). */
    @Param({"8"})
    public int size;

    private int code;
    private int rank;
    private int nprocs;
    private Intracomm comm;
    private Object a;
    private Object b;
    private Object obj;
    private BufferAllocator alloc;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Request[] ring = new Request[2];
    private Win win;
    /** Native addresses of the C kinds' buffers and the window's handle (0: none). */
    private long cA;
    private long cB;
    private long cWin;
    private boolean isC;

    @Setup(Level.Trial)
    public void setup() {
        comm = MPI.COMM_WORLD;
        rank = comm.getRank();
        nprocs = comm.getSize();
        code = switch (op) {
            case "pingpong" -> 0;
            case "allreduce" -> 1;
            case "bcast" -> 2;
            case "ring" -> 3;
            case "object" -> 4;
            case "serialize" -> 5;
            case "put" -> 6;
            case "get" -> 7;
            case "putfence" -> 8;
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
        if (code == 4 || code == 5) {
            obj = "map".equals(kind) ? Map.of("a", 7, "b", 3.14) : doubles(size);
            return;
        }
        boolean dbl = code == 1;
        isC = kind.equals("c") || kind.equals("chuge");
        if (isC) {
            int bytes = Math.max(size * (dbl ? 8 : 1), 1);
            // the C program's memory (mpi4j_bench_alloc): plain C on small pages (khugepaged may not collapse it
            // meanwhile), C huge on huge pages from the first touch
            int huge = kind.equals("chuge") ? 1 : 0;
            cA = CKernels.mpi4j_bench_alloc(bytes, huge);
            cB = CKernels.mpi4j_bench_alloc(bytes, huge);
            ByteBuffer ba = org.mpi4j.buffers.DirectMemory.view(cA, bytes);
            ByteBuffer bbuf = org.mpi4j.buffers.DirectMemory.view(cB, bytes);
            for (int i = 0; i < bytes; i++) {
                ba.put(i, (byte) (rank + 1));
                bbuf.put(i, (byte) 0);
            }
            a = ba;
            b = bbuf;
        } else {
            a = buffer(dbl, size, 1);
            b = buffer(dbl, size, 0);
        }
        if (code >= 6) {
            // outside the timing, as in the C program: the window, and the epoch the operations run in
            win = Win.allocate(Math.max(size, 1), 1, Info.NULL, comm);
            if (code == 8) {
                win.fence();
            } else if (rank == 0) {
                win.lockAll();
            }
            cWin = win.handle();
        }
    }

    private static List<Double> doubles(int n) {
        List<Double> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i * 0.5);
        }
        return l;
    }

    /**
     * {@code b} with every byte written ({@code v}): memory that is only read by a benchmark (a bcast root's, a put's
     * source, an allreduce's input) must not be left untouched, or the kernel maps it all to its one zero page and the
     * reads come from cache. Every kind's memory is written before it is timed (the JDK zeroes allocateDirect memory,
     * Arrow and ND4J zero theirs, C's is filled in setup).
     */
    static ByteBuffer filled(ByteBuffer b, int v) {
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) v);
        }
        return b;
    }

    /** A buffer of the benchmark's kind holding n bytes (or n doubles), filled with v. */
    private Object buffer(boolean dbl, int n, int v) {
        Object buf;
        switch (kind) {
            case "direct": {
                ByteBuffer bb = ByteBuffer.allocateDirect(Math.max(n * (dbl ? 8 : 1), 1)).order(ByteOrder.nativeOrder());
                buf = dbl ? bb.asDoubleBuffer() : bb;
                break;
            }
            case "huge": {
                // mpi4j's allocator for large messages: 2 MiB aligned, transparent huge pages from 1 MiB on
                ByteBuffer bb = filled(org.mpi4j.buffers.Buffers.allocateDirect(Math.max(n * (dbl ? 8 : 1), 1)), v);
                buf = dbl ? bb.asDoubleBuffer() : bb;
                break;
            }
            case "array":
                buf = dbl ? new double[Math.max(n, 1)] : new byte[Math.max(n, 1)];
                break;
            case "arrow":
            case "arrowhuge": {
                if (alloc == null) {
                    // arrowhuge: mpi4j's allocation manager (2 MiB aligned, huge pages from the first touch)
                    alloc = kind.equals("arrow") ? new RootAllocator()
                            : org.mpi4j.buffers.arrow.HugePageAllocationManager.rootAllocator();
                }
                if (dbl) {
                    Float8Vector f = new Float8Vector("x", alloc);
                    f.allocateNew(Math.max(n, 1));
                    for (int i = 0; i < n; i++) {
                        f.set(i, v);
                    }
                    f.setValueCount(n);
                    closeables.add(f);
                    buf = f;
                } else {
                    TinyIntVector t = new TinyIntVector("x", alloc);
                    t.allocateNew(Math.max(n, 1));
                    t.setValueCount(n);
                    closeables.add(t);
                    buf = t;
                }
                break;
            }
            case "nd4j":
                buf = Nd4j.create(dbl ? DataType.DOUBLE : DataType.BYTE, Math.max(n, 1));
                break;
            case "nd4jhuge":
                // what docs/buffers.md tells ND4J users: an INDArray over mpi4j's huge-page allocator
                buf = org.mpi4j.buffers.nd4j.Nd4jMemory.wrap(filled(org.mpi4j.buffers.Buffers.allocateDirect(Math.max(n * (dbl ? 8 : 1), 1)), v),
                        dbl ? DataType.DOUBLE : DataType.BYTE, Math.max(n, 1));
                break;
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
        // a zero-byte message: the same buffer with an explicit count of 0 (made once, no per-call allocation)
        return n == 0 ? BufferSpec.of(buf, 0, 0, null) : buf;
    }

    @Setup(Level.Iteration)
    public void sync() {
        comm.barrier();
    }

    @Benchmark
    public Object run() {
        if (isC) {
            CKernels.mpi4j_bench_batch(op, size, cBatch, cA, cB, cWin);
            return a;
        }
        switch (code) {
            case 0:
                if (rank == 0) {
                    comm.send(a, 1, 0);
                    comm.recv(a, 1, 0);
                } else if (rank == 1) {
                    comm.recv(a, 0, 0);
                    comm.send(a, 0, 0);
                }
                return null;
            case 1:
                comm.allreduce(a, b, Op.SUM);
                return null;
            case 2:
                comm.bcast(a, 0);
                return null;
            case 3:
                ring[0] = comm.irecv(b, (rank - 1 + nprocs) % nprocs, 1);
                ring[1] = comm.isend(a, (rank + 1) % nprocs, 1);
                Request.waitAll(ring);
                return null;
            case 4:
                if (rank == 0) {
                    comm.sendObject(obj, 1, 0);
                    return comm.recvObject(1, 0);
                } else if (rank == 1) {
                    Object o = comm.recvObject(0, 0);
                    comm.sendObject(o, 0, 0);
                    return o;
                }
                return null;
            case 6:
                if (rank == 0) {
                    win.put(a, 1, 0);
                    win.flush(1);
                }
                return null;
            case 7:
                if (rank == 0) {
                    win.get(b, 1, 0);
                    win.flush(1);
                }
                return null;
            case 8:
                if (rank == 0) {
                    win.put(a, 1, 0);
                }
                win.fence();
                return null;
            default:
                return Pickle.get().loads(Pickle.get().dumps(obj));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (win != null) {
            if (code != 8 && rank == 0) {
                win.unlockAll();
            }
            win.free();
            win = null;
        }
        for (AutoCloseable c : closeables) {
            c.close();
        }
        closeables.clear();
        if (alloc != null) {
            alloc.close();
            alloc = null;
        }
        if (isC) {
            a = null;
            b = null;
            CKernels.mpi4j_bench_free(cA);
            CKernels.mpi4j_bench_free(cB);
            cA = 0;
            cB = 0;
        }
    }
}
