/* The kernels of mpi4j_bench.c, see mpi4j_bench_kernels.h. */
#include "mpi4j_bench_kernels.h"
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file of the io cases (MPI4J_BENCH_IO_FILE), opened on first use and closed before MPI_Finalize. */
static MPI_File io_file = MPI_FILE_NULL;

void mpi4j_bench_op(const char* op, char* a, char* b, double* x, double* y, long size, int rank, int nprocs,
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

char* mpi4j_bench_alloc(long bytes, int huge) {
    const long page = 2L << 20;
    /* huge: whole 2 MiB pages at any size (a 1 MiB buffer too: its copies are 3x faster in one huge page) */
    if (bytes < page && !huge) return malloc(bytes);
    long size = (bytes + page - 1) / page * page;
    void* p = NULL;
    if (posix_memalign(&p, huge ? page : 4096, size) != 0) return NULL;
    /* before the first touch: with huge set, huge pages as numpy's arrays get; without, small pages for sure (not
     * left to malloc's tunables or khugepaged), so "C" stays plain C */
    madvise(p, size, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    return p;
}

void mpi4j_bench_free(intptr_t address) {
    free((void*)address);
}


void mpi4j_bench_batch(const char* op, long size, long batch, intptr_t a, intptr_t b, intptr_t win) {
    int rank, nprocs;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &nprocs);
    char* pa = (char*)a;
    char* pb = (char*)b;
    for (long k = 0; k < batch; k++) {
        mpi4j_bench_op(op, pa, pb, (double*)pa, (double*)pb, size, rank, nprocs, (MPI_Win)win);
    }
}

void mpi4j_bench_close(void) {
    if (io_file != MPI_FILE_NULL) {
        MPI_File_close(&io_file);
    }
}
