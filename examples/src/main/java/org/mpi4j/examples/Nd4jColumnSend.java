package org.mpi4j.examples;

import org.mpi4j.MPI;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A non-contiguous view goes as it is: each rank sends column c of its C-order matrix (a strided view, carried by
 * a derived datatype built from the view's shape and strides, no copy) to the next rank, which receives it straight
 * into a column of its own matrix. Only that column changes; the check covers every element.
 */
public final class Nd4jColumnSend {
    private Nd4jColumnSend() { }

    static INDArray matrix(int r, int rows, int cols) {
        return Nd4j.arange(rows * cols).castTo(DataType.DOUBLE).addi(1000 * r).reshape('c', rows, cols);
    }

    /** Optional arguments: rows, columns (default 500 7). */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        int next = (rank + 1) % size;
        int prev = (rank - 1 + size) % size;
        int sendCol = rank % cols;
        int recvCol = (rank * 3 + 1) % cols;
        int prevCol = prev % cols;
        INDArray mine = matrix(rank, rows, cols);
        INDArray target = Nd4j.zeros(DataType.DOUBLE, rows, cols);
        INDArray column = mine.getColumn(sendCol);
        Check.that(column.stride(0) == cols, "a column of a C-order matrix is strided");
        comm.sendrecv(column, next, 7, target.getColumn(recvCol), prev, 7);
        INDArray theirs = matrix(prev, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double expect = j == recvCol ? theirs.getDouble(i, prevCol) : 0.0;
                Check.that(target.getDouble(i, j) == expect, "target(" + i + "," + j + ") = " + target.getDouble(i, j)
                        + " expected " + expect);
            }
        }
        System.out.print(String.format("rank %d of %d: column %d of rank %d (%d strided doubles) landed in column %d OK%n",
                rank, size, prevCol, prev, rows, recvCol));
    }
}
