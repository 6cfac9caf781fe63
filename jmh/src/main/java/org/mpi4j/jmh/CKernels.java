package org.mpi4j.jmh;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The C benchmark kernels ({@code src/main/c/mpi4j_bench_kernels.c}, built with mpicc into a static library and wrapped
 * with JavaCPP), called from the JVM ranks so that C and Java run in the same processes, interleaved: the kinds
 * {@code c} and {@code chuge} of {@link MpiBench} time {@link #batch} as one JMH invocation of a whole batch, so the C
 * side pays one JNI transition per batch, not per operation.
 */
@Platform(include = "mpi4j_bench_kernels.h", link = "mpi4jbenchk")
@NoException
public final class CKernels {
    static {
        Loader.load();
    }

    private CKernels() { }

    /**
     * {@code mpi4j_bench_batch}: {@code batch} operations {@code op} of {@code size} bytes (allreduce: doubles) on
     * the native memory at {@code a} and {@code b} and the window {@code win} (0 for none), exactly as the C program.
     *
     * @param op    pingpong, allreduce, bcast, ring, put, get or putfence
     * @param size  bytes (doubles for allreduce)
     * @param batch operations to run
     * @param a     address of the first buffer (sent)
     * @param b     address of the second buffer (received)
     * @param win   an MPI_Win handle, or 0
     */
    public static native void mpi4j_bench_batch(String op, long size, long batch, @Cast("intptr_t") long a,
                                                @Cast("intptr_t") long b, @Cast("intptr_t") long win);

    /**
     * {@code mpi4j_bench_alloc}: native memory as the C program gets it (free it with {@link #mpi4j_bench_free}): with {@code huge} = 1 whole
     * 2 MiB pages, huge-page advised, at any size; with 0 small pages from 2 MiB (malloc below).
     *
     * @param bytes how many bytes
     * @param huge  1 for transparent huge pages, 0 for small pages
     * @return the address
     */
    public static native @Cast("intptr_t") long mpi4j_bench_alloc(long bytes, int huge);

    /**
     * {@code mpi4j_bench_free}: frees memory from {@link #mpi4j_bench_alloc}.
     *
     * @param address the address, or 0
     */
    public static native void mpi4j_bench_free(@Cast("intptr_t") long address);

    /** {@code mpi4j_bench_close}: closes the io cases' file of the C kernels, if they opened it (before MPI_Finalize). */
    public static native void mpi4j_bench_close();
}
