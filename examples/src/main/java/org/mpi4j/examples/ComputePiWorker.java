package org.mpi4j.examples;

import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.Op;

/** A worker of {@link ComputePi}: its share of the midpoint rule for the integral of 4 / (1 + x^2) over [0, 1]. */
public final class ComputePiWorker {
    private ComputePiWorker() { }

    /** Entry point (started by {@link ComputePi} through spawnJava). */
    public static void main(String[] args) {
        Intercomm parent = Intercomm.getParent();
        if (parent == null) {
            throw new IllegalStateException("ComputePiWorker is started by ComputePi, not directly");
        }
        int size = parent.getSize();
        int rank = parent.getRank();
        if (args.length > 0 && args[0].equals("objects")) {
            try (Intracomm all = parent.merge(true)) {         // after the master
                int n = (Integer) all.bcastObject(null, 0);
                all.reduceObject(partial(n, rank, size), (a, b) -> (Double) a + (Double) b, 0);
            }
        } else {
            int[] n = new int[1];
            parent.bcast(n, 0);                                 // from rank 0 of the remote (master) group
            parent.reduce(new double[] {partial(n[0], rank, size)}, null, Op.SUM, 0);
        }
        parent.disconnect();
    }

    static double partial(int n, int rank, int size) {
        double h = 1.0 / n;
        double s = 0;
        for (int i = rank; i < n; i += size) {
            double x = h * (i + 0.5);
            s += 4.0 / (1.0 + x * x);
        }
        return s * h;
    }
}
