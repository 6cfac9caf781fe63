package org.mpi4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPIException;
import org.mpi4j.Op;

/** What the dataset writers share: agreeing before a collective write, and writing to a temporary name first. */
final class Datasets {
    private Datasets() { }

    /**
     * Every rank learns every rank's {@code key} and {@code problem}; if any rank has a problem or the keys differ,
     * every rank throws the same MPIException (the lowest failing rank's error class, else MPI_ERR_NOT_SAME), so no
     * rank goes on into a collective the others left.
     */
    static void agree(Intracomm comm, String where, String path, String key, String problem, int problemClass, String what) {
        List<Object> all = comm.allgatherObject(new String[] {key, problem, Integer.toString(problemClass)});
        StringBuilder bad = new StringBuilder();
        String first = ((String[]) all.get(0))[0];
        int cls = FileErrors.ERR_NOT_SAME;
        for (int r = all.size() - 1; r >= 0; r--) {
            String[] kp = (String[]) all.get(r);
            if (kp[1] != null) {
                cls = Integer.parseInt(kp[2]);
            }
        }
        for (int r = 0; r < all.size(); r++) {
            String[] kp = (String[]) all.get(r);
            if (kp[1] != null) {
                bad.append(" rank ").append(r).append(": ").append(kp[1]).append(';');
            } else if (!kp[0].equals(first)) {
                bad.append(" rank ").append(r).append(" has ").append(what).append(' ').append(kp[0]).append(", rank 0 ")
                        .append(first).append(';');
            }
        }
        if (bad.length() > 0) {
            throw FileException.local(cls, where, path, bad.substring(1, bad.length() - 1));
        }
    }

    /**
     * Runs {@code write} (collective) on a temporary file next to {@code path}, then renames it over {@code path}
     * when it succeeded on every rank; otherwise deletes it and throws on every rank. Either way, no file named
     * {@code path} ever holds a partial write.
     */
    static void writeReplacing(Intracomm comm, String where, String path, Consumer<String> write) {
        Path target = Path.of(path).toAbsolutePath();
        String tmp = (String) comm.bcastObject(comm.getRank() == 0 ? target.resolveSibling("." + target.getFileName() + ".tmp-"
                + UUID.randomUUID()).toString() : null, 0);
        RuntimeException failure = null;
        try {
            write.accept(tmp);
        } catch (RuntimeException ex) {
            failure = ex;
        }
        int[] all = new int[1];
        comm.allreduce(new int[] {failure == null ? 1 : 0}, all, Op.MIN);
        String renameProblem = null;
        if (comm.getRank() == 0) {
            try {
                if (all[0] == 1) {
                    Files.move(Path.of(tmp), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(Path.of(tmp));
                }
            } catch (IOException ex) {
                renameProblem = ex.toString();
            }
        }
        renameProblem = (String) comm.bcastObject(renameProblem, 0);
        if (all[0] == 0) {
            MPIException ex = FileException.local(ErrorClasses.ERR_OTHER, where, path, "the collective write failed on some rank"
                    + (failure != null ? " (here: " + failure.getMessage() + ")" : "") + "; the file was not changed");
            if (failure != null) {
                ex.initCause(failure);
            }
            throw ex;
        }
        if (renameProblem != null) {
            throw FileException.local(ErrorClasses.ERR_OTHER, where, path, "renaming the written temporary file failed: " + renameProblem);
        }
    }
}
