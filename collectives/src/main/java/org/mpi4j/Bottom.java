package org.mpi4j;

import org.mpi4j.buffers.BufferProvider;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.jni.LibMpi;

/**
 * MPI_BOTTOM, the address 0 that datatypes built from absolute addresses ({@link MPI#getAddress}) are relative to.
 * Use it as the buffer of a {@link org.mpi4j.buffers.BufferSpec} with such a datatype:
 * {@code comm.send(BufferSpec.of(MPI.BOTTOM, 1, structOfAbsoluteAddresses), dest, tag)}. It reaches MPI as
 * MPI_BOTTOM itself. Bounds cannot be checked (the datatype's addresses are the program's promise, as in C), so use it
 * only with addresses of live off-heap memory; a heap array has no address to put in a datatype.
 */
public final class Bottom {
    /** The one MPI_BOTTOM marker ({@link MPI#BOTTOM}). */
    static final Bottom INSTANCE = new Bottom();

    private Bottom() { }

    @Override
    public String toString() {
        return "MPI_BOTTOM";
    }

    /** The buffer provider that describes {@link MPI#BOTTOM}: all of memory from address MPI_BOTTOM, as bytes. */
    public static final class Provider implements BufferProvider {
        /** Creates the provider (ServiceLoader). */
        public Provider() { }

        /** True for {@link Bottom}. */
        @Override
        public boolean supports(Class<?> type) {
            return type == Bottom.class;
        }

        /** Describes memory from MPI_BOTTOM, unbounded: the datatype's absolute addresses say where data is. */
        @Override
        public void describe(Object buffer, MessageBuffer out) {
            out.describeAddress(buffer, LibMpi.MPI_BOTTOM(), Long.MAX_VALUE - LibMpi.MPI_BOTTOM(), ElementType.RAW,
                    false);
        }
    }
}
