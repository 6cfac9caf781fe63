package org.mpi4j;

import org.mpi4j.buffers.MessageBuffer;

/**
 * Internal: for mpi4j's own modules (mpi4j-io), not an application API; it may change in any release.
 *
 * <p>MPI calls made outside this package (MPI_File_*) need the memory rules the communicator calls follow, which live
 * in package-private classes here: a Java heap array is never pinned across a call that may wait for other ranks
 * (that stalls the JVM's garbage collector and can deadlock the job), so a blocking call stages it in this thread's
 * native memory ({@link Staging}) and a nonblocking one binds staging memory to its {@link Request}. Off-heap memory
 * passes by address. Every method takes a buffer already resolved by {@link org.mpi4j.buffers.Buffers}.
 */
public final class NativeCalls {
    private NativeCalls() { }

    /**
     * The native address to give a blocking call that reads {@code m} (a write to a file): a heap array is copied into
     * this thread's staging memory, any other memory passes as it is. End the call with {@link #landed}.
     *
     * @param m the message buffer
     * @return the native address to give a blocking call that reads {@code m} (a write to a file): a heap array is copied into this thread's staging memory, any other memory passes as it is
     */
    public static long sendAddress(MessageBuffer m) {
        return Staging.alwaysSend(m).address();
    }

    /**
     * The native address to give a blocking call that fills {@code m} (a read from a file): a heap array gets staging
     * memory, landed by {@link #landed} (only the bytes the status says were delivered, only the type map's bytes).
     * The staging memory starts as a copy of the array, so bytes a call leaves unwritten although its status counts
     * them (Open MPI 4.1's collective reads at end of file) land with the values the array had.
     *
     * @param m the message buffer
     * @return the native address to give a blocking call that fills {@code m} (a read from a file): a heap array gets staging memory, landed by {@link #landed} (only the bytes the status says were delivered, only the type map's bytes)
     */
    public static long recvAddress(MessageBuffer m) {
        return Staging.alwaysRecv(m, true).address();
    }

    /**
     * The MPI_Status address to give the blocking call: the caller's, this thread's own while a staged receive needs
     * the delivered count, or MPI_STATUS_IGNORE.
     *
     * @param user the caller's object
     * @return the MPI_Status address to give the blocking call: the caller's, this thread's own while a staged receive needs the delivered count, or MPI_STATUS_IGNORE
     */
    public static long status(Status user) {
        return Staging.alwaysStatus(user);
    }

    /**
     * As {@link #status}, for a read into a message that marks what arrives ({@link MessageBuffer#marksOnArrival}):
     * always a real status (the caller's or this thread's), so {@link #arrived} can tell how many bytes arrived.
     *
     * @param user the caller's status (may be null)
     * @return the address of the MPI_Status to give the call
     */
    public static long arrivalStatus(Status user) {
        return Staging.recvStatus(user);
    }

    /**
     * After a blocking read into {@code m} that succeeded with the status from {@link #arrivalStatus}: the provider
     * marks the bytes that arrived (Arrow validity). Does nothing unless {@code m.marksOnArrival()}.
     *
     * @param m the message read into
     * @param user the caller's status (may be null)
     * @param status the status address the call filled
     */
    public static void arrived(MessageBuffer m, Status user, long status) {
        Staging.arrived(m, user, status);
    }

    /**
     * After the blocking call returned {@code rc} with {@code status}: lands a staged receive when rc is 0.
     *
     * @param rc the return code of the MPI call
     * @param status the status to fill (may be null)
     */
    public static void landed(int rc, long status) {
        Staging.alwaysLanded(rc, status);
    }

    /**
     * A new request, not started, to bind memory to and give the handle MPI returns (see {@link #started}).
     *
     * @return the request of the operation started: complete it with waitFor() or test()
     */
    public static Request newRequest() {
        return new Request();
    }

    /**
     * Binds {@code m} to request {@code r} until it completes and returns the native address to give MPI (staging
     * memory for a heap array, filled from it now and landed on completion when {@code receive}).
     *
     * @param r the request
     * @param m the message buffer
     * @param receive true for a receive
     * @return binds {@code m} to request {@code r} until it completes and returns the native address to give MPI (staging memory for a heap array, filled from it now and landed on completion when {@code receive})
     */
    public static long bind(Request r, MessageBuffer m, boolean receive) {
        return r.bind(m, receive);
    }

    /**
     * Sets the native MPI_Request handle of a started request.
     *
     * @param r the request
     * @param handle the native handle
     */
    public static void started(Request r, long handle) {
        r.handle = handle;
    }

    /**
     * Completes a bound request that MPI finished without a request handle (a split collective's end): lands, frees.
     *
     * @param r the request
     */
    public static void completed(Request r) {
        r.completed();
    }

    /**
     * Lets go of a bound request's memory after its start failed.
     *
     * @param r the request
     */
    public static void release(Request r) {
        r.release();
    }

    /**
     * The {@link Errhandler} for a native handle: the predefined constant, or a wrapper.
     *
     * @param handle the native handle
     * @return the {@link Errhandler} for a native handle: the predefined constant, or a wrapper
     */
    public static Errhandler errhandler(long handle) {
        return Errhandler.of(handle);
    }

    /**
     * The {@link Datatype} for a native handle: the predefined constant, or a foreign wrapper.
     *
     * @param handle the native handle
     * @return the {@link Datatype} for a native handle: the predefined constant, or a foreign wrapper
     */
    public static Datatype datatype(long handle) {
        return Datatype.lookup(handle);
    }
}
