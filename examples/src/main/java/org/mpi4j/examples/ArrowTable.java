package org.mpi4j.examples;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.mpi4j.MPI;
import org.mpi4j.io.ArrowIpc;

/**
 * A parallel Arrow table: every rank holds a record batch (an id column and a text column with nulls, 3 + rank rows)
 * and one collective {@code ArrowIpc.write} puts them, in rank order, into one Arrow IPC file. Rank 0 checks the
 * whole table with Arrow's own ArrowFileReader; then every rank reads its share back with {@code ArrowIpc.read}.
 * The file is {@code args[0]}, or a new temporary file that is deleted at the end.
 */
public final class ArrowTable {
    private ArrowTable() { }

    static String text(int r, int i) {
        return "rank " + r + " row " + i;
    }

    static void check(VectorSchemaRoot b, int r) {
        BigIntVector id = (BigIntVector) b.getVector("id");
        VarCharVector t = (VarCharVector) b.getVector("text");
        Check.that(b.getRowCount() == 3 + r, "batch " + r + " has " + b.getRowCount() + " rows");
        for (int i = 0; i < b.getRowCount(); i++) {
            Check.that(id.get(i) == 1000L * r + i, "id " + r + "/" + i);
            Check.that(i % 2 == 1 ? t.isNull(i) : new String(t.get(i), StandardCharsets.UTF_8).equals(text(r, i)), "text " + r + "/" + i);
        }
    }

    /** Runs on any number of ranks. */
    public static void main(String[] args) throws Exception {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        boolean temporary = args.length == 0;
        String path = args.length > 0 ? args[0]
                : (String) comm.bcastObject(rank == 0 ? Files.createTempFile("table", ".arrow").toString() : null, 0);
        try (BufferAllocator alloc = new RootAllocator()) {
            try (BigIntVector id = new BigIntVector("id", alloc); VarCharVector text = new VarCharVector("text", alloc)) {
                int n = 3 + rank;
                id.allocateNew(n);
                text.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    id.set(i, 1000L * rank + i);
                    if (i % 2 == 1) {
                        text.setNull(i);
                    } else {
                        text.setSafe(i, text(rank, i).getBytes(StandardCharsets.UTF_8));
                    }
                }
                VectorSchemaRoot batch = VectorSchemaRoot.of(id, text);
                batch.setRowCount(n);
                ArrowIpc.write(comm, path, batch);
            }
            long rows = 0;
            if (rank == 0) {
                try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ);
                     ArrowFileReader reader = new ArrowFileReader(ch, alloc)) {
                    for (int r = 0; r < size; r++) {
                        Check.that(reader.loadNextBatch(), "batch " + r + " is missing");
                        check(reader.getVectorSchemaRoot(), r);
                        rows += reader.getVectorSchemaRoot().getRowCount();
                    }
                    Check.that(!reader.loadNextBatch(), "more batches than ranks");
                }
            }
            List<VectorSchemaRoot> mine = ArrowIpc.read(comm, path, alloc);
            Check.that(mine.size() == 1, "rank " + rank + " got " + mine.size() + " batches");
            check(mine.get(0), rank);
            mine.forEach(VectorSchemaRoot::close);
            comm.barrier();
            if (temporary && rank == 0) {
                Files.delete(Path.of(path));
            }
            if (rank == 0) {
                System.out.println("rank 0: " + size + " batches, " + rows + " rows in one Arrow IPC file, read back OK");
            }
        }
    }
}
