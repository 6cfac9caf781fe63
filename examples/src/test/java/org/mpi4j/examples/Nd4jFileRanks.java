package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.io.File;
import org.mpi4j.testing.RankTest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J arrays as MPI-IO buffers (issue 14): a C-order matrix and a strided column view written with writeAtAll,
 * checked byte for byte through java.nio, and read back into an array and into a view of another matrix.
 */
public final class Nd4jFileRanks {
    private Nd4jFileRanks() { }

    @RankTest
    public static void nd4jArraysAndViewsAreFileBuffers() throws Exception {
        Intracomm w = MPI.COMM_WORLD;
        int rank = w.getRank();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        String path = dir.resolve("mpi4j-nd4j-file-" + w.bcastObject(ProcessHandle.current().pid(), 0) + ".bin").toString();
        INDArray m = Nd4j.create(DataType.DOUBLE, 3, 4);
        for (int i = 0; i < 12; i++) {
            m.putScalar(i / 4, i % 4, rank * 100 + i);
        }
        INDArray column = m.getColumn(2);                              // strided view: elements 2, 6, 10
        try (File f = File.open(w, path, File.MODE_CREATE | File.MODE_RDWR)) {
            f.writeAtAll(rank * 15L * 8, m);                           // 12 doubles of the matrix, row-major
            f.writeAtAll((rank * 15L + 12) * 8, column);               // then the 3 of the column view
            f.sync();
            w.barrier();
            ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(Path.of(path))).order(ByteOrder.nativeOrder());
            for (int r = 0; r < w.getSize(); r++) {
                for (int i = 0; i < 12; i++) {
                    assertEquals(r * 100 + i, all.getDouble((r * 15 + i) * 8), "rank " + r + " element " + i);
                }
                for (int k = 0; k < 3; k++) {
                    assertEquals(r * 100 + 4 * k + 2, all.getDouble((r * 15 + 12 + k) * 8), "rank " + r + " column " + k);
                }
            }
            INDArray back = Nd4j.create(DataType.DOUBLE, 3, 4);
            f.readAtAll(rank * 15L * 8, back);
            assertEquals(m, back);
            INDArray other = Nd4j.zeros(DataType.DOUBLE, 3, 4);
            f.readAtAll((rank * 15L + 12) * 8, other.getColumn(1));   // into a strided view of another matrix
            for (int k = 0; k < 3; k++) {
                assertEquals(rank * 100 + 4 * k + 2, other.getDouble(k, 1), 0.0);
                assertEquals(0.0, other.getDouble(k, 0), 0.0);
            }
        }
        w.barrier();
        if (rank == 0) {
            File.delete(path);
        }
    }
}
