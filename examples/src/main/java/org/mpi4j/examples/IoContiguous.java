package org.mpi4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mpi4j.MPI;
import org.mpi4j.io.File;

/**
 * The mpi4py tutorial's "Collective I/O with NumPy arrays": every rank writes 10 ints equal to its rank at offset
 * rank x 40 bytes with one collective {@code writeAtAll}; then every rank reads the whole file back and checks it.
 * The file is {@code args[0]}, or a new temporary file that is deleted at the end.
 */
public final class IoContiguous {
    private IoContiguous() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) throws Exception {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        boolean temporary = args.length == 0;
        String path = args.length > 0 ? args[0]
                : (String) comm.bcastObject(rank == 0 ? Files.createTempFile("datafile", ".contig").toString() : null, 0);

        int[] buffer = new int[10];
        java.util.Arrays.fill(buffer, rank);
        long offset = (long) rank * buffer.length * Integer.BYTES;
        try (File fh = File.open(comm, path, File.MODE_WRONLY | File.MODE_CREATE)) {
            fh.setSize(0);
            fh.writeAtAll(offset, buffer);
        }

        int[] all = new int[size * buffer.length];
        try (File fh = File.open(comm, path, File.MODE_RDONLY)) {
            Check.that(fh.getSize() == (long) all.length * Integer.BYTES, "file size " + fh.getSize());
            fh.readAtAll(0, all);
        }
        for (int i = 0; i < all.length; i++) {
            Check.that(all[i] == i / buffer.length, "element " + i + " = " + all[i]);
        }
        comm.barrier();
        if (temporary && rank == 0) {
            File.delete(path);
        }
        if (rank == 0) {
            System.out.println("rank 0: " + Path.of(path).getFileName() + " holds " + size + " x 10 ints, read back OK");
        }
    }
}
