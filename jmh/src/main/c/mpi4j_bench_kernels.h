/*
 * The C kernels of mpi4j's benchmarks, shared by the C program (mpi4j_bench.c) and the JVM ranks, which call them
 * through JNI (org.mpi4j.jmh.CKernels) between their own batches, so C and Java are timed in the same processes,
 * interleaved, on the same machine at the same moment.
 */
#ifndef MPI4J_BENCH_KERNELS_H
#define MPI4J_BENCH_KERNELS_H
/* JavaCPP compiles the JNI wrapper as C++: keep the MPI C++ bindings (and their library) out */
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One operation OP (see mpi4j_bench.c) on buffers a and b (x and y: the same, as doubles) of SIZE bytes (doubles). */
void mpi4j_bench_op(const char* op, char* a, char* b, double* x, double* y, long size, int rank, int nprocs, MPI_Win win);

/* BATCH operations OP of SIZE on the buffers at addresses a and b and the window win (0: none): for the JVM. */
void mpi4j_bench_batch(const char* op, long size, long batch, intptr_t a, intptr_t b, intptr_t win);

/* Closes the io cases' file, if open. */
void mpi4j_bench_close(void);

/* BYTES of memory; from 2 MiB, with huge set 2 MiB aligned and advised for transparent huge pages, without it
 * advised against them (small pages, whatever malloc's tunables say). */
char* mpi4j_bench_alloc(long bytes, int huge);

/* Frees memory from mpi4j_bench_alloc (address 0: nothing). */
void mpi4j_bench_free(intptr_t address);

#ifdef __cplusplus
}
#endif
#endif
