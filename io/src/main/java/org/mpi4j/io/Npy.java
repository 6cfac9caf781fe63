package org.mpi4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpi4j.Datatype;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;
import org.mpi4j.MPIException;
import org.mpi4j.NativeCalls;
import org.mpi4j.buffers.Buffers;
import org.mpi4j.buffers.ElementType;
import org.mpi4j.buffers.MessageBuffer;

/**
 * One global N-d array in one NumPy {@code .npy} file, written and read in parallel: every rank holds a block of it
 * (a row block, or any rectangular block of a Cartesian decomposition), in C order, from any buffer
 * {@link Buffers} resolves (double[], float[], int[], long[]..., NIO buffers, ND4J arrays, Arrow fixed-width
 * vectors). The dtype comes from the buffer ({@code <f8} for double, {@code <i4} for int...).
 *
 * <p>Writing is collective: the ranks first agree on dtype and global shape and check their blocks (a disagreement
 * or a bad block is an {@link MPIException} on every rank, before any byte is written); rank 0 writes the NumPy
 * header, every rank's block goes through a subarray file view in one collective write, into a temporary file in
 * the same folder that is renamed over {@code path} only when every rank succeeded. So a failed write never leaves
 * a file that looks complete, nor clobbers an existing one.
 *
 * <p>Reading is collective too and needs neither the writer's rank count nor its decomposition: any block of an
 * existing C-order {@code .npy} file (NumPy's own included) lands in a rank's buffer.
 */
public final class Npy {
    private Npy() { }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * The header of a {@code .npy} file.
     *
     * @param descr        NumPy's dtype string, e.g. {@code <f8}
     * @param fortranOrder true for column-major data
     * @param shape        the array's shape
     * @param dataOffset   the byte offset of the data in the file
     */
    public record Header(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
        /**
         * Number of elements: the product of the shape.
         *
         * @return number of elements: the product of the shape
         */
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        @Override
        public String toString() {
            return "Header[descr=" + descr + ", fortranOrder=" + fortranOrder + ", shape=" + Arrays.toString(shape)
                    + ", dataOffset=" + dataOffset + "]";
        }
    }

    /**
     * Writes one row block per rank: this rank's {@code local} array has shape {@code localShape} and holds the rows
     * after those of lower ranks; the global shape is the rows of all ranks by {@code localShape[1..]} (which must
     * agree). Collective over {@code comm}.
     *
     * @param comm       the ranks that write
     * @param path       the .npy file to create or replace
     * @param local      this rank's block, C order
     * @param localShape its shape (first dimension: this rank's rows; may be 0)
     */
    public static void writeRows(Intracomm comm, String path, Object local, long... localShape) {
        if (localShape.length == 0) {
            throw FileException.local(ErrorClasses.ERR_DIMS, "Npy.writeRows", path, "localShape is empty");
        }
        long[] rows = new long[comm.getSize()];
        comm.allgather(new long[] {localShape[0]}, rows);
        long before = 0;
        long total = 0;
        for (int r = 0; r < rows.length; r++) {
            if (r < comm.getRank()) {
                before += rows[r];
            }
            total += rows[r];
        }
        long[] global = localShape.clone();
        global[0] = total;
        long[] starts = new long[localShape.length];
        starts[0] = before;
        write(comm, path, local, global, starts, localShape);
    }

    /**
     * Writes this rank's block of a global array (collective over {@code comm}). Blocks of different ranks should not
     * overlap; together they should cover the array (parts no rank writes read back as zeros).
     *
     * @param comm        the ranks that write
     * @param path        the .npy file to create or replace
     * @param local       this rank's block, C order, {@code product(localShape)} elements
     * @param globalShape the whole array's shape (the same on every rank)
     * @param starts      where this rank's block starts in the global array
     * @param localShape  the block's shape
     */
    public static void write(Intracomm comm, String path, Object local, long[] globalShape, long[] starts, long[] localShape) {
        String where = "Npy.write";
        MessageBuffer m = Buffers.forSend(local);
        ElementType e = elementOf(m);
        long elements = elementsOf(m, e);
        String descr = e == null ? null : descr(e);
        String problem = descr == null ? "the buffer's datatype has no NumPy dtype" : checkBlock(globalShape, starts, localShape, elements);
        Datasets.agree(comm, where, path, descr + " " + Arrays.toString(globalShape), problem, ErrorClasses.ERR_ARG, "dtype and global shape");

        byte[] header = header(descr, globalShape);
        Datasets.writeReplacing(comm, where, path, tmp -> {
            try (File f = File.open(comm, tmp, File.MODE_CREATE | File.MODE_WRONLY)) {
                if (comm.getRank() == 0) {
                    f.writeAt(0, header);
                }
                Datatype etype = Datatype.of(e);
                if (elements == 0) {
                    f.setView(header.length, etype, etype);
                    f.writeAll(local);
                } else {
                    try (Datatype view = etype.subarray(ints(globalShape), ints(localShape), ints(starts), Datatype.ORDER_C).commit()) {
                        f.setView(header.length, etype, view);
                        f.writeAll(local);
                    }
                }
            }
        });
    }

