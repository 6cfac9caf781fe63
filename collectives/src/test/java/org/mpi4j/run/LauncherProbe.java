package org.mpi4j.run;

import org.mpi4j.MPI;

/** A rank program for {@link LauncherTest}: prints what the launcher gave it, one line per rank. */
public final class LauncherProbe {
    private LauncherProbe() { }

    /** Prints rank, size, the app.cpus property, the working directory, env FOO and the arguments. */
    public static void main(String[] args) {
        int rank = MPI.COMM_WORLD.getRank();
        MPI.COMM_WORLD.barrier();
        System.out.println("probe rank=" + rank + " size=" + MPI.COMM_WORLD.getSize() + " cpus=" + System.getProperty("app.cpus")
                + " dir=" + System.getProperty("user.dir") + " foo=" + System.getenv("FOO") + " args=" + String.join(",", args));
    }
}
