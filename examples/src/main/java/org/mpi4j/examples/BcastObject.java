package org.mpi4j.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpi4j.MPI;

/**
 * The mpi4py tutorial's broadcast of a dictionary: {key1: [7, 2.72, 2+3j], key2: ("abc", "xyz")} from rank 0.
 * Java has no complex type: the complex number travels as a record of two doubles, the tuple as a List.
 */
public final class BcastObject {
    private BcastObject() { }

    /** A complex number (real, imaginary). */
    public record Complex(double re, double im) { }

    static {
        org.mpi4j.Pickle.get().allowList().allow(Complex.class);
    }

    static Map<String, Object> data() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key1", List.of(7, 2.72, new Complex(2, 3)));
        d.put("key2", List.of("abc", "xyz"));
        return d;
    }

    /** Runs on any number of ranks. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        Object got = comm.bcastObject(rank == 0 ? data() : null, 0);
        Check.that(data().equals(got), "broadcast gave " + got);
        System.out.print(String.format("rank %d of %d: %s OK%n", rank, comm.getSize(), got));
    }
}
