package org.mpi4j;

/**
 * Argument checks shared by the handle types: a null where MPI needs an object is an {@link MPIException} that names
 * the parameter, never a NullPointerException from deep inside a call.
 */
final class Args {
    private Args() { }

    /** {@code value}, or an MPIException (MPI_ERR_ARG) saying that parameter {@code name} is null. */
    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, name + " must not be null");
        }
        return value;
    }

    /** The handle of a communicator argument; null is MPI_ERR_COMM. */
    static long comm(Comm c, String name) {
        if (c == null) {
            throw new MPIException(ErrorClasses.ERR_COMM, name + " must not be null (a communicator; MPI.COMM_NULL is not usable either)");
        }
        return c.handle();
    }

    /** The handle of a group argument; null is MPI_ERR_GROUP. */
    static long group(Group g, String name) {
        if (g == null) {
            throw new MPIException(ErrorClasses.ERR_GROUP, name + " must not be null (a group, e.g. Group.EMPTY)");
        }
        return g.handle();
    }

    /** The handle of an op argument; null is MPI_ERR_OP. */
    static long op(Op op) {
        if (op == null) {
            throw new MPIException(ErrorClasses.ERR_OP, "op must not be null (Op.SUM, Op.MAX..., or Op.create)");
        }
        return op.handle();
    }

    /** The handle of an info argument; null means MPI_INFO_NULL, as an omitted info does in mpi4py. */
    static long info(Info info) {
        return info == null ? Info.NULL.handle() : info.handle();
    }
}
