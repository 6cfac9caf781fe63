package org.mpi4j.buffers.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpi4j.testing.Ring.next;
import static org.mpi4j.testing.Ring.prev;
import static org.mpi4j.testing.Ring.rank;
import static org.mpi4j.testing.Ring.size;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.TimeUnit;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Request;
import org.mpi4j.buffers.BufferSpec;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;
import org.mpi4j.testing.RankTest;
import org.mpi4j.testing.ZeroCopyProbe;

/** Every fixed-width vector kind, bare buffers, whole vectors and batches, errors, zero copy and leaks. */
public final class ArrowRanks {
    private ArrowRanks() { }

    static final int N = 37;

    /** A vector kind under test: how to make one, what it goes as, how many MPI elements its N values are. */
    record Kind(String name, Function<BufferAllocator, BaseFixedWidthVector> make, ElementType element, int countFor37) { }

    static List<Kind> kinds() {
        List<Kind> k = new ArrayList<>();
        k.add(new Kind("TinyInt", a -> new TinyIntVector("v", a), ElementType.INT8, N));
        k.add(new Kind("SmallInt", a -> new SmallIntVector("v", a), ElementType.INT16, N));
        k.add(new Kind("Int", a -> new IntVector("v", a), ElementType.INT32, N));
        k.add(new Kind("BigInt", a -> new BigIntVector("v", a), ElementType.INT64, N));
        k.add(new Kind("UInt1", a -> new UInt1Vector("v", a), ElementType.UINT8, N));
        k.add(new Kind("UInt2", a -> new UInt2Vector("v", a), ElementType.UINT16, N));
        k.add(new Kind("UInt4", a -> new UInt4Vector("v", a), ElementType.UINT32, N));
        k.add(new Kind("UInt8", a -> new UInt8Vector("v", a), ElementType.UINT64, N));
        k.add(new Kind("Float2", a -> new Float2Vector("v", a), ElementType.UINT16, N));
        k.add(new Kind("Float4", a -> new Float4Vector("v", a), ElementType.FLOAT32, N));
        k.add(new Kind("Float8", a -> new Float8Vector("v", a), ElementType.FLOAT64, N));
        k.add(new Kind("Decimal", a -> new DecimalVector("v", a, 20, 4), ElementType.RAW, 16 * N));
        k.add(new Kind("Decimal256", a -> new Decimal256Vector("v", a, 60, 4), ElementType.RAW, 32 * N));
        k.add(new Kind("FixedSizeBinary", a -> new FixedSizeBinaryVector("v", a, 5), ElementType.RAW, 5 * N));
        k.add(new Kind("DateDay", a -> new DateDayVector("v", a), ElementType.INT32, N));
        k.add(new Kind("DateMilli", a -> new DateMilliVector("v", a), ElementType.INT64, N));
        k.add(new Kind("TimeSec", a -> new TimeSecVector("v", a), ElementType.INT32, N));
        k.add(new Kind("TimeMilli", a -> new TimeMilliVector("v", a), ElementType.INT32, N));
        k.add(new Kind("TimeMicro", a -> new TimeMicroVector("v", a), ElementType.INT64, N));
        k.add(new Kind("TimeNano", a -> new TimeNanoVector("v", a), ElementType.INT64, N));
        k.add(new Kind("TimeStampMilli", a -> new TimeStampMilliVector("v", a), ElementType.INT64, N));
        k.add(new Kind("TimeStampMicroTZ", a -> new TimeStampMicroTZVector("v", a, "UTC"), ElementType.INT64, N));
        k.add(new Kind("Duration", a -> new DurationVector("v", org.apache.arrow.vector.types.pojo.FieldType.nullable(
                new org.apache.arrow.vector.types.pojo.ArrowType.Duration(TimeUnit.MICROSECOND)), a), ElementType.INT64, N));
        k.add(new Kind("IntervalYear", a -> new IntervalYearVector("v", a), ElementType.INT32, N));
        k.add(new Kind("IntervalDay", a -> new IntervalDayVector("v", a), ElementType.RAW, 8 * N));
        k.add(new Kind("Bit", a -> new BitVector("v", a), ElementType.UINT8, (N + 7) / 8));
        return k;
    }

