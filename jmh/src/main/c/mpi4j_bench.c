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
 */
#include <mpi.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file of the io cases (MPI4J_BENCH_IO_FILE), opened on first use and closed before MPI_Finalize. */
static MPI_File io_file = MPI_FILE_NULL;

static void op_once(const char* op, char* a, char* b, double* x, double* y, long size, int rank, int nprocs,
                    MPI_Win win) {
    if (strncmp(op, "iowrite", 7) == 0 || strncmp(op, "ioread", 6) == 0) {
        /* collective I/O: every rank its block of `size` bytes at rank * size, as mpi4j's writeAtAll/readAtAll */
        MPI_Offset at = (MPI_Offset)rank * size;
        if (io_file == MPI_FILE_NULL) {
            MPI_File_open(MPI_COMM_WORLD, getenv("MPI4J_BENCH_IO_FILE"), MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL,
                          &io_file);
            MPI_File_write_at_all(io_file, at, a, (int)size, MPI_BYTE, MPI_STATUS_IGNORE);   /* data to read */
        }
        if (op[2] == 'w') {
            MPI_File_write_at_all(io_file, at, a, (int)size, MPI_BYTE, MPI_STATUS_IGNORE);
        } else {
            MPI_File_read_at_all(io_file, at, b, (int)size, MPI_BYTE, MPI_STATUS_IGNORE);
        }
    } else if (strcmp(op, "pingpong") == 0) {
        if (rank == 0) {
            MPI_Send(a, (int)size, MPI_SIGNED_CHAR, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(a, (int)size, MPI_SIGNED_CHAR, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(a, (int)size, MPI_SIGNED_CHAR, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(a, (int)size, MPI_SIGNED_CHAR, 0, 0, MPI_COMM_WORLD);
        }
    } else if (strcmp(op, "allreduce") == 0) {
        MPI_Allreduce(x, y, (int)size, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    } else if (strcmp(op, "bcast") == 0) {
        MPI_Bcast(a, (int)size, MPI_SIGNED_CHAR, 0, MPI_COMM_WORLD);
    } else if (strcmp(op, "ring") == 0) {
        MPI_Request r[2];
        MPI_Irecv(b, (int)size, MPI_SIGNED_CHAR, (rank - 1 + nprocs) % nprocs, 1, MPI_COMM_WORLD, &r[0]);
        MPI_Isend(a, (int)size, MPI_SIGNED_CHAR, (rank + 1) % nprocs, 1, MPI_COMM_WORLD, &r[1]);
        MPI_Waitall(2, r, MPI_STATUSES_IGNORE);
    } else if (strcmp(op, "put") == 0) {
        if (rank == 0) {
            MPI_Put(a, (int)size, MPI_SIGNED_CHAR, 1, 0, (int)size, MPI_SIGNED_CHAR, win);
            MPI_Win_flush(1, win);
        }
    } else if (strcmp(op, "get") == 0) {
        if (rank == 0) {
            MPI_Get(b, (int)size, MPI_SIGNED_CHAR, 1, 0, (int)size, MPI_SIGNED_CHAR, win);
            MPI_Win_flush(1, win);
        }
    } else if (strcmp(op, "putfence") == 0) {
        if (rank == 0) {
            MPI_Put(a, (int)size, MPI_SIGNED_CHAR, 1, 0, (int)size, MPI_SIGNED_CHAR, win);
        }
        MPI_Win_fence(0, win);
    }
}

static char* huge_alloc(long bytes, int huge) {
    const long page = 2L << 20;
    if (!huge || bytes < page) return malloc(bytes);
    long size = (bytes + page - 1) / page * page;
    void* p = NULL;
    if (posix_memalign(&p, page, size) != 0) return NULL;
    madvise(p, size, MADV_HUGEPAGE);
    return p;
}

int main(int argc, char** argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: mpi4j_bench OP SIZE BATCH WARMUP MEASURE\n");
        return 2;
    }
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
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
    char* a = huge_alloc(bytes > 0 ? bytes : 1, huge);
    char* b = huge_alloc(bytes > 0 ? bytes : 1, huge);
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
            op_once(op, a, b, x, y, size, rank, nprocs, win);
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
    if (io_file != MPI_FILE_NULL) {
        MPI_File_close(&io_file);
    }
    free(a);
    free(b);
    MPI_Finalize();
    return 0;
}
