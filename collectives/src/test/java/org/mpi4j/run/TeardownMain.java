package org.mpi4j.run;

import org.mpi4j.MPI;

/**
 * A job in which one rank ends badly while the others are blocked, for {@link TeardownTest}:
 * {@code TeardownMain CASE} on 3 ranks. Ranks 0 and 2 tell rank 1 they are about to block, then block for good
 * (rank 0 in a receive from rank 1, rank 2 in a barrier rank 1 never enters). Rank 1 waits for both, gives them
 * 300 ms to be inside those calls, prints {@code EVENT CASE pid=P t=MILLIS} and does CASE:
 * <ul>
 *   <li>{@code throw-main}: throws from main;</li>
 *   <li>{@code throw-thread}: a worker thread throws while main waits for it;</li>
 *   <li>{@code exit}: {@code System.exit(3)};</li>
 *   <li>{@code halt}: {@code Runtime.halt(3)};</li>
 *   <li>{@code abort}: {@code MPI.abort(3)};</li>
 *   <li>{@code kill}: blocks like the others until the test kills it with SIGKILL;</li>
 *   <li>{@code term}: blocks like the others until the test sends it SIGTERM;</li>
 *   <li>{@code normal}: sends rank 0 its message and joins the barrier, so every rank returns from main;</li>
 *   <li>{@code finalize-exit}: as {@code normal}, and then every rank calls {@code MPI.finalizeMPI()} and
 *       {@code System.exit(0)};</li>
 *   <li>{@code single-exit} (on 1 rank): {@code System.exit(5)} right after MPI starts.</li>
 * </ul>
 * Output "AFTER ..." means a rank went past a point the job should never reach.
 */
public final class TeardownMain {
    private TeardownMain() { }

    /** {@code TeardownMain CASE}. */
    public static void main(String[] args) throws Exception {
        String what = args[0];
        int rank = MPI.COMM_WORLD.getRank();
        if (what.equals("single-exit")) {
            System.out.println("EVENT " + what + " pid=" + ProcessHandle.current().pid() + " t=" + System.currentTimeMillis());
            System.out.flush();
            System.exit(5);
        }
        if (MPI.COMM_WORLD.getSize() != 3) {
            throw new IllegalStateException("run on 3 ranks");
        }
        boolean normal = what.equals("normal") || what.equals("finalize-exit");
        int[] one = new int[1];
        if (rank != 1) {
            MPI.COMM_WORLD.send(new int[] {rank}, 1, 7);
            if (rank == 0) {
                MPI.COMM_WORLD.recv(one, 1, 8);
            }
            MPI.COMM_WORLD.barrier();
            if (!normal) {
                System.out.println("AFTER rank " + rank + " got past its blocking call");
            }
        } else {
            MPI.COMM_WORLD.recv(one, 0, 7);
            MPI.COMM_WORLD.recv(one, 2, 7);
            Thread.sleep(300);
            System.out.println("EVENT " + what + " pid=" + ProcessHandle.current().pid() + " t=" + System.currentTimeMillis());
            System.out.flush();
            switch (what) {
                case "throw-main":
                    throw new IllegalStateException("rank 1 fails in main");
                case "throw-thread":
                    Thread t = new Thread(() -> {
                        throw new IllegalStateException("rank 1 fails in a worker thread");
                    }, "worker");
                    t.start();
                    t.join();
                    Thread.sleep(30_000);
                    break;
                case "exit":
                    System.exit(3);
                    break;
                case "halt":
                    Runtime.getRuntime().halt(3);
                    break;
                case "abort":
                    MPI.abort(3);
                    break;
                case "kill":
                case "term":
                    MPI.COMM_WORLD.barrier();
                    break;
                case "normal":
                case "finalize-exit":
                    MPI.COMM_WORLD.send(new int[] {1}, 0, 8);
                    MPI.COMM_WORLD.barrier();
                    break;
                default:
                    throw new IllegalArgumentException("unknown case " + what);
            }
            if (!normal) {
                System.out.println("AFTER rank 1 went on after " + what);
            }
        }
        if (what.equals("finalize-exit")) {
            MPI.finalizeMPI();
            System.exit(0);
        }
    }
}
