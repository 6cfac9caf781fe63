package org.mpi4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.testing.RankTest;

/** {@link ArrowIpc} on real ranks: the file is read back with Arrow's own ArrowFileReader, and in parallel. */
public final class ArrowIpcRanks {
    private ArrowIpcRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    static int rank() {
        return W.getRank();
    }

    static int size() {
        return W.getSize();
    }

    /** Rank r's batch: r + 2 rows of (id int, nullable at row 1; name varchar, null at row 2; x double). */
    static VectorSchemaRoot batch(BufferAllocator a, int r) {
        IntVector id = new IntVector("id", a);
        VarCharVector name = new VarCharVector("name", a);
        Float8Vector x = new Float8Vector("x", a);
        int n = r + 2;
        id.allocateNew(n);
        name.allocateNew(n);
        x.allocateNew(n);
        for (int i = 0; i < n; i++) {
            if (i == 1) {
                id.setNull(i);
            } else {
                id.set(i, r * 100 + i);
            }
            if (i == 2) {
                name.setNull(i);
            } else {
                name.setSafe(i, ("rank " + r + " row " + i + " \u00e9").getBytes(StandardCharsets.UTF_8));
            }
            x.set(i, r + i / 8.0);
        }
        VectorSchemaRoot root = VectorSchemaRoot.of(id, name, x);
        root.setRowCount(n);
        return root;
    }

    static void assertBatch(VectorSchemaRoot got, int r) {
        int n = r + 2;
        assertEquals(n, got.getRowCount(), "rows of rank " + r + "'s batch");
        IntVector id = (IntVector) got.getVector("id");
        VarCharVector name = (VarCharVector) got.getVector("name");
        Float8Vector x = (Float8Vector) got.getVector("x");
        for (int i = 0; i < n; i++) {
            if (i == 1) {
                assertTrue(id.isNull(i));
            } else {
                assertEquals(r * 100 + i, id.get(i));
            }
            if (i == 2) {
                assertTrue(name.isNull(i));
            } else {
                assertArrayEquals(("rank " + r + " row " + i + " \u00e9").getBytes(StandardCharsets.UTF_8), name.get(i));
            }
            assertEquals(r + i / 8.0, x.get(i));
        }
    }

    @RankTest
    public static void everyRanksBatchInOneFileReadByArrow() throws Exception {
        try (IoFiles t = new IoFiles(); BufferAllocator a = new RootAllocator()) {
            String p = t.path("table.arrow");
            try (VectorSchemaRoot mine = batch(a, rank())) {
                ArrowIpc.write(W, p, mine);
            }
            // Arrow's own reader, on every rank: the batches in rank order
            try (FileChannel ch = FileChannel.open(Path.of(p), StandardOpenOption.READ);
                 ArrowFileReader reader = new ArrowFileReader(ch, a)) {
                List<ArrowBlock> blocks = reader.getRecordBlocks();
                assertEquals(size(), blocks.size());
                for (int r = 0; r < size(); r++) {
                    assertTrue(reader.loadNextBatch());
                    assertBatch(reader.getVectorSchemaRoot(), r);
                }
            }
            // the parallel reader: rank r gets batch r
            List<VectorSchemaRoot> share = ArrowIpc.read(W, p, a);
            assertEquals(1, share.size());
            assertBatch(share.get(0), rank());
            share.forEach(VectorSchemaRoot::close);
            // other reader counts than writers: alone (COMM_SELF), a rank gets every batch
            List<VectorSchemaRoot> alone = ArrowIpc.read(MPI.COMM_SELF, p, a);
            assertEquals(size(), alone.size());
            for (int r = 0; r < size(); r++) {
                assertBatch(alone.get(r), r);
            }
            alone.forEach(VectorSchemaRoot::close);
            try (Stream<Path> s = Files.list(t.dir)) {
                assertEquals(List.of("table.arrow"), s.map(x -> x.getFileName().toString()).toList());
            }
        }
    }