    /** A vector of N values whose data bytes are a function of (rank, byte index). */
    static BaseFixedWidthVector filled(Kind k, BufferAllocator a, int r) {
        BaseFixedWidthVector v = k.make().apply(a);
        v.allocateNew(N);
        v.setValueCount(N);
        byte[] bytes = dataBytes(v);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (31 * r + 7 * i + 1);
        }
        v.getDataBuffer().setBytes(0, bytes);
        return v;
    }

    static int dataLength(BaseFixedWidthVector v) {
        return v instanceof BitVector ? (v.getValueCount() + 7) / 8 : v.getValueCount() * v.getTypeWidth();
    }

    static byte[] dataBytes(BaseFixedWidthVector v) {
        byte[] b = new byte[dataLength(v)];
        v.getDataBuffer().getBytes(0, b);
        return b;
    }

    @RankTest
    public static void everyFixedWidthVectorGoesZeroCopyWithItsDatatype() {
        try (BufferAllocator a = new RootAllocator()) {
            for (Kind k : kinds()) {
                try (BaseFixedWidthVector out = filled(k, a, rank());
                     BaseFixedWidthVector in = k.make().apply(a);
                     BaseFixedWidthVector expect = filled(k, a, prev())) {
                    in.allocateNew(N);
                    in.setValueCount(N);
                    MessageBuffer m = Buffers.resolve(out, new MessageBuffer(), false);
                    assertEquals(k.element().datatype(), m.datatype(), k.name() + " datatype");
                    assertEquals(k.countFor37(), m.count(), k.name() + " count");
                    assertEquals(out.getDataBuffer().memoryAddress(), m.address(), k.name() + " address");
                    MPI.COMM_WORLD.sendrecv(out, next(), 1, in, prev(), 1);
                    assertArrayEquals(dataBytes(expect), dataBytes(in), k.name() + " values from rank " + prev());
                    // nonblocking: the request uses the vector's memory in place
                    BaseFixedWidthVector in2 = k.make().apply(a);
                    in2.allocateNew(N);
                    in2.setValueCount(N);
                    Request r = MPI.COMM_WORLD.irecv(in2, prev(), 2);
                    MPI.COMM_WORLD.send(out, next(), 2);
                    r.waitFor();
                    assertArrayEquals(dataBytes(expect), dataBytes(in2), k.name() + " nonblocking");
                    in2.close();
                }
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    @RankTest
    public static void collectivesReduceVectorsInPlace() {
        try (BufferAllocator a = new RootAllocator();
             Float8Vector x = new Float8Vector("x", a);
             Float8Vector sum = new Float8Vector("sum", a);
             BitVector bits = new BitVector("b", a);
             BitVector anyBits = new BitVector("any", a)) {
            x.allocateNew(N);
            sum.allocateNew(N);
            bits.allocateNew(N);
            anyBits.allocateNew(N);
            for (int i = 0; i < N; i++) {
                x.set(i, rank() + i * 0.5);
                bits.set(i, i % size() == rank() ? 1 : 0);
                // only values travel: the receiving vectors' validity says which slots hold values
                sum.set(i, 0.0);
                anyBits.set(i, 0);
            }
            x.setValueCount(N);
            sum.setValueCount(N);
            bits.setValueCount(N);
            anyBits.setValueCount(N);
            MPI.COMM_WORLD.allreduce(x, sum, Op.SUM);
            MPI.COMM_WORLD.allreduce(bits, anyBits, Op.BOR);
            for (int i = 0; i < N; i++) {
                assertEquals(size() * (size() - 1) / 2.0 + size() * i * 0.5, sum.get(i), 1e-12);
                assertEquals(1, anyBits.get(i), "bit " + i + " set by rank " + i % size());
            }
            // broadcast into a vector, and an ArrowBuf as raw bytes
            Float8Vector b = rank() == 0 ? x : sum;
            MPI.COMM_WORLD.bcast(b, 0);
            for (int i = 0; i < N; i++) {
                assertEquals(i * 0.5, b.get(i), 0.0);
            }
            try (ArrowBuf raw = a.buffer(64)) {
                for (int i = 0; i < 64; i++) {
                    raw.setByte(i, rank() == 0 ? i : 0);
                }
                MPI.COMM_WORLD.bcast(raw, 0);
                for (int i = 0; i < 64; i++) {
                    assertEquals(i, raw.getByte(i));
                }
            }
        }
    }

    /** MPI calls a Java op with pointers to the operands: they are the vectors' own data buffers. */
    @RankTest
    public static void mpiSeesTheVectorsOwnMemory() {
        try (BufferAllocator a = new RootAllocator();
             IntVector in = new IntVector("in", a);
             IntVector inout = new IntVector("inout", a)) {
            in.allocateNew(N);
            inout.allocateNew(N);
            for (int i = 0; i < N; i++) {
                in.set(i, i);
                inout.set(i, 100);
            }
            in.setValueCount(N);
            inout.setValueCount(N);
            long[] seen = ZeroCopyProbe.intSumAddresses(in, inout);
            assertEquals(in.getDataBuffer().memoryAddress(), seen[0]);
            assertEquals(inout.getDataBuffer().memoryAddress(), seen[1]);
            for (int i = 0; i < N; i++) {
                assertEquals(100 + i, inout.get(i));
            }
        }
    }

    @RankTest
    public static void capacityClosedAndReleasedAreClearErrors() {
        try (BufferAllocator a = new RootAllocator()) {
            IntVector v = new IntVector("v", a);
            v.allocateNew(8);
            v.setValueCount(8);
            MPIException big = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(BufferSpec.of(v, 9, Datatype.INT), rank(), 0));
            assertEquals(ErrorClasses.ERR_COUNT, big.getErrorClass());
            // a receive with room for fewer values than arrive is truncated, never overrun
            try (IntVector small = new IntVector("small", a); BigIntVector wrong = new BigIntVector("w", a)) {
                small.allocateNew(4);
                small.setValueCount(4);
                Request r = MPI.COMM_WORLD.isend(v, rank(), 3);
                MPIException t = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.recv(small, rank(), 3));
                assertEquals(ErrorClasses.ERR_TRUNCATE, t.getErrorClass());
                r.waitFor();
                wrong.allocateNew(8);
                wrong.setValueCount(8);
                MPIException mismatch = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(BufferSpec.of(wrong, 8, Datatype.INT), rank(), 0));
                assertEquals(ErrorClasses.ERR_TYPE, mismatch.getErrorClass());
            }
            v.close();
            MPIException closed = assertThrows(MPIException.class, () -> MPI.COMM_WORLD.send(v, rank(), 0));
            assertEquals(ErrorClasses.ERR_BUFFER, closed.getErrorClass());
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            ArrowBuf buf = a.buffer(16);
            buf.close();
            assertEquals(ErrorClasses.ERR_BUFFER, assertThrows(MPIException.class, () -> MPI.COMM_WORLD.bcast(buf, 0)).getErrorClass());
            // the communicator still works
            int[] s = new int[1];
            MPI.COMM_WORLD.allreduce(new int[] {1}, s, Op.SUM);
            assertEquals(size(), s[0]);
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    /** A batch of a nullable int, a VarChar with nulls and a List of ints, from rank r. */
    static VectorSchemaRoot batch(BufferAllocator a, int r) {
        IntVector ints = new IntVector("id", a);
        VarCharVector names = new VarCharVector("name", a);
        ListVector lists = ListVector.empty("values", a);
        int rows = 5 + r;
        ints.allocateNew(rows);
        names.allocateNew(rows);
        UnionListWriter w = lists.getWriter();
        for (int i = 0; i < rows; i++) {
            if ((i + r) % 3 == 0) {
                ints.setNull(i);
                names.setNull(i);
            } else {
                ints.set(i, 10 * r + i);
                names.setSafe(i, ("rank " + r + " row " + i + " ü").getBytes(StandardCharsets.UTF_8));
            }
            w.setPosition(i);
            w.startList();
            for (int j = 0; j < i % 4; j++) {
                w.integer().writeInt(r * 100 + i * 10 + j);
            }
            w.endList();
        }
        ints.setValueCount(rows);
        names.setValueCount(rows);
        lists.setValueCount(rows);
        List<FieldVector> vs = List.of(ints, names, lists);
        VectorSchemaRoot root = new VectorSchemaRoot(vs);
        root.setRowCount(rows);
        return root;
    }

    @RankTest
    public static void wholeVectorsAndBatchesArriveEqual() {
        try (BufferAllocator a = new RootAllocator()) {
            try (VectorSchemaRoot mine = batch(a, rank()); VectorSchemaRoot expect = batch(a, prev())) {
                // point-to-point around the ring (sender posts first through a nonblocking barrier-free order)
                if (rank() % 2 == 0 && org.mpi4j.testing.Ring.selfSendWaitsForReceive()) {
                    // one process under MPICH: a blocking send to oneself waits for its receive (see Ring), so the
                    // batch goes nonblocking and completes after the receive
                    org.mpi4j.Request[] sent = ArrowMessages.isend(MPI.COMM_WORLD, mine, next(), 9);
                    try (VectorSchemaRoot got = ArrowMessages.recv(MPI.COMM_WORLD, a, prev(), 9)) {
                        assertTrue(got.equals(expect), "batch from " + prev() + ":\n" + got.contentToTSVString());
                    }
                    org.mpi4j.Request.waitAll(sent);
                } else if (rank() % 2 == 0) {
                    ArrowMessages.send(MPI.COMM_WORLD, mine, next(), 9);
                    try (VectorSchemaRoot got = ArrowMessages.recv(MPI.COMM_WORLD, a, prev(), 9)) {
                        assertTrue(got.equals(expect), "batch from " + prev() + ":\n" + got.contentToTSVString());
                    }
                } else {
                    try (VectorSchemaRoot got = ArrowMessages.recv(MPI.COMM_WORLD, a, MPI.ANY_SOURCE, 9)) {
                        assertTrue(got.equals(expect), "batch from " + prev());
                    }
                    ArrowMessages.send(MPI.COMM_WORLD, mine, next(), 9);
                }
                // single vectors: VarChar with nulls, by bcast and gather
                FieldVector names = mine.getVector("name");
                FieldVector b = ArrowMessages.bcastVector(MPI.COMM_WORLD, rank() == 0 ? names : null, a, 0);
                try (VectorSchemaRoot zero = batch(a, 0)) {
                    assertTrue(VectorEqualsVisitor.vectorEquals(zero.getVector("name"), b));
                }
                if (rank() != 0) {
                    b.close();
                }
                List<VectorSchemaRoot> all = ArrowMessages.gather(MPI.COMM_WORLD, mine, a, size() - 1);
                if (rank() == size() - 1) {
                    assertEquals(size(), all.size());
                    for (int r = 0; r < size(); r++) {
                        try (VectorSchemaRoot e = batch(a, r)) {
                            assertTrue(all.get(r).equals(e), "gathered batch " + r);
                        }
                        if (r != rank()) {
                            all.get(r).close();
                        }
                    }
                } else {
                    assertNull(all);
                }
            }
            assertEquals(0, a.getAllocatedMemory(), "allocator leak");
        }
    }

    /**
     * Issue 13: closing a vector while a nonblocking receive (or send) used its memory freed that memory under MPI
     * (SIGSEGV). A request now holds a reference on the Arrow memory until it completes.
     */
    @RankTest
    public static void closingAVectorWhileARequestUsesItFreesNothingUntilItCompletes() {
        int n = 1 << 16;
        try (BufferAllocator a = new RootAllocator()) {
            Float8Vector in = new Float8Vector("in", a);
            in.allocateNew(n);
            in.setValueCount(n);
            Request r = MPI.COMM_WORLD.irecv(in, prev(), 41);
            in.close();
            assertTrue(a.getAllocatedMemory() > 0, "the pending receive keeps the vector's memory");
            double[] out = new double[n];
            java.util.Arrays.fill(out, rank() + 0.5);
            MPI.COMM_WORLD.send(out, next(), 41);
            r.waitFor();
            assertEquals(0, a.getAllocatedMemory(), "the memory went back to the allocator on completion");

            Float8Vector sent = new Float8Vector("sent", a);
            sent.allocateNew(n);
            for (int i = 0; i < n; i++) {
                sent.set(i, rank() * 10.0 + i);
            }
            sent.setValueCount(n);
            Request q = MPI.COMM_WORLD.isend(sent, next(), 42);
            sent.close();
            assertTrue(a.getAllocatedMemory() > 0, "the pending send keeps the vector's memory");
            double[] got = new double[n];
            MPI.COMM_WORLD.recv(got, prev(), 42);
            q.waitFor();
            for (int i = 0; i < n; i++) {
                assertEquals(prev() * 10.0 + i, got[i], "value " + i);
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    /**
     * Issue 18: a vector prepared as README says (allocateNew + setValueCount) received values that then read as
     * null, its validity bits unset. The values it receives are now marked valid; the others keep their validity.
     */
    @RankTest
    public static void aReceivedVectorReadsItsValuesNotNulls() {
        int n = 100;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rank() * 1000 + i;
        }
        try (BufferAllocator a = new RootAllocator(); Float8Vector v = new Float8Vector("x", a); Float8Vector w = new Float8Vector("w", a)) {
            v.allocateNew(n);
            v.setValueCount(n);
            MPI.COMM_WORLD.sendrecv(out, next(), 51, v, prev(), 51);
            for (int i = 0; i < n; i++) {
                assertTrue(!v.isNull(i), "value " + i + " reads as null");
                assertEquals(prev() * 1000 + i, v.get(i), 0.0);
            }
            w.allocateNew(8);
            w.setValueCount(8);
            w.set(7, 7.5);
            Request r = MPI.COMM_WORLD.irecv(org.mpi4j.buffers.BufferSpec.of(w, 2, 3, org.mpi4j.Datatype.DOUBLE), prev(), 52);
            MPI.COMM_WORLD.send(new double[] {1, 2, 3}, next(), 52);
            r.waitFor();
            for (int i = 0; i < 8; i++) {
                boolean received = i >= 2 && i < 5;
                assertEquals(!received && i != 7, w.isNull(i), "validity of value " + i);
            }
            assertEquals(2.0, w.get(3), 0.0);
            assertEquals(7.5, w.get(7), 0.0);
        }
    }

    /**
     * Issue 19: validity is marked natively a 4 KiB block at a time, a block already all valid only read. A receive
     * into a part of a 100 000-value vector (a partial first byte, blocks valid before, one with a null, one all null, a
     * partial last byte) marks exactly the received values and leaves every other bit as it was.
     */
    @RankTest
    public static void aLargeReceiveMarksExactlyItsValuesValid() {
        int n = 100_000;
        int first = 13;
        int count = 90_000;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rank() * 7 + i;
        }
        try (BufferAllocator a = new RootAllocator(); IntVector v = new IntVector("x", a)) {
            v.allocateNew(n);
            v.setValueCount(n);
            for (int round = 0; round < 2; round++) {   // twice over the same memory, as a receiving loop does
                for (int i = 0; i < 50_000; i++) {
                    v.set(i, -1);
                }
                v.setNull(3);
                v.setNull(40_000);
                for (int i = 50_000; i < n; i++) {
                    v.setNull(i);
                }
                v.set(99_999, 5);
                MPI.COMM_WORLD.sendrecv(out, next(), 53, org.mpi4j.buffers.BufferSpec.of(v, first, count, org.mpi4j.Datatype.INT),
                        prev(), 53);
                for (int i = 0; i < n; i++) {
                    boolean expectNull = i < first ? i == 3 : i >= first + count && i != 99_999;
                    assertEquals(expectNull, v.isNull(i), "round " + round + ": validity of value " + i);
                }
                for (int i = first; i < first + count; i++) {
                    assertEquals(prev() * 7 + i - first, v.get(i), "value " + i);
                }
                assertEquals(-1, v.get(0));
                assertEquals(5, v.get(99_999));
            }
        }
    }

    /**
     * A point-to-point message shorter than its receiving vector marks only the values that arrived valid: the others
     * keep their validity (nulls stay null, valid values stay valid) and their values, whichever receive takes it:
     * recv, irecv, sendrecv, a matched receive (mprobe + mrecv) and a persistent receive started twice.
     */
    @RankTest
    public static void aShortMessageMarksOnlyWhatArrivedValid() {
        String[] calls = {"recv", "irecv", "sendrecv", "mrecv", "recvInit"};
        try (BufferAllocator a = new RootAllocator(); Float8Vector v = new Float8Vector("x", a)) {
            v.allocateNew(40);
            v.setValueCount(40);
            for (int c = 0; c < calls.length; c++) {
                int sent = 3 + c;   // doubles
                double[] out = new double[sent];
                for (int k = 0; k < sent; k++) {
                    out[k] = rank() * 100 + c * 10 + k;
                }
                for (int i = 0; i < 40; i++) {
                    if (i % 2 == 0) {
                        v.setNull(i);
                    } else {
                        v.set(i, -1.0);
                    }
                }
                int tag = 60 + c;
                Request s = calls[c].equals("sendrecv") ? null : MPI.COMM_WORLD.isend(out, next(), tag);
                switch (calls[c]) {
                    case "recv" -> MPI.COMM_WORLD.recv(v, prev(), tag);
                    case "irecv" -> MPI.COMM_WORLD.irecv(v, prev(), tag).waitFor();
                    case "sendrecv" -> MPI.COMM_WORLD.sendrecv(out, next(), tag, v, prev(), tag);
                    case "mrecv" -> MPI.COMM_WORLD.mprobe(prev(), tag, null).recv(v, null);
                    default -> {
                        org.mpi4j.Prequest p = MPI.COMM_WORLD.recvInit(v, prev(), tag);
                        p.start();
                        p.waitFor();
                        p.free();
                    }
                }
                if (s != null) {
                    s.waitFor();
                }
                for (int i = 0; i < 40; i++) {
                    if (i < sent) {
                        assertFalse(v.isNull(i), calls[c] + ": value " + i + " arrived, so it is valid");
                        assertEquals(prev() * 100 + c * 10 + i, v.get(i), calls[c] + ": value " + i);
                    } else if (i % 2 == 0) {
                        assertTrue(v.isNull(i), calls[c] + ": value " + i + " did not arrive and stays null");
                    } else {
                        assertEquals(-1.0, v.get(i), calls[c] + ": value " + i + " did not arrive and keeps its value");
                    }
                }
            }
        }
        MPI.COMM_WORLD.barrier();
    }

    /**
     * Issue 18 (README, troubleshooting): a receiving vector whose {@code setValueCount} was forgotten holds 0 values,
     * so the receive is MPI_ERR_TRUNCATE, and the message names both sizes.
     */
    @RankTest
    public static void aVectorWithoutValueCountIsATruncationThatSaysSo() {
        try (BufferAllocator a = new RootAllocator(); Float8Vector v = new Float8Vector("x", a)) {
            v.allocateNew(4);   // setValueCount(4) forgotten
            org.mpi4j.Request s = MPI.COMM_WORLD.isend(new double[] {1, 2, 3, 4}, next(), 53);
            org.mpi4j.MPIException e = assertThrows(org.mpi4j.MPIException.class, () -> MPI.COMM_WORLD.recv(v, prev(), 53));
            assertEquals(org.mpi4j.ErrorClasses.ERR_TRUNCATE, e.getErrorClass(), e.getMessage());
            assertTrue(e.getMessage().startsWith("recv: message truncated: "), e.getMessage());
            assertTrue(e.getMessage().contains("a receive buffer of 0 MPI_DOUBLE (0 bytes)"), e.getMessage());
            s.waitFor();
        }
    }

    /** Issue 19: vectors from the huge-page allocator are 2 MiB aligned from 2 MiB on, move like any vector, leak nothing. */
    @RankTest
    public static void hugePageAllocatorVectors() {
        int n = 1 << 19;   // 4 MiB of doubles
        try (BufferAllocator a = HugePageAllocationManager.rootAllocator(); Float8Vector out = new Float8Vector("out", a);
             Float8Vector in = new Float8Vector("in", a)) {
            out.allocateNew(n);
            for (int i = 0; i < n; i++) {
                out.set(i, rank() + i * 0.5);
            }
            out.setValueCount(n);
            in.allocateNew(n);
            in.setValueCount(n);
            assertEquals(0, out.getDataBuffer().memoryAddress() % (2 << 20), "2 MiB aligned");
            MPI.COMM_WORLD.sendrecv(out, next(), 61, in, prev(), 61);
            for (int i = 0; i < n; i += 997) {
                assertEquals(prev() + i * 0.5, in.get(i), 0.0);
            }
            in.close();
            out.close();
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    /**
     * ArrowMemory.wrap views a node-shared window segment as one Float8Vector on every process, all values valid:
     * each rank sets its value through its own vector, every rank reads all of them; the memory is accounted to the
     * allocator while the vector lives and never freed by Arrow; bytes past the values stay untouched.
     */
    @RankTest
    public static void sharedWindowSegmentAsOneVector() {
        int n = size();
        try (org.mpi4j.Intracomm node = MPI.COMM_WORLD.splitType(MPI.COMM_TYPE_SHARED, rank());
             org.mpi4j.Win w = org.mpi4j.Win.allocateShared(node.getRank() == 0 ? 8L * n + 8 : 0, 8,
                     org.mpi4j.Info.NULL, node);
             BufferAllocator a = new RootAllocator()) {
            java.nio.ByteBuffer seg = w.sharedQuery(0).buffer();
            w.lockAll();
            if (rank() == 0) {
                seg.putLong(8 * n, 0x5A5A5A5A5A5A5A5AL);
            }
            MPI.COMM_WORLD.barrier();
            java.nio.ByteBuffer values = seg.slice(0, 8 * n);
            try (Float8Vector v = ArrowMemory.wrap(values, new Float8Vector("x", a))) {
                assertEquals(n, v.getValueCount());
                assertTrue(a.getAllocatedMemory() >= 8L * n, "accounted to the allocator");
                v.set(rank(), rank() * 2.5);
                w.sync();
                MPI.COMM_WORLD.barrier();
                w.sync();
                for (int r = 0; r < n; r++) {
                    assertFalse(v.isNull(r));
                    assertEquals(r * 2.5, v.get(r), "value of rank " + r);
                }
                // the view is a message buffer like any vector
                try (Float8Vector sum = new Float8Vector("s", a)) {
                    sum.allocateNew(n);
                    sum.setValueCount(n);
                    MPI.COMM_WORLD.allreduce(v, sum, Op.SUM);
                    assertEquals(n * 2.5 * (n - 1), sum.get(n - 1), 1e-9);   // every rank sees the same vector
                }
            }
            assertEquals(0, a.getAllocatedMemory(), "nothing left accounted after close");
            assertEquals(rank() * 2.5, seg.getDouble(8 * rank()), "closing the vector did not free the segment");
            assertEquals(0x5A5A5A5A5A5A5A5AL, seg.getLong(8 * n));
            try (org.apache.arrow.memory.ArrowBuf b = ArrowMemory.wrap(seg, a)) {
                assertEquals(seg.capacity(), b.capacity());
                assertEquals(0x5A5A5A5A5A5A5A5AL, b.getLong(8 * n));
            }
            assertEquals(ErrorClasses.ERR_BUFFER, assertThrows(MPIException.class,
                    () -> ArrowMemory.wrap(java.nio.ByteBuffer.allocate(8), a)).getErrorClass());
            assertEquals(ErrorClasses.ERR_TYPE, assertThrows(MPIException.class,
                    () -> ArrowMemory.wrap(values, new org.apache.arrow.vector.BitVector("b", a))).getErrorClass());
            MPI.COMM_WORLD.barrier();
            w.unlockAll();
        }
    }
}
