package org.mpi4j.examples;

import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * The mpi4py manual's compute-pi master: spawns Java workers ({@link ComputePiWorker}), broadcasts the number of
 * intervals to them over the intercommunicator, reduces their partial sums back and disconnects.
 * {@code ComputePi [WORKERS [INTERVALS [arrays|objects]]]}: "arrays" is the manual's buffer version (bcast/reduce with
 * MPI.ROOT over the intercommunicator), "objects" merges parent and workers into one intracommunicator and uses the
 * object collectives. Run it on one rank: {@code ./mpi4j run -n 1 org.mpi4j.examples.ComputePi 3}.
 */
public final class ComputePi {
    private ComputePi() { }

    /** Entry point. */
    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String mode = args.length > 2 ? args[2] : "arrays";
        Intercomm comm = MPI.COMM_SELF.spawnJava(ComputePiWorker.class, new String[] {mode}, workers);
        double pi;
        if (mode.equals("objects")) {
            try (Intracomm all = comm.merge(false)) {          // the master is rank 0 of the merged group
                all.bcastObject(n, 0);
                pi = (Double) all.reduceObject(0.0, (a, b) -> (Double) a + (Double) b, 0);
            }
        } else {
            comm.bcast(new int[] {n}, MPI.ROOT);                // this side is the root group
            double[] sum = new double[1];
            comm.reduce(null, sum, Op.SUM, MPI.ROOT);
            pi = sum[0];
        }
        comm.disconnect();
        System.out.printf("pi is approximately %.12f, error %.3e (%d workers, %d intervals, %s)%n", pi, Math.abs(pi - Math.PI),
                workers, n, mode);
    }
}
