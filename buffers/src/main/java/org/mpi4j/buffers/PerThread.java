package org.mpi4j.buffers;

import java.util.function.Supplier;

/**
 * A value per thread, as {@link ThreadLocal}, whose first thread finds its value without a thread-local lookup: a
 * lookup costs a few nanoseconds, a small message's whole overhead over C is ~20 ns, and most MPI programs communicate
 * from one thread. Other threads get theirs from a ThreadLocal. mpi4j's own per-thread state (message slots, scratch
 * memory, staging) lives in these; it is public only so that mpi4j's packages share it.
 *
 * @param <T> the type of the value
 */
public final class PerThread<T> {
    /** A thread and its value, immutable once made, so any thread may read it. */
    private static final class Owned<T> {
        final Thread thread;
        final T value;

        Owned(Thread thread, T value) {
            this.thread = thread;
            this.value = value;
        }
    }

    private final ThreadLocal<T> local;
    private volatile Owned<T> owned;

    /**
     * A per-thread value made by {@code initial} on each thread's first {@link #get}.
     *
     * @param initial makes a thread's value
     */
    public PerThread(Supplier<? extends T> initial) {
        this.local = ThreadLocal.withInitial(initial);
    }

    /**
     * This thread's value (made on its first call).
     *
     * @return this thread's value
     */
    public T get() {
        Owned<T> o = owned;
        if (o != null && o.thread == Thread.currentThread()) {
            return o.value;
        }
        return claim();
    }

    private T claim() {
        T v = local.get();
        if (owned == null) {
            synchronized (this) {
                if (owned == null) {
                    owned = new Owned<>(Thread.currentThread(), v);
                }
            }
        }
        return v;
    }
}
