package org.mpi4j.examples.interop;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * A user's own MPI library wrapped with JavaCPP (mpi4py's SWIG and F2Py items): {@code hello.h}'s C functions and the
 * Fortran subroutine {@code hello_f}, built by the examples' build into static libraries (mpicc, mpifort) and linked
 * into this class's JNI library with the MPI's C and Fortran libraries (the build passes those, so the same class
 * serves Open MPI and MPICH). MPI handles cross as {@code long} (mpi4j's {@code handle()}) and Fortran handles as {@code int}
 * ({@code toFortran()}).
 */
@Platform(include = "hello.h", link = {"hello", "hellof"})
public final class HelloLib {
    static {
        Loader.load();
    }

    private HelloLib() { }

    /** {@code int hello_c(MPI_Comm comm)}: prints a hello line for {@code comm}; MPI's error code. */
    public static native int hello_c(@Cast("MPI_Comm") long comm);

    /**
     * {@code int hello_sum(const void* buf, int count, MPI_Datatype type, MPI_Comm comm, double* out)} with Java
     * arrays for the buffer and the result (JavaCPP pins them for the call).
     */
    public static native int hello_sum(@Cast("const void*") double[] buf, int count, @Cast("MPI_Datatype") long type,
                                       @Cast("MPI_Comm") long comm, double[] out);

    /** The same with a direct NIO buffer for the data (by address, no copy). */
    public static native int hello_sum(@Cast("const void*") java.nio.DoubleBuffer buf, int count, @Cast("MPI_Datatype") long type,
                                       @Cast("MPI_Comm") long comm, double[] out);

    /** {@code MPI_Comm hello_dup(MPI_Comm comm)}: a communicator native code made, as a handle to wrap. */
    public static native @Cast("intptr_t") long hello_dup(@Cast("MPI_Comm") long comm);

    /** {@code hello_f(integer comm)}: the Fortran subroutine, given a Fortran communicator handle. */
    public static native void hello_f(int fcomm);
}