    /** Arrow vectors are File buffers too (zero copy, through the provider SPI), blocking and nonblocking. */
    @RankTest
    public static void arrowVectorsAsFileBuffers() throws Exception {
        try (IoFiles t = new IoFiles(); BufferAllocator a = new RootAllocator();
             Float8Vector mine = new Float8Vector("x", a); Float8Vector all = new Float8Vector("all", a);
             IntVector ints = new IntVector("i", a); IntVector back = new IntVector("b", a)) {
            String p = t.path("vectors.bin");
            mine.allocateNew(4);
            ints.allocateNew(4);
            for (int i = 0; i < 4; i++) {
                mine.set(i, rank() * 10 + i + 0.5);
                ints.set(i, rank() * 10 + i);
            }
            mine.setValueCount(4);
            ints.setValueCount(4);
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.writeAtAll(rank() * 32L, mine);
                f.iwriteAt(size() * 32L + rank() * 16L, ints).waitFor();
                f.sync();
                W.barrier();
                f.sync();
                all.allocateNew(4 * size());
                for (int k = 0; k < 4 * size(); k++) {
                    all.set(k, -1);   // only values travel: the receiving vector's validity is the program's
                }
                all.setValueCount(4 * size());
                f.readAtAll(0, all);
                back.allocateNew(4);
                for (int i = 0; i < 4; i++) {
                    back.set(i, -1);
                }
                back.setValueCount(4);
                int other = (rank() + 1) % size();
                f.ireadAt(size() * 32L + other * 16L, back).waitFor();
                for (int k = 0; k < 4 * size(); k++) {
                    assertEquals(k / 4 * 10 + k % 4 + 0.5, all.get(k));
                }
                for (int i = 0; i < 4; i++) {
                    assertEquals(other * 10 + i, back.get(i));
                }
            }
        }
    }

    @RankTest
    public static void schemaDisagreementFailsEverywhereAndKeepsTheFile() throws Exception {
        try (IoFiles t = new IoFiles(); BufferAllocator a = new RootAllocator()) {
            String p = t.path("keep.arrow");
            byte[] old = "an existing file".getBytes(StandardCharsets.UTF_8);
            if (rank() == 0) {
                Files.write(Path.of(p), old);
            }
            W.barrier();
            // not an Arrow file: every rank says so
            MPIException e = assertThrows(MPIException.class, () -> ArrowIpc.read(W, p, a));
            assertEquals(FileErrors.name(FileErrors.ERR_BAD_FILE), FileErrors.name(e.getErrorClass()), e.getMessage());
            assertTrue(e.getMessage().contains("ArrowIpc.read on " + p + ": rank 0: not a readable Arrow IPC file"), e.getMessage());
            // the last rank's batch has a column fewer
            try (VectorSchemaRoot full = batch(a, rank())) {
                VectorSchemaRoot mine = rank() == size() - 1 && size() > 1
                        ? new VectorSchemaRoot(List.of(full.getVector("id"), full.getVector("x"))) : full;
                mine.setRowCount(full.getRowCount());
                if (size() > 1) {
                    MPIException d = assertThrows(MPIException.class, () -> ArrowIpc.write(W, p, mine));
                    assertEquals(FileErrors.name(FileErrors.ERR_NOT_SAME), FileErrors.name(d.getErrorClass()), d.getMessage());
                    assertTrue(d.getMessage().contains("rank " + (size() - 1) + " has schema"), d.getMessage());
                }
            }
            W.barrier();
            assertArrayEquals(old, Files.readAllBytes(Path.of(p)));
            try (Stream<Path> s = Files.list(t.dir)) {
                assertEquals(List.of("keep.arrow"), s.map(x -> x.getFileName().toString()).toList());
            }
        }
    }

    /**
     * A read that ends short at the end of the file marks only the values it read valid in a receiving Arrow vector:
     * the others keep their validity and their values (each rank reads its own file of 3 doubles into 6 values).
     */
    @RankTest
    public static void aShortReadMarksOnlyWhatWasReadValid() {
        try (IoFiles t = new IoFiles(); BufferAllocator a = new RootAllocator(); Float8Vector v = new Float8Vector("x", a)) {
            String p = t.path("short-" + rank() + ".bin");
            try (File f = File.open(MPI.COMM_SELF, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.writeAt(0, new double[] {rank() + 0.5, rank() + 1.5, rank() + 2.5}, null);
                v.allocateNew(6);
                v.setValueCount(6);
                v.setNull(0);
                v.set(1, -1.0);
                v.setNull(2);
                v.set(3, -1.0);
                v.setNull(4);
                v.set(5, -1.0);
                org.mpi4j.Status st = new org.mpi4j.Status();
                f.readAt(0, v, st);
                assertEquals(24, st.getCount(), "bytes read");
                for (int i = 0; i < 3; i++) {
                    assertTrue(!v.isNull(i), "value " + i + " was read, so it is valid");
                    assertEquals(rank() + i + 0.5, v.get(i));
                }
                assertTrue(v.isNull(4), "value 4 was not read and stays null");
                assertEquals(-1.0, v.get(3));
                assertEquals(-1.0, v.get(5));
                f.readAt(0, v, null);   // without a status too
                assertTrue(v.isNull(4));
                assertEquals(-1.0, v.get(5));
            }
        }
        MPI.COMM_WORLD.barrier();
    }
}
