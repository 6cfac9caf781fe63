package org.mpi4j.buffers;

/**
 * Transparent huge pages for large off-heap messages, whoever allocated them. MPI's shared-memory copies of megabyte
 * messages run up to three times as fast between 2 MiB pages as between 4 KiB ones here (numpy's allocations get them
 * from 4 MiB, which is why mpi4py beats plain C at those sizes); {@code ByteBuffer.allocateDirect}, Arrow's allocators and ND4J allocate
 * with malloc, which gives small pages. So the second time a message of at least {@link #MIN_BYTES} is resolved over
 * native memory, the 2 MiB pages of its span are advised and collapsed into huge pages (MADV_HUGEPAGE, then
 * MADV_COLLAPSE, Linux 6.1+: synchronous, content unchanged, about 4 ms per 16 MiB once); later messages over the same
 * memory find it in a small cache and cost a few nanoseconds. Where the kernel refuses (older kernels, THP disabled,
 * file or shared mappings), nothing changes and the memory is not asked again.
 * {@code -Dmpi4j.hugePages=false} turns it off.
 */
final class HugePages {
    private HugePages() { }

    /**
     * Messages spanning fewer bytes are left alone. From 1 MiB a message's copies run markedly faster on huge pages
     * (a 1 MiB ping-pong in one huge page takes a third of the time on small ones here; numpy advises only from 4 MiB).
     */
    static final long MIN_BYTES = 1L << 20;

    private static final long HUGE = 2L << 20;

    /** Off with {@code -Dmpi4j.hugePages=false}. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("mpi4j.hugePages", "true"));

    /**
     * Regions already handled, by a hash of their first huge page: start and end; and regions seen once, not handled.
     * Racy on purpose: a torn or overwritten slot only means one more (idempotent) madvise, or one skipped.
     */
    private static final int SLOTS = 1024;
    private static final long[] START = new long[SLOTS];
    private static final long[] END = new long[SLOTS];
    private static final long[] SEEN_START = new long[SLOTS];
    private static final long[] SEEN_END = new long[SLOTS];

    /**
     * Backs the 2 MiB pages that {@code [address, address + bytes)} touches with huge pages, once per region, the second
     * time a message spans it: collapsing costs about what ten messages gain (~0.5 ms per 2 MiB), so memory
     * that carries one message only (a fresh buffer per message) is left alone, and memory a loop sends again and again
     * gets huge pages from its second message on. First the
     * pages wholly inside it, then the partial first and last ones (a message under 2 MiB may have no whole page).
     * Those reach beyond the message (malloc puts a 16-byte header before a large block, so without them a block loses
     * up to 4 MiB of its huge pages); collapsing leaves every byte's content as it was, and where the neighbouring
     * memory cannot have huge pages (outside the mapping) the kernel refuses that page alone.
     *
     * @param address the first byte of the message's span
     * @param bytes the span's length in bytes
     */
    static void advise(long address, long bytes) {
        long in0 = (address + HUGE - 1) & -HUGE;
        long in1 = (address + bytes) & -HUGE;
        long out0 = address & -HUGE;
        long out1 = (address + bytes + HUGE - 1) & -HUGE;
        int slot = (int) (((out0 >>> 21) * 0x9E3779B97F4A7C15L) >>> 54);
        if (START[slot] == out0 && END[slot] >= out1) {
            return;
        }
        if (SEEN_START[slot] != out0 || SEEN_END[slot] < out1) {
            SEEN_START[slot] = out0;   // the first message over this memory: remembered, not collapsed
            SEEN_END[slot] = out1;
            return;
        }
        long last = out1 - HUGE;
        if (in1 > in0) {
            org.mpi4j.jni.LibMpi.mpi4j_collapse_huge(in0, in1 - in0);
        }
        if (out0 < in0 || in1 <= in0) {
            org.mpi4j.jni.LibMpi.mpi4j_collapse_huge(out0, HUGE);   // the partial first page
        }
        if (last >= in1 && last != out0) {
            org.mpi4j.jni.LibMpi.mpi4j_collapse_huge(last, HUGE);   // the partial last page
        }
        START[slot] = out0;
        END[slot] = out1;
    }
}
