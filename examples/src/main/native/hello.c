/* The C side of the interop examples: compiled into libhello.a with mpicc by the build. */
#include <stdio.h>
#include "hello.h"

int hello_c(MPI_Comm comm) {
    int rank, size, len;
    char name[MPI_MAX_PROCESSOR_NAME];
    int rc = MPI_Comm_rank(comm, &rank);
    if (rc == MPI_SUCCESS) rc = MPI_Comm_size(comm, &size);
    if (rc != MPI_SUCCESS) return rc;
    MPI_Get_processor_name(name, &len);
    printf("Hello, World! I am process %d of %d on %s (C library).\n", rank, size, name);
    fflush(stdout);
    return MPI_SUCCESS;
}

int hello_sum(const void* buf, int count, MPI_Datatype type, MPI_Comm comm, double* out) {
    double local = 0;
    int i;
    if (type == MPI_DOUBLE) {
        for (i = 0; i < count; i++) local += ((const double*)buf)[i];
    } else if (type == MPI_INT) {
        for (i = 0; i < count; i++) local += ((const int*)buf)[i];
    } else {
        return MPI_ERR_TYPE;
    }
    return MPI_Allreduce(&local, out, 1, MPI_DOUBLE, MPI_SUM, comm);
}

MPI_Comm hello_dup(MPI_Comm comm) {
    MPI_Comm dup = MPI_COMM_NULL;
    MPI_Comm_dup(comm, &dup);
    return dup;
}
