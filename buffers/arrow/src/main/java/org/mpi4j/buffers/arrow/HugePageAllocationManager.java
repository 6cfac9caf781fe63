package org.mpi4j.buffers.arrow;

import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.mpi4j.jni.LibMpi;

/**
 * An Arrow allocation manager for large messages: from 1 MiB on, Arrow's memory is whole 2 MiB pages, 2 MiB aligned and advised for
 * transparent huge pages (the same allocator as {@code Buffers.allocateDirect}), which makes MPI's shared-memory copies
 * of megabyte vectors markedly faster. Use {@link #rootAllocator()} in place of {@code new RootAllocator()}.
 */
public final class HugePageAllocationManager extends AllocationManager {
    /** The factory to give Arrow's allocator configuration. */
    public static final AllocationManager.Factory FACTORY = new AllocationManager.Factory() {
        @Override
        public AllocationManager create(BufferAllocator accountingAllocator, long size) {
            return new HugePageAllocationManager(accountingAllocator, size);
        }

        @Override
        public ArrowBuf empty() {
            return UnsafeAllocationManager.FACTORY.empty();
        }
    };

    private final long address;
    private final long size;

    private HugePageAllocationManager(BufferAllocator accountingAllocator, long size) {
        super(accountingAllocator);
        this.address = LibMpi.mpi4j_alloc_huge(size);
        if (address == 0) {
            throw new OutOfMemoryException("cannot allocate " + size + " bytes of huge-page memory");
        }
        this.size = size;
    }

    /**
     * A root allocator whose buffers come from this manager: a new RootAllocator without a limit.
     *
     * @return a root allocator whose buffers come from this manager
     */
    public static RootAllocator rootAllocator() {
        return new RootAllocator(RootAllocator.configBuilder().allocationManagerFactory(FACTORY).build());
    }

    @Override
    public long getSize() {
        return size;
    }

    @Override
    protected long memoryAddress() {
        return address;
    }

    @Override
    protected void release0() {
        LibMpi.mpi4j_free(address);
    }
}
