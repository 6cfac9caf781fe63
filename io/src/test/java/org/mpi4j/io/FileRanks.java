package org.mpi4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Errhandler;
import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Request;
import org.mpi4j.Status;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.testing.RankTest;

/**
 * Every MPI-IO routine of {@link File} on real ranks: data written is read back through MPI and through a plain
 * java.nio read of the file, byte for byte; file views with subarray and darray types; and bad input.
 */
public final class FileRanks {
    private FileRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;
    static final int N = 6;

    static int rank() {
        return W.getRank();
    }

    static int size() {
        return W.getSize();
    }

    /** The value of element {@code i} of rank {@code r}'s block. */
    static double v(int r, int i) {
        return r * 1000 + i + 0.5;
    }

    static double[] block(int r) {
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = v(r, i);
        }
        return d;
    }

    /** Asserts the file holds every rank's block of N doubles in rank order, read with java.nio. */
    static void assertBlocksInFile(IoFiles t, String name) {
        ByteBuffer b = t.bytes(name);
        assertEquals((long) size() * N * 8, b.capacity(), "file size of " + name);
        for (int r = 0; r < size(); r++) {
            for (int i = 0; i < N; i++) {
                assertEquals(v(r, i), b.getDouble((r * N + i) * 8), name + ": rank " + r + " element " + i);
            }
        }
    }

    /** MPI's consistency rule for data other processes wrote (non-atomic mode): sync, barrier, sync. */
    static void settle(File f) {
        f.sync();
        W.barrier();
        f.sync();
    }

    /**
     * The shared file pointer as the processes see it: the largest value any of them reads. (Open MPI 4.1's shared
     * pointer is not read coherently by every process right after a collective that moved it: one may still read
     * the old value, even after sync-barrier-sync.)
     */
    static long sharedPosition(File f) {
        long[] max = new long[1];
        W.allreduce(new long[] {f.getPositionShared()}, max, org.mpi4j.Op.MAX);
        return max[0];
    }

    static MPIException expect(int errorClass, String words, Executable call) {
        MPIException e = assertThrows(MPIException.class, call);
        assertEquals(FileErrors.name(errorClass), FileErrors.name(e.getErrorClass()), "error class; message: " + e.getMessage());
        assertTrue(e.getMessage().contains(words), "message '" + e.getMessage() + "' should say '" + words + "'");
        return e;
    }

    // ------------------------------------------------------------------ explicit offsets

    @RankTest
    public static void explicitOffsetsBlockingRoundTrip() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("at.bin");
            Status st = new Status();
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.writeAt((long) rank() * N * 8, block(rank()), st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                settle(f);
                assertEquals((long) size() * N * 8, f.getSize());
                int other = (rank() + 1) % size();
                double[] got = new double[N];
                f.readAt((long) other * N * 8, got, st);
                assertArrayEquals(block(other), got);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
            }
            assertBlocksInFile(t, "at.bin");

            // collective, from a direct buffer and into a BufferSpec slice of a larger array
            String q = t.path("atall.bin");
            try (File f = File.open(W, q, File.MODE_CREATE | File.MODE_RDWR)) {
                ByteBuffer d = ByteBuffer.allocateDirect(N * 8).order(ByteOrder.nativeOrder());
                d.asDoubleBuffer().put(block(rank()));
                f.writeAtAll((long) rank() * N * 8, d, st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                settle(f);
                double[] all = new double[size() * N + 2];
                all[0] = -1;
                all[all.length - 1] = -2;
                f.readAtAll(0, BufferSpec.of(all, 1, size() * N, Datatype.DOUBLE), st);
                assertEquals(size() * N, st.getCount(Datatype.DOUBLE));
                assertEquals(-1, all[0]);
                assertEquals(-2, all[all.length - 1]);
                for (int r = 0; r < size(); r++) {
                    assertArrayEquals(block(r), Arrays.copyOfRange(all, 1 + r * N, 1 + (r + 1) * N));
                }
            }
            assertBlocksInFile(t, "atall.bin");
        }
    }

    @RankTest
    public static void explicitOffsetsNonblocking() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("iat.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                double[] mine = block(rank());
                Request r = f.iwriteAt((long) rank() * N * 8, mine);
                Arrays.fill(mine, 0);   // the request took its snapshot when it started
                Status st = new Status();
                r.waitFor(st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                settle(f);
                int other = (rank() + size() - 1) % size();
                double[] got = new double[N];
                Request q = f.ireadAt((long) other * N * 8, got);
                q.waitFor(st);
                assertArrayEquals(block(other), got);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
            }
            assertBlocksInFile(t, "iat.bin");

            String q = t.path("iatall.bin");
            try (File f = File.open(W, q, File.MODE_CREATE | File.MODE_RDWR)) {
                Request r = f.iwriteAtAll((long) rank() * N * 8, block(rank()));
                r.waitFor();
                settle(f);
                ByteBuffer all = ByteBuffer.allocateDirect(size() * N * 8).order(ByteOrder.nativeOrder());
                Request s = f.ireadAtAll(0, all);
                Status st = new Status();
                s.waitFor(st);
                assertEquals(size() * N, st.getCount(Datatype.DOUBLE));
                for (int k = 0; k < size() * N; k++) {
                    assertEquals(v(k / N, k % N), all.getDouble(k * 8));
                }
            }
            assertBlocksInFile(t, "iatall.bin");
        }
    }

    // ------------------------------------------------------------------ individual file pointers

    @RankTest
    public static void individualPointers() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("ind.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                f.seek((long) rank() * N, File.SEEK_SET);
                Status st = new Status();
                f.write(Arrays.copyOf(block(rank()), N / 2), st);
                assertEquals(N / 2, st.getCount(Datatype.DOUBLE));
                assertEquals((long) rank() * N + N / 2, f.getPosition());
                f.write(Arrays.copyOfRange(block(rank()), N / 2, N));
                assertEquals((long) (rank() + 1) * N, f.getPosition());
                settle(f);
                f.seek(-N, File.SEEK_CUR);
                double[] got = new double[N];
                f.read(got, st);
                assertArrayEquals(block(rank()), got);
                f.seek(0, File.SEEK_END);
                assertEquals((long) size() * N, f.getPosition());
            }
            assertBlocksInFile(t, "ind.bin");

            String q = t.path("indall.bin");
            try (File f = File.open(W, q, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                f.seek((long) rank() * N, File.SEEK_SET);
                f.writeAll(block(rank()));
                assertEquals((long) (rank() + 1) * N, f.getPosition());
                settle(f);
                f.seek(0, File.SEEK_SET);
                double[] all = new double[size() * N];
                Status st = new Status();
                f.readAll(all, st);
                assertEquals(size() * N, st.getCount(Datatype.DOUBLE));
                for (int r = 0; r < size(); r++) {
                    assertArrayEquals(block(r), Arrays.copyOfRange(all, r * N, (r + 1) * N));
                }
            }
            assertBlocksInFile(t, "indall.bin");
        }
    }

    @RankTest
    public static void individualPointersNonblocking() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("iind.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                f.seek((long) rank() * N, File.SEEK_SET);
                f.iwrite(block(rank())).waitFor();
                settle(f);
                f.seek((long) ((rank() + 1) % size()) * N, File.SEEK_SET);
                double[] got = new double[N];
                f.iread(got).waitFor();
                assertArrayEquals(block((rank() + 1) % size()), got);
            }
            assertBlocksInFile(t, "iind.bin");

            String q = t.path("iindall.bin");
            try (File f = File.open(W, q, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                f.seek((long) rank() * N, File.SEEK_SET);
                f.iwriteAll(block(rank())).waitFor();
                settle(f);
                f.seek(0, File.SEEK_SET);
                double[] all = new double[size() * N];
                Status st = new Status();
                f.ireadAll(all).waitFor(st);
                assertEquals(size() * N, st.getCount(Datatype.DOUBLE));
                for (int r = 0; r < size(); r++) {
                    assertArrayEquals(block(r), Arrays.copyOfRange(all, r * N, (r + 1) * N));
                }
            }
            assertBlocksInFile(t, "iindall.bin");
        }
    }

    // ------------------------------------------------------------------ shared file pointer

    @RankTest
    public static void sharedPointerOrdered() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("ordered.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                Status st = new Status();
                f.writeOrdered(block(rank()), st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                settle(f);
                assertEquals((long) size() * N, sharedPosition(f));
                f.seekShared(0, File.SEEK_SET);
                assertEquals(0, sharedPosition(f));
                double[] got = new double[N];
                f.readOrdered(got, st);
                assertArrayEquals(block(rank()), got);
            }
            assertBlocksInFile(t, "ordered.bin");
        }
    }

    @RankTest
    public static void sharedPointerAnyOrder() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("shared.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                Status st = new Status();
                f.writeShared(block(rank()), st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                f.iwriteShared(block(rank() + 100)).waitFor();
                settle(f);
                assertEquals(2L * size() * N, sharedPosition(f));
                f.sync();
                W.barrier();
                f.seekShared(0, File.SEEK_SET);
                // every block is somewhere, whole: each rank reads one block and they find each written block once
                double[] a = new double[N];
                double[] b = new double[N];
                f.readShared(a, st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                f.ireadShared(b).waitFor();
                double[] firsts = new double[2 * size()];
                W.allgather(new double[] {a[0], b[0]}, firsts);
                Arrays.sort(firsts);
                double[] want = new double[2 * size()];
                for (int r = 0; r < size(); r++) {
                    want[2 * r] = v(r, 0);
                    want[2 * r + 1] = v(r + 100, 0);
                }
                Arrays.sort(want);
                assertArrayEquals(want, firsts);
                int ra = (int) (a[0] / 1000);
                assertArrayEquals(block(ra), a);
                assertArrayEquals(block((int) (b[0] / 1000)), b);
            }
            ByteBuffer all = t.bytes("shared.bin");
            assertEquals(2L * size() * N * 8, all.capacity());
            for (int k = 0; k < 2 * size(); k++) {
                int r = (int) (all.getDouble(k * N * 8) / 1000);
                for (int i = 0; i < N; i++) {
                    assertEquals(v(r, i), all.getDouble((k * N + i) * 8));
                }
            }
        }
    }

    // ------------------------------------------------------------------ split collectives

    @RankTest
    public static void splitCollectives() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("split.bin");
            Status st = new Status();
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                double[] mine = block(rank());
                f.writeAtAllBegin((long) rank() * N * 8, mine);
                f.writeAtAllEnd(mine, st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                settle(f);
                double[] got = new double[N];
                int other = (rank() + 1) % size();
                f.readAtAllBegin((long) other * N * 8, got);
                f.readAtAllEnd(got, st);
                assertArrayEquals(block(other), got);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
            }
            assertBlocksInFile(t, "split.bin");

            String q = t.path("split2.bin");
            try (File f = File.open(W, q, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                f.seek((long) rank() * N, File.SEEK_SET);
                double[] mine = block(rank());
                f.writeAllBegin(mine);
                f.writeAllEnd(mine, st);
                f.seek((long) rank() * N, File.SEEK_SET);
                double[] got = new double[N];
                f.readAllBegin(got);
                f.readAllEnd(got, st);
                assertArrayEquals(block(rank()), got);
            }
            assertBlocksInFile(t, "split2.bin");

            String o = t.path("split3.bin");
            try (File f = File.open(W, o, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                ByteBuffer d = ByteBuffer.allocateDirect(N * 8).order(ByteOrder.nativeOrder());
                d.asDoubleBuffer().put(block(rank()));
                f.writeOrderedBegin(d);
                f.writeOrderedEnd(d, st);
                assertEquals(N, st.getCount(Datatype.DOUBLE));
                settle(f);
                f.seekShared(0, File.SEEK_SET);
                double[] got = new double[N];
                f.readOrderedBegin(got);
                // a second split collective on the same file is refused before MPI sees it
                expect(ErrorClasses.ERR_OTHER, "still active", () -> f.writeAllBegin(new double[1]));
                expect(ErrorClasses.ERR_BUFFER, "not the one given", () -> f.readOrderedEnd(new double[N], null));
                f.readOrderedEnd(got, st);
                assertArrayEquals(block(rank()), got);
                expect(ErrorClasses.ERR_OTHER, "no matching", () -> f.readAllEnd(got, null));
            }
            assertBlocksInFile(t, "split3.bin");
        }
    }

    // ------------------------------------------------------------------ views

    /** A 4 x (3 * size) matrix of doubles in C order; rank r owns columns [3r, 3r + 3): a subarray file view. */
    @RankTest
    public static void subarrayView() {
        int rows = 4;
        int cols = 3 * size();
        try (IoFiles t = new IoFiles();
             Datatype view = Datatype.DOUBLE.subarray(new int[] {rows, cols}, new int[] {rows, 3}, new int[] {0, 3 * rank()},
                     Datatype.ORDER_C).commit()) {
            String p = t.path("sub.bin");
            double[] local = new double[rows * 3];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 3; j++) {
                    local[i * 3 + j] = i * 100 + 3 * rank() + j;
                }
            }
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_WRONLY)) {
                f.setView(0, Datatype.DOUBLE, view, "native", Info.NULL);
                File.View got = f.getView();
                assertEquals(0, got.displacement());
                assertSame(Datatype.DOUBLE, got.etype());
                assertEquals("native", got.datarep());
                assertEquals(view.size(), got.filetype().size());
                got.filetype().free();
                Status st = new Status();
                f.writeAll(local, st);
                assertEquals(rows * 3, st.getCount(Datatype.DOUBLE));
                // offset 3 of the view is row 1, column 3r of the file
                assertEquals((1L * cols + 3 * rank()) * 8, f.getByteOffset(3));
            }
            ByteBuffer b = t.bytes("sub.bin");
            assertEquals((long) rows * cols * 8, b.capacity());
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertEquals(i * 100 + j, b.getDouble((i * cols + j) * 8), "element (" + i + ", " + j + ")");
                }
            }
            // read back through the same view, into a column-strided target with gaps that must stay untouched
            try (File f = File.open(W, p, File.MODE_RDONLY);
                 Datatype strided = Datatype.DOUBLE.vector(rows * 3, 1, 2).commit()) {
                f.setView(0, Datatype.DOUBLE, view, "native", Info.NULL);
                double[] back = new double[rows * 6];
                Arrays.fill(back, -7);
                f.readAll(BufferSpec.of(back, 1, strided));
                for (int k = 0; k < rows * 3; k++) {
                    assertEquals(local[k], back[2 * k], "element " + k);
                    assertEquals(-7, back[2 * k + 1], "gap " + k);
                }
            }
        }
    }

    /** A (2 * size) x 5 int matrix distributed cyclically by rows (darray): rank r owns rows r and r + size. */
    @RankTest
    public static void darrayView() {
        int rows = 2 * size();
        int cols = 5;
        try (IoFiles t = new IoFiles();
             Datatype view = Datatype.INT.darray(size(), rank(), new int[] {rows, cols},
                     new int[] {Datatype.DISTRIBUTE_CYCLIC, Datatype.DISTRIBUTE_NONE},
                     new int[] {1, Datatype.DISTRIBUTE_DFLT_DARG}, new int[] {size(), 1}, Datatype.ORDER_C).commit()) {
            String p = t.path("darray.bin");
            int[] local = new int[2 * cols];
            for (int k = 0; k < 2; k++) {
                int row = rank() + k * size();
                for (int j = 0; j < cols; j++) {
                    local[k * cols + j] = row * 10 + j;
                }
            }
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                f.setView(0, Datatype.INT, view);
                f.writeAll(local);
                settle(f);
                f.setView(0, Datatype.INT, Datatype.INT);
                int[] all = new int[rows * cols];
                f.readAtAll(0, all);
                for (int k = 0; k < all.length; k++) {
                    assertEquals(k / cols * 10 + k % cols, all[k], "element " + k);
                }
            }
            ByteBuffer b = t.bytes("darray.bin");
            assertEquals(rows * cols * 4, b.capacity());
            for (int k = 0; k < rows * cols; k++) {
                assertEquals(k / cols * 10 + k % cols, b.getInt(k * 4));
            }
        }
    }

    // ------------------------------------------------------------------ management

    @RankTest
    public static void management() throws Exception {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("mgmt.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR, Info.NULL)) {
                assertEquals(p, f.getPath());
                assertEquals(File.MODE_CREATE | File.MODE_RDWR, f.getAmode());
                try (Group g = f.getGroup(); Group wg = W.getGroup()) {
                    assertEquals(size(), g.getSize());
                    assertEquals(MPI.IDENT, g.compare(wg));
                }
                // set_size and preallocate are collective but need not wait for every process: a barrier after
                // each look at the size, so no process resizes while another one looks
                assertEquals(0, f.getSize());
                W.barrier();
                f.setSize(1000);
                assertEquals(1000, f.getSize());
                W.barrier();
                f.preallocate(4096);
                assertTrue(f.getSize() >= 4096);
                W.barrier();
                f.setSize(24);
                assertEquals(24, f.getSize());
                try (Info info = f.getInfo()) {
                    assertNotNull(info);
                }
                try (Info hints = Info.of(java.util.Map.of("cb_nodes", "1"))) {
                    f.setInfo(hints);
                }
                assertFalse(f.getAtomicity());
                f.setAtomicity(true);
                assertTrue(f.getAtomicity());
                f.setAtomicity(false);
                f.sync();
                assertEquals(8, f.getTypeExtent(Datatype.DOUBLE));
                try (Datatype pair = Datatype.INT.contiguous(3).commit()) {
                    assertEquals(12, f.getTypeExtent(pair));
                }
                File.View v = f.getView();
                assertEquals(0, v.displacement());
                assertSame(Datatype.BYTE, v.etype());
                assertSame(Datatype.BYTE, v.filetype());
                assertEquals("native", v.datarep());
                f.setView(16, Datatype.INT, Datatype.INT);
                assertEquals(16 + 4 * 5, f.getByteOffset(5));
                assertSame(Errhandler.ERRORS_RETURN, f.getErrhandler());
                f.setErrhandler(Errhandler.ERRORS_RETURN);
                MPIException e = expect(FileErrors.ERR_IO, "MPI_File_call_errhandler on " + p, () -> f.callErrhandler(FileErrors.ERR_IO));
                assertFalse(e.isLocal());
                File same = File.fromFortran(f.toFortran());
                assertEquals(f.handle(), same.handle());
                assertEquals(f.handle(), File.fromHandle(f.handle(), p).handle());
            }
            assertEquals(24, Files.size(Path.of(p)));
            W.barrier();
            if (rank() == 0) {
                File.delete(p);
            }
            W.barrier();
            assertFalse(Files.exists(Path.of(p)));

            String q = t.path("gone.bin");
            File f = File.open(W, q, File.MODE_CREATE | File.MODE_RDWR | File.MODE_DELETE_ON_CLOSE);
            f.writeAt(rank() * 8L, new double[] {rank()});
            assertTrue(Files.exists(Path.of(q)));
            f.close();
            f.close();   // a second close does nothing
            assertTrue(f.isClosed());
            W.barrier();
            assertFalse(Files.exists(Path.of(q)));
        }
    }

    // ------------------------------------------------------------------ bad input

    @RankTest
    public static void missingFileForReading() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("missing.bin");
            MPIException e = expect(FileErrors.ERR_NO_SUCH_FILE, "MPI_File_open on " + p, () -> File.open(W, p, File.MODE_RDONLY));
            assertFalse(e.isLocal());
            expect(FileErrors.ERR_NO_SUCH_FILE, "MPI_File_delete on " + p, () -> File.delete(p));
            // the world still works, and so does opening a real file
            try (File f = File.open(W, t.path("ok.bin"), File.MODE_CREATE | File.MODE_WRONLY)) {
                f.writeAtAll(rank() * 4L, new int[] {rank()});
            }
            assertEquals(size() * 4, t.bytes("ok.bin").capacity());
        }
    }

    @RankTest
    public static void writingReadOnly() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("ro.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_WRONLY)) {
                f.writeAtAll(rank() * 8L, new double[] {v(rank(), 0)});
            }
            try (File f = File.open(W, p, File.MODE_RDONLY)) {
                expect(FileErrors.ERR_READ_ONLY, "MPI_File_write_at(offset 0) on " + p + ": the file was opened MODE_RDONLY",
                        () -> f.writeAt(0, new double[] {42}));
                expect(FileErrors.ERR_READ_ONLY, "MPI_File_write_all on " + p, () -> f.writeAll(new double[] {42}));
                expect(FileErrors.ERR_READ_ONLY, "MPI_File_iwrite_shared on " + p, () -> f.iwriteShared(new double[] {42}));
                expect(FileErrors.ERR_READ_ONLY, "MPI_File_write_ordered_begin on " + p, () -> f.writeOrderedBegin(new double[] {42}));
                double[] got = new double[1];
                f.readAt(rank() * 8L, got);
                assertEquals(v(rank(), 0), got[0]);
            }
            // the file is unchanged
            ByteBuffer b = t.bytes("ro.bin");
            for (int r = 0; r < size(); r++) {
                assertEquals(v(r, 0), b.getDouble(r * 8));
            }
            try (File f = File.open(W, p, File.MODE_WRONLY)) {
                expect(FileErrors.ERR_ACCESS, "MPI_File_read_at_all(offset 0) on " + p, () -> f.readAtAll(0, new double[1]));
            }
            // an access mode MPI forbids
            expect(FileErrors.ERR_AMODE, "MPI_File_open on " + p, () -> File.open(W, p, File.MODE_RDONLY | File.MODE_CREATE));
            expect(FileErrors.ERR_FILE_EXISTS, "MPI_File_open on " + p,
                    () -> File.open(W, p, File.MODE_RDWR | File.MODE_CREATE | File.MODE_EXCL));
        }
    }

    @RankTest
    public static void badViewAndDatarep() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("view.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                expect(FileErrors.ERR_UNSUPPORTED_DATAREP, "datarep \"bogus\"",
                        () -> f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE, "bogus", Info.NULL));
                // a filetype that is not made of whole etypes
                expect(ErrorClasses.ERR_ARG, "MPI_File_set_view(disp 0", () -> f.setView(0, Datatype.DOUBLE, Datatype.INT));
                try (Datatype unc = Datatype.DOUBLE.vector(2, 1, 2)) {
                    expect(ErrorClasses.ERR_TYPE, "MPI_File_set_view", () -> f.setView(0, Datatype.DOUBLE, unc));
                }
                // the file still works with a good view
                f.setView(8, Datatype.DOUBLE, Datatype.DOUBLE);
                f.writeAtAll(rank(), new double[] {v(rank(), 0)});
                File.View v = f.getView();
                assertEquals(8, v.displacement());
                assertSame(Datatype.DOUBLE, v.etype());
            }
            ByteBuffer b = t.bytes("view.bin");
            for (int r = 0; r < size(); r++) {
                assertEquals(v(r, 0), b.getDouble(8 + r * 8));
            }
        }
    }

    @RankTest
    public static void closedFile() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("closed.bin");
            File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR);
            f.close();
            MPIException e = expect(FileErrors.ERR_FILE, "MPI_File_write_at(offset 0) on " + p + ": the file is closed",
                    () -> f.writeAt(0, new double[1]));
            assertTrue(e.isLocal());
            expect(FileErrors.ERR_FILE, "MPI_File_read_all on " + p, () -> f.readAll(new double[1]));
            expect(FileErrors.ERR_FILE, "MPI_File_get_size on " + p, f::getSize);
            expect(FileErrors.ERR_FILE, "MPI_File_iread on " + p, () -> f.iread(new double[1]));
            expect(FileErrors.ERR_FILE, "MPI_File_set_view on " + p, () -> f.setView(0, Datatype.BYTE, Datatype.BYTE));
        }
    }

    @RankTest
    public static void readingPastTheEnd() {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("short.bin");
            try (File f = File.open(W, p, File.MODE_CREATE | File.MODE_RDWR)) {
                if (rank() == 0) {
                    f.writeAt(0, new double[] {1, 2, 3});
                }
                settle(f);
                Status st = new Status();
                double[] got = {-1, -1, -1, -1, -1};
                f.readAt(8, got, st);   // two doubles are left from byte 8
                assertEquals(2, st.getCount(Datatype.DOUBLE));
                assertArrayEquals(new double[] {2, 3, -1, -1, -1}, got);
                f.readAt(24, got, st);   // at the end: nothing
                assertEquals(0, st.getCount(Datatype.DOUBLE));
                assertArrayEquals(new double[] {2, 3, -1, -1, -1}, got);
                // collective reads past the end: Open MPI 4.1 counts what was asked, not what was there, and fills the
                // rest with zeros on more than one rank (open-mpi/ompi#14015); the bytes in the file arrive right
                double[] all = {-9, -9, -9, -9};
                f.readAtAll(0, all, st);
                assertArrayEquals(new double[] {1, 2, 3}, Arrays.copyOf(all, 3));
                double[] coll = {-8, -8, -8, -8};
                f.seek(0, File.SEEK_SET);
                f.readAll(coll);
                assertArrayEquals(new double[] {1, 2, 3}, Arrays.copyOf(coll, 3));
                ByteBuffer d = ByteBuffer.allocateDirect(32).order(ByteOrder.nativeOrder());
                f.seek(8, File.SEEK_SET);
                f.read(d, st);
                assertEquals(16, st.getCount(Datatype.BYTE));
                assertEquals(2, d.getDouble(0));
                assertEquals(3, d.getDouble(8));
                // a count larger than the buffer never reaches MPI
                expect(ErrorClasses.ERR_COUNT, "exceeds the buffer", () -> f.readAt(0, BufferSpec.of(new double[2], 3, Datatype.DOUBLE)));
            }
            assertEquals(24, t.bytes("short.bin").capacity());
        }
    }
}
