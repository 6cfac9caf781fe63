/* A small MPI library as users have them: functions that take MPI handles. The interop examples wrap it with
 * JavaCPP (org.mpi4j.examples.interop.HelloLib) and call it with mpi4j's communicators and datatypes. */
#ifndef MPI4J_EXAMPLE_HELLO_H
#define MPI4J_EXAMPLE_HELLO_H
/* no MPI C++ bindings when this header is compiled as C++ (JavaCPP's generated JNI code is C++) */
#ifndef OMPI_SKIP_MPICXX
#define OMPI_SKIP_MPICXX 1
#endif
#ifndef MPICH_SKIP_MPICXX
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>
#ifdef __cplusplus
extern "C" {
#endif
/* Prints "Hello, World! I am process R of N (C library)." for comm. Returns MPI's error code. */
int hello_c(MPI_Comm comm);
/* Sums count elements of type (MPI_DOUBLE or MPI_INT) at buf over comm into *out (the same value on every process). */
int hello_sum(const void* buf, int count, MPI_Datatype type, MPI_Comm comm, double* out);
/* A duplicate of comm made by native code, for Java to wrap (mpi4j's Comm.fromHandle). */
MPI_Comm hello_dup(MPI_Comm comm);
/* The Fortran subroutine hello_f (hello_f.f90): takes a Fortran communicator handle. */
void hello_f(int fcomm);
#ifdef __cplusplus
}
#endif
#endif
