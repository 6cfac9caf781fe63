package org.mpi4j;

import java.nio.ByteBuffer;

/**
 * The request of a nonblocking object send or receive ({@link Comm#isendObject}, {@link Comm#irecvObject}). It
 * completes like any {@link Request} (wait, test, waitAll...); a receive's object is then {@link #getObject()}.
 * An object larger than the first frame arrives in further messages, which completion receives from the same peer.
 */
public final class ObjectRequest extends Request {
    private final Comm comm;
    private final boolean receive;
    private Object buffer;
    private Request[] rest;
    private Object object;
    private boolean done;
    private int source = MPI.ANY_SOURCE;
    private int tag = MPI.ANY_TAG;

    ObjectRequest(Comm comm, boolean receive, Object buffer) {
        this.comm = comm;
        this.receive = receive;
        this.buffer = buffer;
    }

    /** A receive from MPI.PROC_NULL: completes at once with a null object. */
    void fromProcNull() {
        buffer = null;
    }

    void setRest(Request[] rest) {
        this.rest = rest;
    }

    /** The source and tag the receive was posted with (ANY_SOURCE/ANY_TAG allowed). */
    void expect(int source, int tag) {
        this.source = source;
        this.tag = tag;
    }

    @Override
    void completed() {
        super.completed();
        if (done) {
            return;
        }
        done = true;
        if (rest != null) {
            Request.waitAll(rest);
        }
        if (receive && buffer != null) {
            Object buf = buffer;
            buffer = null;
            int capacity = buf instanceof byte[] a ? a.length : ((ByteBuffer) buf).capacity();
            int len0 = capacity >= Pickle.HEADER ? Math.max(0, frameLength(buf)) : 0;
            if (len0 > capacity) {
                clear(buf, Pickle.HEADER);
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "object frame header claims " + len0
                        + " bytes but the receive buffer holds only " + capacity + ": a forged message, or a buffer smaller"
                        + " than the first-frame size (" + Pickle.get().getFirstFrameBytes() + " bytes)");
            }
            try {
                object = ObjectPath.finishReceive(comm, firstFrame(buf, len0), len0, source, tag);
            } finally {
                // the buffer is reused: what this message left in it must not stand in for a later, shorter one
                clear(buf, len0 >= Pickle.HEADER ? len0 : Pickle.HEADER);
            }
        }
    }

    /** The frame length the header in the buffer claims (the count MPI received is not available here). */
    private static int frameLength(Object buf) {
        if (buf instanceof byte[] a) {
            return Pickle.Frames.readInt(a, 8);
        }
        return Integer.reverseBytes(((ByteBuffer) buf).getInt(8));
    }

    /** Zeroes the first {@code n} bytes (at most the buffer's size) of a byte[] or ByteBuffer receive buffer. */
    static void clear(Object buf, int n) {
        if (buf instanceof byte[] a) {
            java.util.Arrays.fill(a, 0, Math.min(n, a.length), (byte) 0);
            return;
        }
        ByteBuffer b = (ByteBuffer) buf;
        int end = Math.min(n, b.capacity());
        int i = 0;
        for (; i + 8 <= end; i += 8) {
            b.putLong(i, 0L);
        }
        for (; i < end; i++) {
            b.put(i, (byte) 0);
        }
    }

    private static byte[] firstFrame(Object buf, int len0) {
        if (buf instanceof byte[] a) {
            return a;
        }
        byte[] head = new byte[len0];
        ((ByteBuffer) buf).get(0, head);
        return head;
    }

    /**
     * MPI_Wait, then the received object (null for a send, or a receive from MPI.PROC_NULL).
     *
     * @return MPI_Wait, then the received object (null for a send, or a receive from MPI.PROC_NULL)
     */
    public Object waitObject() {
        waitFor();
        return object;
    }

    /**
     * MPI_Wait, then the received object cast to {@code type}.
     *
     * @param type the class the program expects
     * @param <T> the type of the result
     * @return the object, or null
     * @throws MPIException (MPI_ERR_TYPE) when the object is of another class
     */
    public <T> T waitObject(Class<T> type) {
        // checked before the wait, so the request stays pending and can be waited for again
        Args.notNull(type, "type");
        return ObjectPath.as(type, waitObject());
    }

    /**
     * The received object once the request has completed; throws if it has not.
     *
     * @return the received object once the request has completed; throws if it has not
     */
    public Object getObject() {
        if (!done) {
            throw new MPIException(ErrorClasses.ERR_REQUEST, "the object request has not completed; wait or test first");
        }
        return object;
    }
}