    /**
     * Reads this rank's block of the array in an existing C-order .npy file (collective over {@code comm}; the
     * ranks need not be those that wrote it). The buffer's dtype must be the file's.
     *
     * @param comm       the ranks that read
     * @param path       the .npy file
     * @param local      receives the block, C order, {@code product(localShape)} elements
     * @param starts     where the block starts in the file's array
     * @param localShape the block's shape
     * @return the file's header
     */
    public static Header read(Intracomm comm, String path, Object local, long[] starts, long[] localShape) {
        String where = "Npy.read";
        Header h;
        String problem = null;
        int problemClass = ErrorClasses.ERR_ARG;
        try {
            h = readHeader(path);
        } catch (MPIException ex) {
            h = null;
            String text = ex.getMessage();
            problem = text.lastIndexOf(" [") > 0 ? text.substring(0, text.lastIndexOf(" [")) : text;
            problemClass = ex.getErrorClass();
        }
        MessageBuffer m = Buffers.forRecv(local);
        ElementType e = elementOf(m);
        long elements = elementsOf(m, e);
        if (h != null) {
            String want = e == null ? null : descr(e);
            if (h.fortranOrder()) {
                problem = "the file is in Fortran order; only C-order files are read";
            } else if (!h.descr().equals(want)) {
                problem = "the file's dtype " + h.descr() + " is not the buffer's " + want;
            } else {
                problem = checkBlock(h.shape(), starts, localShape, elements);
            }
        }
        Datasets.agree(comm, where, path, "", problem, problemClass, "");
        Datatype etype = Datatype.of(e);
        try (File f = File.open(comm, path, File.MODE_RDONLY)) {
            if (elements == 0) {
                f.setView(h.dataOffset(), etype, etype);
                f.readAll(local);
            } else {
                try (Datatype view = etype.subarray(ints(h.shape()), ints(localShape), ints(starts), Datatype.ORDER_C).commit()) {
                    f.setView(h.dataOffset(), etype, view);
                    f.readAll(local);
                }
            }
        }
        return h;
    }

