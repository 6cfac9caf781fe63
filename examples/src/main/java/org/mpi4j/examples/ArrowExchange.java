package org.mpi4j.examples;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.mpi4j.MPI;
import org.mpi4j.buffers.arrow.ArrowMessages;

/**
 * Arrow vectors around a ring: each rank builds a Float8Vector and a VarCharVector with nulls. The Float8Vector's
 * values go zero copy as a plain buffer (MPI_DOUBLE discovered) into a vector of the same size; both whole vectors
 * (validity, offsets, data) go with ArrowMessages. Every rank checks what its left neighbour sent with Arrow's own
 * equality, and that its allocator has nothing outstanding at the end.
 */
public final class ArrowExchange {
    private ArrowExchange() { }

    static Float8Vector doubles(BufferAllocator a, int r, int n) {
        Float8Vector v = new Float8Vector("x", a);
        v.allocateNew(n);
        for (int i = 0; i < n; i++) {
            v.set(i, r + i / 8.0);
        }
        v.setValueCount(n);
        return v;
    }

    static VarCharVector words(BufferAllocator a, int r) {
        VarCharVector v = new VarCharVector("word", a);
        v.allocateNew();
        int n = 4 + r;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 1) {
                v.setNull(i);
            } else {
                v.setSafe(i, ("rank-" + r + "-word-" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(n);
        return v;
    }

    /** Optional argument: doubles per vector (default 100000). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        int next = (rank + 1) % size;
        int prev = (rank - 1 + size) % size;
        try (BufferAllocator a = new RootAllocator()) {
            try (Float8Vector mine = doubles(a, rank, n);
                 Float8Vector expect = doubles(a, prev, n);
                 VarCharVector myWords = words(a, rank);
                 VarCharVector expectWords = words(a, prev);
                 Float8Vector in = new Float8Vector("x", a)) {
                // values only, zero copy: the receiving vector is sized and marked valid first
                in.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    in.set(i, 0.0);
                }
                in.setValueCount(n);
                comm.sendrecv(mine, next, 1, in, prev, 1);
                Check.that(VectorEqualsVisitor.vectorEquals(expect, in), "Float8Vector values from rank " + prev);
                // whole vectors, nulls and offsets included; even ranks send first
                FieldVector gotWords;
                FieldVector gotDoubles;
                if (rank % 2 == 0) {
                    ArrowMessages.sendVector(comm, myWords, next, 2);
                    ArrowMessages.sendVector(comm, mine, next, 3);
                    gotWords = ArrowMessages.recvVector(comm, a, prev, 2);
                    gotDoubles = ArrowMessages.recvVector(comm, a, prev, 3);
                } else {
                    gotWords = ArrowMessages.recvVector(comm, a, prev, 2);
                    gotDoubles = ArrowMessages.recvVector(comm, a, prev, 3);
                    ArrowMessages.sendVector(comm, myWords, next, 2);
                    ArrowMessages.sendVector(comm, mine, next, 3);
                }
                try (FieldVector w = gotWords; FieldVector d = gotDoubles) {
                    Check.that(VectorEqualsVisitor.vectorEquals(expectWords, w), "VarCharVector from rank " + prev + ": " + w);
                    Check.that(VectorEqualsVisitor.vectorEquals(expect, d), "whole Float8Vector from rank " + prev);
                    Check.that(w.getNullCount() == expectWords.getNullCount(), "null count " + w.getNullCount());
                    System.out.print(String.format("rank %d of %d: %d doubles and %d words (%d null) from rank %d equal OK%n", rank,
                            size, d.getValueCount(), w.getValueCount(), w.getNullCount(), prev));
                }
            }
            Check.that(a.getAllocatedMemory() == 0, "allocator still holds " + a.getAllocatedMemory() + " bytes");
        }
    }
}
