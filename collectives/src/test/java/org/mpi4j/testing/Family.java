package org.mpi4j.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mpi4j.MPI;
import org.mpi4j.run.Mpirun;

/**
 * The MPI implementation family the ranks run on, read from {@link MPI#getLibraryVersion()}, so a test can assert
 * each family's documented behaviour where the standard leaves it to the implementation (error classes, attribute
 * values, f2c of unknown indices...). Anything else is a failure: a test must know what it checks.
 */
public enum Family {
    /** Open MPI (4.1 here): pointer handles, orterun. */
    OPEN_MPI,
    /** MPICH (4.0 here): int handles, hydra. */
    MPICH;

    /** The family of the MPI library this process has loaded (initialises MPI). */
    public static Family current() {
        String v = MPI.getLibraryVersion();
        if (v.startsWith("Open MPI")) {
            return OPEN_MPI;
        }
        if (v.startsWith("MPICH")) {
            return MPICH;
        }
        throw new AssertionError("an MPI library the tests do not know: " + v);
    }

    /**
     * True for an MPICH 4.0 built with the ch4:ucx device (Debian's mpich, what the tests run on), which has no
     * dynamic processes: mpi4j documents that spawn, ports, connect/accept and join are then refused with
     * MPI_ERR_UNSUPPORTED_OPERATION, and the dynamic-process tests assert exactly that there.
     */
    public static boolean mpichWithoutDynamicProcesses() {
        String v = MPI.getLibraryVersion();
        return current() == MPICH && v.contains("ch4:ucx") && v.matches("(?s)MPICH Version:\\s*4\\.0\\b.*");
    }

    /**
     * As {@link #mpichWithoutDynamicProcesses} for the MPI the tests launch, asked from a JUnit-side test that does not
     * initialise MPI itself: a 1-rank job prints the library version.
     */
    public static boolean launchedMpiHasNoDynamicProcesses() {
        if (ofLauncher() != MPICH) {
            return false;
        }
        try {
            MpiTestKit.Result r = MpiTestKit.run(1, LibraryVersion.class.getName());
            if (r.exitCode() != 0) {
                throw new AssertionError("cannot read the MPI library version:\n" + r.output());
            }
            return r.output().contains("ch4:ucx") && r.output().matches("(?s).*MPICH Version:\\s*4\\.0\\b.*");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The family of the mpiexec the tests launch jobs with ({@link Mpirun#mpiexec()}), from its {@code --version}: for
     * JUnit-side tests that check launcher behaviour without initialising MPI themselves.
     */
    public static Family ofLauncher() {
        try {
            Process p = new ProcessBuilder(Mpirun.mpiexec(), "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (v.contains("(OpenRTE)") || v.contains("Open MPI")) {
                return OPEN_MPI;
            }
            if (v.contains("HYDRA")) {
                return MPICH;
            }
            throw new AssertionError("an mpiexec the tests do not know: " + Mpirun.mpiexec() + " --version says " + v);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + Mpirun.mpiexec() + " --version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
