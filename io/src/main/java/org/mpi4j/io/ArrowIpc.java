package org.mpi4j.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowFooter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.mpi4j.ErrorClasses;
import org.mpi4j.Intracomm;

/**
 * One Arrow IPC file (the "Feather v2" random-access format) written collectively from every rank's record batch,
 * readable by Arrow's standard readers ({@code ArrowFileReader}, pyarrow's {@code ipc.open_file}); and a parallel
 * reader that hands each rank its share of a file's batches. Needs arrow-vector on the classpath.
 *
 * <p>Writing: the ranks first agree on the schema (a different schema on any rank, or a dictionary-encoded field,
 * is an {@link org.mpi4j.MPIException} on every rank, before any byte is written); each rank serializes its batch
 * in memory, the offsets come from the sizes of the batches before it, rank 0 writes the magic, the schema and the
 * footer with every block's offset, and the batches go into the file, in rank order, with one collective
 * {@link File#writeAtAll}. As with {@link Npy}, the file is written under a temporary name and renamed on success.
 */
public final class ArrowIpc {
    private ArrowIpc() { }

    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    /**
     * Writes every rank's batch, in rank order, into one Arrow IPC file (collective over {@code comm}).
     *
     * @param comm  the ranks that write
     * @param path  the file to create or replace
     * @param batch this rank's record batch (any number of rows, 0 included; variable-width vectors and nulls
     *              included); every rank's has the same schema
     */
    public static void write(Intracomm comm, String path, VectorSchemaRoot batch) {
        String where = "ArrowIpc.write";
        Schema schema = batch.getSchema();
        String problem = null;
        for (Field f : schema.getFields()) {
            if (f.getDictionary() != null) {
                problem = "field " + f.getName() + " is dictionary-encoded, which ArrowIpc does not write";
            }
        }
        byte[] body = null;
        ArrowBlock local = null;
        if (problem == null) {
            try (ArrowRecordBatch rb = new VectorUnloader(batch).getRecordBatch()) {
                ByteArrayOutputStream bo = new ByteArrayOutputStream();
                local = MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bo)), rb);
                body = bo.toByteArray();
            } catch (IOException | RuntimeException ex) {
                problem = "cannot serialize the batch: " + ex;
            }
        }
        Datasets.agree(comm, where, path, schema.toJson(), problem, ErrorClasses.ERR_ARG, "schema");

        int size = comm.getSize();
        byte[] header = header(schema);
        long[] sizes = new long[3 * size];
        comm.allgather(new long[] {body.length, local.getMetadataLength(), local.getBodyLength()}, sizes);
        long[] offsets = new long[size + 1];
        offsets[0] = header.length;
        for (int r = 0; r < size; r++) {
            offsets[r + 1] = offsets[r] + sizes[3 * r];
        }
        byte[] footer = null;
        if (comm.getRank() == 0) {
            List<ArrowBlock> blocks = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                blocks.add(new ArrowBlock(offsets[r], (int) sizes[3 * r + 1], sizes[3 * r + 2]));
            }
            footer = footer(schema, blocks);
        }
        byte[] footerBytes = footer;
        byte[] mine = body;
        long at = offsets[comm.getRank()];
        long end = offsets[size];
        Datasets.writeReplacing(comm, where, path, tmp -> {
            try (File f = File.open(comm, tmp, File.MODE_CREATE | File.MODE_WRONLY)) {
                if (comm.getRank() == 0) {
                    f.writeAt(0, header);
                    f.writeAt(end, footerBytes);
                }
                f.writeAtAll(at, mine);
            }
        });
    }

    /**
     * Reads this rank's share of the batches of an Arrow IPC file (collective over {@code comm}): with B batches
     * and P ranks, rank r gets batches [r B / P, (r + 1) B / P), each as a new root allocated from {@code allocator}
     * (close them when done).
     *
     * @param comm      the ranks that read (any number, not necessarily the writers)
     * @param path      the Arrow IPC file
     * @param allocator where the batches' memory comes from
     * @return this rank's batches, in file order
     */
    public static List<VectorSchemaRoot> read(Intracomm comm, String path, BufferAllocator allocator) {
        String problem = null;
        int cls = ErrorClasses.ERR_ARG;
        List<VectorSchemaRoot> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            List<ArrowBlock> blocks = reader.getRecordBlocks();
            int n = blocks.size();
            int from = (int) ((long) comm.getRank() * n / comm.getSize());
            int to = (int) ((long) (comm.getRank() + 1) * n / comm.getSize());
            for (int i = from; i < to; i++) {
                reader.loadRecordBatch(blocks.get(i));
                VectorSchemaRoot src = reader.getVectorSchemaRoot();
                VectorSchemaRoot copy = VectorSchemaRoot.create(src.getSchema(), allocator);
                try (ArrowRecordBatch rb = new VectorUnloader(src).getRecordBatch()) {
                    new VectorLoader(copy).load(rb);
                }
                out.add(copy);
            }
        } catch (NoSuchFileException ex) {
            problem = "no such file";
            cls = FileErrors.ERR_NO_SUCH_FILE;
        } catch (IOException | RuntimeException ex) {
            problem = "not a readable Arrow IPC file: " + ex.getMessage();
            cls = FileErrors.ERR_BAD_FILE;
        }
        try {
            Datasets.agree(comm, "ArrowIpc.read", path, "", problem, cls, "");
        } catch (RuntimeException ex) {
            out.forEach(VectorSchemaRoot::close);
            throw ex;
        }
        return out;
    }

    /** Magic, two bytes of padding, the schema message. */
    private static byte[] header(Schema schema) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            WriteChannel ch = new WriteChannel(Channels.newChannel(bo));
            ch.write(MAGIC);
            ch.writeZeros(2);
            MessageSerializer.serialize(ch, schema);
            return bo.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The footer (schema and record batch blocks), its length, the magic. */
    private static byte[] footer(Schema schema, List<ArrowBlock> blocks) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            WriteChannel ch = new WriteChannel(Channels.newChannel(bo));
            long start = ch.getCurrentPosition();
            ch.write(new ArrowFooter(schema, List.of(), blocks), false);
            ch.writeIntLittleEndian((int) (ch.getCurrentPosition() - start));
            ch.write(MAGIC);
            return bo.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
