package org.mpi4j.examples;

import java.util.Map;
import org.mpi4j.MPI;
import org.mpi4j.ObjectRequest;

/** The mpi4py tutorial's "Python objects" point-to-point: a map {a: 7, b: 3.14} from 0 to 1, blocking and nonblocking. */
public final class PointToPointObjects {
    private PointToPointObjects() { }

    /** Needs at least 2 ranks; ranks above 1 take no part. */
    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        Check.that(comm.getSize() >= 2, "run on at least 2 ranks");
        Map<String, Object> data = Map.of("a", 7, "b", 3.14);
        if (rank == 0) {
            comm.sendObject(data, 1, 11);
            ObjectRequest req = comm.isendObject(data, 1, 12);
            req.waitFor();
        } else if (rank == 1) {
            Object blocking = comm.recvObject(0, 11);
            ObjectRequest req = comm.irecvObject(0, 12);
            Object nonblocking = req.waitObject();
            Check.that(data.equals(blocking), "blocking receive got " + blocking);
            Check.that(data.equals(nonblocking), "nonblocking receive got " + nonblocking);
            System.out.print(String.format("rank 1 received %s (blocking) and %s (nonblocking): OK%n",
                    new java.util.TreeMap<>((Map<?, ?>) blocking), new java.util.TreeMap<>((Map<?, ?>) nonblocking)));
        }
    }
}
