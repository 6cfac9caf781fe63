package org.mpi4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mpi4j.MPI;

/** A temporary folder every rank sees (rank 0 makes it and deletes it), and plain java.nio reads of files. */
final class IoFiles implements AutoCloseable {
    final Path dir;

    IoFiles() {
        String d = null;
        if (MPI.COMM_WORLD.getRank() == 0) {
            try {
                d = Files.createTempDirectory("mpi4j-io-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        dir = Path.of((String) MPI.COMM_WORLD.bcastObject(d, 0));
    }

    /** The path of {@code name} in the folder, as a String for File.open. */
    String path(String name) {
        return dir.resolve(name).toString();
    }

    /** The whole file, read with java.nio, in native byte order. */
    ByteBuffer bytes(String name) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name))).order(ByteOrder.nativeOrder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        MPI.COMM_WORLD.barrier();
        if (MPI.COMM_WORLD.getRank() == 0) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        MPI.COMM_WORLD.barrier();
    }
}
