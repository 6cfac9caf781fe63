package org.mpi4j.buffers.arrow;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;
import org.mpi4j.buffers.DirectMemory;

/**
 * Arrow buffers and vectors over memory that MPI hands out as a direct ByteBuffer, with no copy: a shared-memory
 * window's segment ({@code Win.sharedQuery(rank).buffer()}, so every process of a node sees one column), the memory of
 * {@code Win.allocate} ({@code win.getBuffer()}), or {@code MPI.allocMem}. The memory is accounted to the allocator
 * while the buffer lives but never freed by Arrow (it is MPI's); it is valid as long as the memory is (for a window:
 * until the window is freed).
 */
public final class ArrowMemory {
    private ArrowMemory() { }

    /**
     * An ArrowBuf over {@code memory}'s bytes from its position to its limit, through
     * {@link BufferAllocator#wrapForeignAllocation}. Close it (or the vector it is loaded into) as any ArrowBuf.
     *
     * @param memory    a direct ByteBuffer
     * @param allocator the allocator the buffer is accounted to
     * @return an ArrowBuf whose bytes are {@code memory}'s
     * @throws MPIException (MPI_ERR_BUFFER) when {@code memory} is not direct
     */
    public static ArrowBuf wrap(ByteBuffer memory, BufferAllocator allocator) {
        if (memory == null || !memory.isDirect()) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, "ArrowMemory.wrap needs a direct ByteBuffer"
                    + (memory == null ? ", not null" : ": a heap buffer may move"));
        }
        if (allocator == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "ArrowMemory.wrap: the allocator must not be null");
        }
        long address = DirectMemory.address(memory) + memory.position();
        return allocator.wrapForeignAllocation(new Foreign(memory, address, memory.remaining()));
    }

    /**
     * Loads {@code vector} (a fresh fixed-width vector: Float8Vector, IntVector, BigIntVector...) with
     * {@code memory} as its data buffer and every value valid: its value count is as many values as the memory's
     * bytes from position to limit hold. The validity buffer is allocated from the vector's allocator; the data is
     * {@code memory} itself, so writes through the vector are writes to the segment, and the other way round.
     *
     * @param memory a direct ByteBuffer
     * @param vector an empty fixed-width vector (not a BitVector, whose values are bits)
     * @param <V>    the vector's type
     * @return {@code vector}, loaded
     * @throws MPIException (MPI_ERR_BUFFER) when {@code memory} is not direct, (MPI_ERR_TYPE) for a BitVector
     */
    public static <V extends BaseFixedWidthVector> V wrap(ByteBuffer memory, V vector) {
        if (vector == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "ArrowMemory.wrap: the vector must not be null");
        }
        if (vector instanceof BitVector) {
            throw new MPIException(ErrorClasses.ERR_TYPE, "ArrowMemory.wrap: a BitVector's values are bits; wrap"
                    + " a byte-wide vector (UInt1Vector, TinyIntVector) instead");
        }
        int width = vector.getTypeWidth();
        int n = (int) Math.min(Integer.MAX_VALUE, (memory == null ? 0 : memory.remaining()) / Math.max(width, 1));
        BufferAllocator allocator = vector.getAllocator();
        try (ArrowBuf data = wrap(memory, allocator);
             ArrowBuf validity = allocator.buffer(Math.max(1, (n + 7) / 8))) {
            validity.setOne(0, validity.capacity());
            vector.loadFieldBuffers(new ArrowFieldNode(n, 0), List.of(validity, data));
        }
        vector.setValueCount(n);
        return vector;
    }

    /** MPI's memory, seen by Arrow: nothing to free; the ByteBuffer stays referenced while Arrow uses it. */
    private static final class Foreign extends ForeignAllocation {
        @SuppressWarnings("unused")
        private final ByteBuffer keep;

        Foreign(ByteBuffer keep, long address, long size) {
            super(size, address);
            this.keep = keep;
        }

        @Override
        protected void release0() {
            // the memory belongs to MPI (or to the ByteBuffer): nothing to free here
        }
    }
}
