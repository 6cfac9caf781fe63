package org.mpi4j.obj;

/** A class outside the default allow-list, for local serializer checks. */
public final class Unlisted implements java.io.Serializable {
    /** Some state. */
    public int value = 42;
}
