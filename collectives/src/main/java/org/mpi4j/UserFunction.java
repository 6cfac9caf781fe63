package org.mpi4j;

import java.nio.ByteBuffer;

/**
 * The body of a user-defined reduction (MPI_User_function), written in Java. MPI calls it with two vectors of
 * {@code count} elements of {@code datatype}; it must set {@code inoutvec[i] = invec[i] op inoutvec[i]}. The
 * buffers are native-order views over MPI's own memory (no copy), valid only during the call.
 */
@FunctionalInterface
public interface UserFunction {
    /**
     * Combines {@code invec} into {@code inoutvec}, element by element, for {@code count} elements.
     *
     * @param invec the input vector
     * @param inoutvec the input-output vector (holds the result)
     * @param count the number of elements
     * @param datatype the datatype
     */
    void apply(ByteBuffer invec, ByteBuffer inoutvec, int count, Datatype datatype);
}
