package org.mpi4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mpi4j.Datatype;
import org.mpi4j.MPI;
import org.mpi4j.io.File;

/**
 * The mpi4py tutorial's "Non-contiguous collective I/O with NumPy arrays and datatypes": each rank's file view is a
 * vector of 10 ints with stride {@code size}, displaced by its rank, so the ranks' values interleave in the file
 * (0 1 2 0 1 2 ...); one collective {@code writeAll}. Then every rank reads the whole file back and checks it.
 * The file is {@code args[0]}, or a new temporary file that is deleted at the end.
 */
public final class IoNoncontiguous {
    private IoNoncontiguous() { }

    /** Runs on any number of ranks. */
    public static void main(String[] args) throws Exception {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        boolean temporary = args.length == 0;
        String path = args.length > 0 ? args[0]
                : (String) comm.bcastObject(rank == 0 ? Files.createTempFile("datafile", ".noncontig").toString() : null, 0);

        int itemCount = 10;
        int[] buffer = new int[itemCount];
        java.util.Arrays.fill(buffer, rank);
        try (File fh = File.open(comm, path, File.MODE_WRONLY | File.MODE_CREATE);
             Datatype filetype = Datatype.INT.vector(itemCount, 1, size).commit()) {
            fh.setSize(0);
            long displacement = (long) Datatype.INT.size() * rank;
            fh.setView(displacement, Datatype.INT, filetype);
            fh.writeAll(buffer);
        }

        int[] all = new int[size * itemCount];
        try (File fh = File.open(comm, path, File.MODE_RDONLY)) {
            fh.readAtAll(0, all);
        }
        for (int i = 0; i < all.length; i++) {
            Check.that(all[i] == i % size, "element " + i + " = " + all[i]);
        }
        comm.barrier();
        if (temporary && rank == 0) {
            File.delete(path);
        }
        if (rank == 0) {
            System.out.println("rank 0: " + Path.of(path).getFileName() + " interleaves " + size + " ranks x " + itemCount
                    + " ints, read back OK");
        }
    }
}
