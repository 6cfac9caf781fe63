package org.mpi4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.testing.RankTest;

/** {@link Npy} on real ranks: files mpi4j writes are checked by NumPy (/usr/bin/python3), and files NumPy writes are read. */
public final class NpyRanks {
    private NpyRanks() { }

    static final Intracomm W = MPI.COMM_WORLD;

    static int rank() {
        return W.getRank();
    }

    static int size() {
        return W.getSize();
    }

    /** Runs a NumPy script on rank 0 (argv[1] = the file) and returns what it printed; fails on a non-zero exit. */
    static String python(String script, String file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sys\nimport numpy as np\n" + script, file)
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), "python3 failed:\n" + out);
        return out;
    }

    /** No temporary file left next to the target. */
    static void noTemporaries(IoFiles t) throws IOException {
        try (Stream<Path> s = Files.list(t.dir)) {
            List<String> left = s.map(x -> x.getFileName().toString()).filter(n -> n.contains(".tmp-")).toList();
            assertEquals(List.of(), left);
        }
    }

    static MPIException expectEverywhere(int errorClass, String words, Executable call) {
        MPIException e = assertThrows(MPIException.class, call);
        assertEquals(FileErrors.name(errorClass), FileErrors.name(e.getErrorClass()), e.getMessage());
        assertTrue(e.getMessage().contains(words), "message '" + e.getMessage() + "' should say '" + words + "'");
        W.barrier();   // every rank got here: nobody hangs in a collective the others left
        return e;
    }

    @RankTest
    public static void rowBlocksOfDoublesReadByNumpy() throws Exception {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("rows.npy");
            int rows = rank() + 1;
            int before = rank() * (rank() + 1) / 2;
            double[] local = new double[rows * 3];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 3; j++) {
                    local[i * 3 + j] = (before + i) * 10 + j + 0.25;
                }
            }
            Npy.writeRows(W, p, local, rows, 3);
            int total = size() * (size() + 1) / 2;
            if (rank() == 0) {
                String out = python("a = np.load(sys.argv[1])\n"
                        + "e = np.arange(a.shape[0])[:, None] * 10 + np.arange(3)[None, :] + 0.25\n"
                        + "print(a.dtype, a.shape, a.flags.c_contiguous, np.array_equal(a, e))", p);
                assertEquals("float64 (" + total + ", 3) True True", out);
            }
            Npy.Header h = Npy.readHeader(p);
            assertEquals("<f8", h.descr());
            assertArrayEquals(new long[] {total, 3}, h.shape());
            assertEquals(0, h.dataOffset() % 64);
            assertEquals(h.dataOffset() + (long) total * 3 * 8, Files.size(Path.of(p)));
            // every rank reads the whole array back, and then the last row only
            double[] all = new double[total * 3];
            Npy.read(W, p, all, new long[] {0, 0}, new long[] {total, 3});
            for (int k = 0; k < all.length; k++) {
                assertEquals(k / 3 * 10 + k % 3 + 0.25, all[k], "element " + k);
            }
            double[] last = new double[3];
            Npy.read(W, p, last, new long[] {total - 1, 0}, new long[] {1, 3});
            assertArrayEquals(new double[] {(total - 1) * 10 + 0.25, (total - 1) * 10 + 1.25, (total - 1) * 10 + 2.25}, last);
            noTemporaries(t);
        }
    }

    @RankTest
    public static void cartesianBlocksOfIntsLongsAndFloats() throws Exception {
        try (IoFiles t = new IoFiles()) {
            // int32: a 4 x 2size matrix, rank r owns columns [2r, 2r + 2)
            String pi = t.path("cols.npy");
            int[] cols = new int[8];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 2; j++) {
                    cols[i * 2 + j] = i * 1000 + 2 * rank() + j;
                }
            }
            Npy.write(W, pi, cols, new long[] {4, 2L * size()}, new long[] {0, 2L * rank()}, new long[] {4, 2});
            // int64: a 1-d array, rank r owns r elements (rank 0 none)
            String pl = t.path("longs.npy");
            long[] longs = new long[rank()];
            int before = rank() * (rank() - 1) / 2;
            for (int i = 0; i < longs.length; i++) {
                longs[i] = (1L << 40) + before + i;
            }
            Npy.writeRows(W, pl, longs, longs.length);
            // float32 from a direct buffer: 2 rows per rank, 5 columns
            String pf = t.path("floats.npy");
            FloatBuffer fb = ByteBuffer.allocateDirect(10 * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int k = 0; k < 10; k++) {
                fb.put(k, rank() * 10 + k + 0.5f);
            }
            Npy.writeRows(W, pf, fb, 2, 5);
            if (rank() == 0) {
                int n = size();
                assertEquals("int32 (4, " + 2 * n + ") True", python("a = np.load(sys.argv[1])\n"
                        + "e = np.arange(4)[:, None] * 1000 + np.arange(a.shape[1])[None, :]\n"
                        + "print(a.dtype, a.shape, np.array_equal(a, e))", pi));
                int total = n * (n - 1) / 2;
                assertEquals("int64 (" + total + ",) True", python("a = np.load(sys.argv[1])\n"
                        + "print(a.dtype, a.shape, np.array_equal(a, (1 << 40) + np.arange(a.shape[0])))", pl));
                assertEquals("float32 (" + 2 * n + ", 5) True", python("a = np.load(sys.argv[1])\n"
                        + "e = (np.arange(a.size) + 0.5).astype(np.float32).reshape(a.shape)\n"
                        + "print(a.dtype, a.shape, np.array_equal(a, e))", pf));
            }
            noTemporaries(t);
        }
    }

    @RankTest
    public static void readsWhatNumpyWrote() throws Exception {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("numpy.npy");
            int rows = 2 * size() + 1;
            if (rank() == 0) {
                python("np.save(sys.argv[1], (np.arange(" + rows + " * 3) * 7).astype('<i8').reshape(" + rows + ", 3))", p);
            }
            W.barrier();
            // uneven row blocks: rank r reads rows [2r, 2r + 2), the last rank one more
            int mine = rank() == size() - 1 ? 3 : 2;
            long[] got = new long[mine * 3];
            Npy.Header h = Npy.read(W, p, got, new long[] {2L * rank(), 0}, new long[] {mine, 3});
            assertEquals("<i8", h.descr());
            assertArrayEquals(new long[] {rows, 3}, h.shape());
            for (int k = 0; k < got.length; k++) {
                assertEquals((2L * rank() * 3 + k) * 7, got[k], "element " + k);
            }
            // a column, every rank
            long[] col = new long[rows];
            Npy.read(W, p, col, new long[] {0, 1}, new long[] {rows, 1});
            for (int i = 0; i < rows; i++) {
                assertEquals((i * 3 + 1) * 7L, col[i]);
            }
        }
    }

    @RankTest
    public static void disagreementFailsOnEveryRankAndKeepsTheFile() throws Exception {
        try (IoFiles t = new IoFiles()) {
            String p = t.path("keep.npy");
            byte[] old = "an existing file that a failed write must not clobber".getBytes(StandardCharsets.UTF_8);
            if (rank() == 0) {
                Files.write(Path.of(p), old);
            }
            W.barrier();
            // the last rank's buffer does not hold its block
            int n = rank() == size() - 1 ? 5 : 6;
            expectEverywhere(ErrorClasses.ERR_ARG, "rank " + (size() - 1) + ": the buffer holds 5 elements, the block [2, 3] needs 6",
                    () -> Npy.writeRows(W, p, new double[n], 2, 3));
            // a block outside the global shape
            expectEverywhere(ErrorClasses.ERR_ARG, "does not fit the global shape [4, 4]",
                    () -> Npy.write(W, p, new int[4], new long[] {4, 4}, new long[] {rank() == 0 ? 3 : 0, 0}, new long[] {2, 2}));
            if (size() > 1) {
                // ranks disagree on the dtype, then on the global shape
                Object buf = rank() == 1 ? new float[6] : new double[6];
                expectEverywhere(FileErrors.ERR_NOT_SAME, "rank 1 has dtype and global shape <f4",
                        () -> Npy.write(W, p, buf, new long[] {6L * size()}, new long[] {6L * rank()}, new long[] {6}));
                long g = rank() == size() - 1 ? 7L * size() : 6L * size();
                expectEverywhere(FileErrors.ERR_NOT_SAME, "rank " + (size() - 1) + " has dtype and global shape <f8 [" + 7 * size() + "]",
                        () -> Npy.write(W, p, new double[6], new long[] {g}, new long[] {6L * rank()}, new long[] {6}));
            }
            assertArrayEquals(old, Files.readAllBytes(Path.of(p)));
            noTemporaries(t);
            // reading: not a .npy file, a missing file, a dtype that is not the file's
            expectEverywhere(FileErrors.ERR_BAD_FILE, "Npy.readHeader on " + p + ": not a .npy file",
                    () -> Npy.read(W, p, new double[1], new long[] {0}, new long[] {1}));
            expectEverywhere(FileErrors.ERR_NO_SUCH_FILE, "missing.npy: no such file",
                    () -> Npy.read(W, t.path("missing.npy"), new double[1], new long[] {0}, new long[] {1}));
            String q = t.path("ints.npy");
            Npy.writeRows(W, q, new int[] {rank()}, 1);
            expectEverywhere(ErrorClasses.ERR_ARG, "the file's dtype <i4 is not the buffer's <f8",
                    () -> Npy.read(W, q, new double[1], new long[] {0}, new long[] {1}));
            int[] back = new int[size()];
            Npy.read(W, q, back, new long[] {0}, new long[] {size()});
            for (int r = 0; r < size(); r++) {
                assertEquals(r, back[r]);
            }
            assertFalse(Files.exists(Path.of(t.path("missing.npy"))));
        }
    }
}
