/*
 * The C side of mpi4j's benchmarks: the same operations, sizes and method as the Java benchmarks (jmh/), on the
 * same MPI. Usage: mpi4j_bench OP SIZE BATCH WARMUP MEASURE
 *   OP: pingpong (SIZE bytes, rank 0 <-> 1), allreduce (SIZE doubles, MPI_SUM), bcast (SIZE bytes from rank 0),
 *       ring (SIZE bytes: isend to next, irecv from prev, waitall),
 *       put / get (SIZE bytes, rank 0 -> window of rank 1, then MPI_Win_flush, in a lock_all epoch held by rank 0),
 *       putfence (SIZE bytes, rank 0 -> window of rank 1, then MPI_Win_fence on every rank)
 * An iteration runs BATCH operations and is timed as a whole; WARMUP iterations are discarded, then the mean time
 * per operation over MEASURE iterations is printed by rank 0 as: RESULT c OP SIZE seconds_per_op
 * (for pingpong an operation is one round trip). Every rank runs exactly the same number of operations.
 * OP hello: MPI_Init_thread, one line per rank, MPI_Finalize (the start-up case; the caller times the whole job).
 */
#include "mpi4j_bench_kernels.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: mpi4j_bench OP SIZE BATCH WARMUP MEASURE\n");
        return 2;
    }
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
    if (strcmp(argv[1], "hello") == 0) {
        int r, n;
        MPI_Comm_rank(MPI_COMM_WORLD, &r);
        MPI_Comm_size(MPI_COMM_WORLD, &n);
        printf("hello from rank %d of %d\n", r, n);
        MPI_Finalize();
        return 0;
    }
    int rank, nprocs;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &nprocs);
    const char* op = argv[1];
    long size = atol(argv[2]);
    long batch = atol(argv[3]);
    int warmup = atoi(argv[4]);
    int measure = atoi(argv[5]);
    long bytes = strcmp(op, "allreduce") == 0 ? size * (long)sizeof(double) : size;
    /* MPI4J_BENCH_HUGE=1: buffers 2 MiB aligned and advised for transparent huge pages, as numpy's are */
    int huge = getenv("MPI4J_BENCH_HUGE") != NULL && strcmp(getenv("MPI4J_BENCH_HUGE"), "1") == 0;
    char* a = mpi4j_bench_alloc(bytes > 0 ? bytes : 1, huge);
    char* b = mpi4j_bench_alloc(bytes > 0 ? bytes : 1, huge);
    memset(a, rank + 1, bytes > 0 ? bytes : 1);
    memset(b, 0, bytes > 0 ? bytes : 1);
    double* x = (double*)a;
    double* y = (double*)b;
    /* one-sided ops: a window of SIZE bytes on every rank, made by MPI (MPI_Win_allocate), outside the timing */
    MPI_Win win = MPI_WIN_NULL;
    int rma = strcmp(op, "put") == 0 || strcmp(op, "get") == 0 || strcmp(op, "putfence") == 0;
    int passive = rma && strcmp(op, "putfence") != 0;
    if (rma) {
        void* wbase;
        MPI_Win_allocate(bytes > 0 ? bytes : 1, 1, MPI_INFO_NULL, MPI_COMM_WORLD, &wbase, &win);
        if (passive) {
            if (rank == 0) MPI_Win_lock_all(0, win);
        } else {
            MPI_Win_fence(0, win);
        }
    }
    double total = 0;
    for (int it = 0; it < warmup + measure; it++) {
        MPI_Barrier(MPI_COMM_WORLD);
        double t0 = MPI_Wtime();
        for (long k = 0; k < batch; k++) {
            mpi4j_bench_op(op, a, b, x, y, size, rank, nprocs, win);
        }
        double t = MPI_Wtime() - t0;
        if (it >= warmup) total += t;
    }
    if (rma) {
        if (passive && rank == 0) MPI_Win_unlock_all(win);
        MPI_Win_free(&win);
    }
    if (rank == 0) {
        printf("RESULT %s %s %ld %.6e\n", huge ? "chuge" : "c", op, size, total / measure / batch);
    }
    mpi4j_bench_close();
    free(a);
    free(b);
    MPI_Finalize();
    return 0;
}
