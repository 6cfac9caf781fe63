package org.mpi4j.obj;

/** A class no rank allows by default; its static initializer records whether a JVM ever initialised it. */
public final class Secret implements java.io.Serializable {
    static {
        System.setProperty("mpi4j.test.secretInitialised", "yes");
    }

    /** Some state. */
    public String payload = "do not deserialize me";
}
