package org.mpi4j.buffers;

/**
 * A nonblocking point-to-point receive's pending provider marking ({@link BufferProvider#prepareReceive}): kept by the
 * request, applied when it completes, for the bytes that arrived. Made by {@link MessageBuffer#deferredMark}.
 */
public final class ReceiveMark {
    private final BufferProvider provider;
    private final Object owner;
    private final long firstByte;
    private final long span;

    ReceiveMark(BufferProvider provider, Object owner, long firstByte, long span) {
        this.provider = provider;
        this.owner = owner;
        this.firstByte = firstByte;
        this.span = span;
    }

    /**
     * Marks the bytes a completed receive delivered (at most the message's span).
     *
     * @param bytes the bytes the receive delivered (MPI_Get_count in MPI_BYTE)
     */
    public void arrived(long bytes) {
        if (bytes > 0) {
            provider.prepareReceive(owner, firstByte, Math.min(bytes, span));
        }
    }
}
