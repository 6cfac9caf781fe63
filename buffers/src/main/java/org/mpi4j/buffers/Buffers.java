package org.mpi4j.buffers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.mpi4j.ErrorClasses;
import org.mpi4j.MPIException;

/**
 * The one place where a buffer argument becomes (memory, count, datatype): every operation calls
 * {@link #resolve}. It accepts null (an empty message), a {@link BufferSpec}, or any object a registered
 * {@link BufferProvider} supports, and checks bounds and type compatibility before anything reaches MPI.
 */
public final class Buffers {
    private static final List<BufferProvider> PROVIDERS = loadProviders();

    private static final BufferProvider NONE = new BufferProvider() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void describe(Object buffer, MessageBuffer out) {
            throw new MPIException(ErrorClasses.ERR_BUFFER, buffer.getClass().getName()
                    + " is not a buffer: use a primitive array, a NIO buffer, a BufferSpec, or an object whose mpi4j"
                    + " provider is on the classpath (providers found: " + providerNames() + ")");
        }
    };

    private static final ClassValue<BufferProvider> BY_CLASS = new ClassValue<>() {
        @Override
        protected BufferProvider computeValue(Class<?> type) {
            for (BufferProvider p : PROVIDERS) {
                if (p.supports(type)) {
                    return p;
                }
            }
            return NONE;
        }
    };

    private static final ThreadLocal<MessageBuffer[]> SLOTS =
            ThreadLocal.withInitial(() -> new MessageBuffer[] {new MessageBuffer(), new MessageBuffer()});

    private Buffers() { }

    private static List<BufferProvider> loadProviders() {
        List<BufferProvider> list = new ArrayList<>();
        for (BufferProvider p : ServiceLoader.load(BufferProvider.class, Buffers.class.getClassLoader())) {
            list.add(p);
        }
        list.sort(Comparator.comparingInt(BufferProvider::priority).reversed());
        return List.copyOf(list);
    }

    private static String providerNames() {
        StringBuilder sb = new StringBuilder();
        for (BufferProvider p : PROVIDERS) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.getClass().getSimpleName());
        }
        return sb.toString();
    }

    /** The registered providers, highest priority first. */
    public static List<BufferProvider> providers() {
        return PROVIDERS;
    }

    /** This thread's first reusable message slot (the send side of a call). */
    public static MessageBuffer slot0() {
        return SLOTS.get()[0];
    }

    /** This thread's second reusable message slot (the receive side of a call). */
    public static MessageBuffer slot1() {
        return SLOTS.get()[1];
    }

    /**
     * Resolves {@code arg} into {@code out}: memory, count and datatype, bounds-checked. {@code receiving} also
     * requires writable memory. Returns {@code out}.
     */
    public static MessageBuffer resolve(Object arg, MessageBuffer out, boolean receiving) {
        if (arg == null) {
            return out.clear();
        }
        if (arg instanceof BufferSpec spec) {
            Object buf = spec.buffer();
            if (buf == null) {
                out.clear();
            } else {
                BY_CLASS.get(buf.getClass()).describe(buf, out);
            }
            out.place(spec.offset(), spec.count(), spec.type());
        } else {
            BY_CLASS.get(arg.getClass()).describe(arg, out);
            out.placeDiscovered();
        }
        if (receiving) {
            out.requireWritable();
        }
        return out;
    }

    /** Resolves a send-side argument into this thread's slot 0. */
    public static MessageBuffer forSend(Object arg) {
        return resolve(arg, slot0(), false);
    }

    /** Resolves a receive-side argument into this thread's slot 1. */
    public static MessageBuffer forRecv(Object arg) {
        return resolve(arg, slot1(), true);
    }
}
