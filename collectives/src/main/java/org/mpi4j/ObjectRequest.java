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
            byte[] b0 = firstFrame();
            buffer = null;
            object = ObjectPath.finishReceive(comm, b0, Math.min(b0.length, Math.max(0, Pickle.Frames.readInt(b0, 8))));
        }
    }

    private byte[] firstFrame() {
        byte[] head;
        if (buffer instanceof byte[] a) {
            head = a;
        } else {
            ByteBuffer b = ((ByteBuffer) buffer).duplicate();
            int len0 = Pickle.HEADER <= b.capacity() ? peekLength(b) : b.capacity();
            head = new byte[Math.max(0, Math.min(len0, b.capacity()))];
            b.position(0);
            b.get(head);
        }
        return head;
    }

    private static int peekLength(ByteBuffer b) {
        byte[] h = new byte[Pickle.HEADER];
        b.position(0);
        b.get(h);
        int len0 = Pickle.Frames.readInt(h, 8);
        return len0 >= Pickle.HEADER ? len0 : Pickle.HEADER;
    }

    /** MPI_Wait, then the received object (null for a send, or a receive from MPI.PROC_NULL). */
    public Object waitObject() {
        waitFor();
        return object;
    }

    /** The received object once the request has completed; throws if it has not. */
    public Object getObject() {
        if (!done) {
            throw new MPIException(ErrorClasses.ERR_REQUEST, "the object request has not completed; wait or test first");
        }
        return object;
    }
}