    /**
     * Reads the header of a .npy file (plain Java, no MPI).
     *
     * @param path the file
     * @return its dtype, order, shape and data offset
     */
    public static Header readHeader(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            byte[] start = in.readNBytes(12);
            if (start.length < 10 || !Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
                throw FileException.local(FileErrors.ERR_BAD_FILE, "Npy.readHeader", path, "not a .npy file (no \\x93NUMPY magic)");
            }
            int major = start[6];
            long len;
            int pre;
            if (major == 1) {
                len = (start[8] & 0xff) | (start[9] & 0xff) << 8;
                pre = 10;
            } else {
                len = (start[8] & 0xffL) | (start[9] & 0xffL) << 8 | (start[10] & 0xffL) << 16 | (start[11] & 0xffL) << 24;
                pre = 12;
            }
            byte[] rest = in.readNBytes((int) len + pre - start.length);
            byte[] all = new byte[pre + (int) len];
            System.arraycopy(start, 0, all, 0, Math.min(start.length, all.length));
            System.arraycopy(rest, 0, all, start.length, rest.length);
            String dict = new String(all, pre, (int) len, StandardCharsets.ISO_8859_1);
            Matcher d = Pattern.compile("'descr'\\s*:\\s*'([^']*)'").matcher(dict);
            Matcher o = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)").matcher(dict);
            Matcher s = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)").matcher(dict);
            if (!d.find() || !o.find() || !s.find()) {
                throw FileException.local(FileErrors.ERR_BAD_FILE, "Npy.readHeader", path, "cannot parse the .npy header " + dict.trim());
            }
            List<Long> dims = new ArrayList<>();
            for (String t : s.group(1).split(",")) {
                if (!t.isBlank()) {
                    dims.add(Long.parseLong(t.trim().replace("L", "")));
                }
            }
            long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
            return new Header(d.group(1), o.group(1).equals("True"), shape, pre + len);
        } catch (java.nio.file.NoSuchFileException ex) {
            throw FileException.local(FileErrors.ERR_NO_SUCH_FILE, "Npy.readHeader", path, "no such file");
        } catch (IOException ex) {
            throw FileException.local(FileErrors.ERR_IO, "Npy.readHeader", path, ex.toString());
        }
    }

    /** NumPy's dtype string for an element type in this machine's byte order. */
    static String descr(ElementType e) {
        String o = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "<" : ">";
        switch (e) {
            case BOOL: return "|b1";
            case INT8: return "|i1";
            case UINT8: return "|u1";
            case INT16: return o + "i2";
            case UINT16: return o + "u2";
            case INT32: return o + "i4";
            case UINT32: return o + "u4";
            case INT64: return o + "i8";
            case UINT64: return o + "u8";
            case FLOAT32: return o + "f4";
            case FLOAT64: return o + "f8";
            default: return null;
        }
    }

    /** The NumPy header: magic, version 1.0 (2.0 when longer than 64 KiB), the dict, padded to 64 bytes. */
    static byte[] header(String descr, long[] shape) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        sh.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh + ", }";
        int pre = dict.length() + 11 > 65535 ? 12 : 10;
        int total = pre + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        byte[] b = new byte[padded];
        System.arraycopy(MAGIC, 0, b, 0, 6);
        b[6] = (byte) (pre == 10 ? 1 : 2);
        b[7] = 0;
        int len = padded - pre;
        b[8] = (byte) len;
        b[9] = (byte) (len >>> 8);
        if (pre == 12) {
            b[10] = (byte) (len >>> 16);
            b[11] = (byte) (len >>> 24);
        }
        byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(d, 0, b, pre, d.length);
        Arrays.fill(b, pre + d.length, padded - 1, (byte) ' ');
        b[padded - 1] = '\n';
        return b;
    }

    /** The element type of a resolved buffer: the one its datatype is (a byte[] given as DOUBLE is FLOAT64). */
    private static ElementType elementOf(MessageBuffer m) {
        long dt = m.datatype();
        for (ElementType e : ElementType.values()) {
            if (e.datatype() == dt && descr(e) != null) {
                return e;
            }
        }
        ElementType e = m.elementType();
        return e != null && descr(e) != null ? e : null;
    }

    /** Elements of {@code e} the buffer holds: count x datatype size / element size (strided views included). */
    private static long elementsOf(MessageBuffer m, ElementType e) {
        if (e == null) {
            return -1;
        }
        long typeSize = NativeCalls.datatype(m.datatype()).size();
        return m.count() * typeSize / e.size();
    }

    /** Null when the block fits the global array and the buffer holds exactly its elements; else what is wrong. */
    private static String checkBlock(long[] global, long[] starts, long[] local, long elements) {
        if (global.length == 0 || global.length != starts.length || global.length != local.length) {
            return "global shape " + Arrays.toString(global) + ", starts " + Arrays.toString(starts) + " and local shape "
                    + Arrays.toString(local) + " must have the same number (>= 1) of dimensions";
        }
        long n = 1;
        for (int i = 0; i < global.length; i++) {
            if (global[i] < 0 || global[i] > Integer.MAX_VALUE || starts[i] < 0 || local[i] < 0 || starts[i] + local[i] > global[i]) {
                return "block " + Arrays.toString(local) + " at " + Arrays.toString(starts) + " does not fit the global shape "
                        + Arrays.toString(global) + " (dimension " + i + ")";
            }
            n *= local[i];
        }
        if (n != elements) {
            return "the buffer holds " + elements + " elements, the block " + Arrays.toString(local) + " needs " + n;
        }
        return null;
    }

    private static int[] ints(long[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.toIntExact(v[i]);
        }
        return r;
    }
}
