package org.mpi4j;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The default {@link Serializer}: Kryo 5 with an allow-list enforced by class name before any class is loaded or
 * instantiated, on reading and on writing. Chosen over JDK serialization (with an ObjectInputFilter, see
 * {@link JdkSerializer}) because it was measured several times faster on the object path's benchmark payloads
 * (README, object path). Shared references and cycles are kept. One Kryo per thread (Kryo is not thread-safe).
 *
 * <p>Hostile bytes get a clear {@link MPIException}, never an Error: every length read that sizes an allocation
 * (arrays, strings, the pre-sized ArrayList/HashSet/HashMap) is checked against the bytes that actually arrived,
 * an allocation that still exceeds the heap is reported as {@link ErrorClasses#ERR_NO_MEM}, and object graphs nested
 * deeper than {@link #DEFAULT_MAX_DEPTH} levels (or the limit given) are refused on writing and on reading, before
 * the thread's stack overflows.
 */
public final class KryoSerializer implements Serializer {
    /**
     * Default deepest nesting of objects (system property {@code mpi4j.pickle.maxDepth}, default 1000): deep enough
     * for ordinary data, shallow enough for a 1 MB thread stack even in interpreted code (about 2000 levels fit).
     */
    public static final int DEFAULT_MAX_DEPTH = Integer.getInteger("mpi4j.pickle.maxDepth", 1000);

    private final AllowList allowList;
    private final int maxDepth;
    private final ThreadLocal<State> local;

    private static final class State {
        final Kryo kryo;
        final Output output = new Output(8192, -1);
        final Bounded input = new Bounded(8192);
        /** Reads straight from a received array (its own Input, so a stream read never fills the caller's array). */
        final Bounded arrayInput = new Bounded(0);

        State(Kryo kryo) {
            this.kryo = kryo;
        }
    }

    /**
     * A Kryo serializer creating only classes {@code allowList} allows, nesting at most {@link #DEFAULT_MAX_DEPTH}.
     *
     * @param allowList the classes deserialization may create
     */
    public KryoSerializer(AllowList allowList) {
        this(allowList, DEFAULT_MAX_DEPTH);
    }

    /**
     * A Kryo serializer creating only classes {@code allowList} allows and refusing (with an MPIException) object
     * graphs nested deeper than {@code maxDepth} levels, when writing and when reading. A deeper limit needs a larger
     * thread stack ({@code -Xss}); a stack overflow before the limit is reported as an MPIException too.
     *
     * @param allowList the classes deserialization may create
     * @param maxDepth the deepest nesting allowed
     */
    public KryoSerializer(AllowList allowList, int maxDepth) {
        if (maxDepth < 1) {
            throw new MPIException(ErrorClasses.ERR_ARG, "maximum nesting depth " + maxDepth + " is below 1");
        }
        this.allowList = allowList;
        this.maxDepth = maxDepth;
        this.local = ThreadLocal.withInitial(() -> new State(newKryo()));
    }

    /**
     * The deepest nesting of objects this serializer writes or reads.
     *
     * @return the deepest nesting of objects this serializer writes or reads
     */
    public int getMaxDepth() {
        return maxDepth;
    }

    private Kryo newKryo() {
        Kryo k = new Kryo(new Resolver(allowList), null);
        k.setRegistrationRequired(false);
        k.setReferences(true);
        k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        k.setMaxDepth(maxDepth);
        // containers Kryo pre-sizes from a length it read: the length is first checked against the bytes left
        k.addDefaultSerializer(ArrayList.class, factory((kryo, type) -> new BoundedCollection()));
        k.addDefaultSerializer(HashSet.class, factory((kryo, type) -> new BoundedCollection()));
        k.addDefaultSerializer(HashMap.class, factory((kryo, type) -> new BoundedMap()));
        k.addDefaultSerializer(Object[].class, factory(BoundedArray::new));
        com.esotericsoftware.kryo.Serializer<Map.Entry<?, ?>> entry = new com.esotericsoftware.kryo.Serializer<>() {
            @Override
            public void write(Kryo kryo, Output out, Map.Entry<?, ?> e) {
                kryo.writeClassAndObject(out, e.getKey());
                kryo.writeClassAndObject(out, e.getValue());
            }

            @Override
            public Map.Entry<?, ?> read(Kryo kryo, Input in, Class<? extends Map.Entry<?, ?>> type) {
                Object key = kryo.readClassAndObject(in);
                Object value = kryo.readClassAndObject(in);
                return (Class<?>) type == AbstractMap.SimpleEntry.class ? new AbstractMap.SimpleEntry<>(key, value)
                        : new AbstractMap.SimpleImmutableEntry<>(key, value);
            }
        };
        k.addDefaultSerializer(AbstractMap.SimpleImmutableEntry.class, entry);
        k.addDefaultSerializer(AbstractMap.SimpleEntry.class, entry);
        return k;
    }

    /** Checks every class by name against the allow-list before Kryo loads or instantiates it. */
    private static final class Resolver extends DefaultClassResolver {
        private final AllowList allowList;

        Resolver(AllowList allowList) {
            this.allowList = allowList;
        }

        @Override
        protected Class getTypeByName(String className) {
            if (!allowList.isAllowed(className)) {
                throw AllowList.rejected(className);
            }
            return super.getTypeByName(className);
        }

        @Override
        public Registration registerImplicit(Class type) {
            if (!allowList.isAllowed(type)) {
                throw new MPIException(ErrorClasses.ERR_OTHER, "cannot serialize " + type.getName()
                        + ": not in the object path's allow-list; add it on every rank with Pickle.get().allowList().allow(...)");
            }
            return super.registerImplicit(type);
        }
    }

    @Override
    public void serialize(Object obj, OutputStream out) throws IOException {
        State s = local.get();
        s.output.setOutputStream(out);
        try {
            s.kryo.writeClassAndObject(s.output, obj);
            s.output.flush();
        } catch (KryoException e) {
            throw unwrap(e, "cannot serialize " + (obj == null ? "null" : obj.getClass().getName()), maxDepth);
        } catch (StackOverflowError e) {
            throw tooDeep("cannot serialize " + obj.getClass().getName(), maxDepth, e);
        } finally {
            s.output.setOutputStream(null);
            s.kryo.reset();
        }
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        State s = local.get();
        s.input.setInputStream(in);
        int known = in.available(); // our frame streams report every byte still to come; others may say 0
        s.input.end = known > 0 && known < Integer.MAX_VALUE ? known : Long.MAX_VALUE;
        try {
            return read(s, s.input);
        } finally {
            s.input.setInputStream(null);
        }
    }

    @Override
    public Object deserialize(byte[] bytes, int offset, int length) {
        State s = local.get();
        s.arrayInput.setBuffer(bytes, offset, length);
        s.arrayInput.end = (long) offset + length; // Input.total() counts from the array's start
        try {
            return read(s, s.arrayInput);
        } finally {
            s.arrayInput.setBuffer(EMPTY);
        }
    }

    private Object read(State s, Bounded in) {
        try {
            return s.kryo.readClassAndObject(in);
        } catch (KryoException e) {
            throw unwrap(e, "cannot deserialize", maxDepth);
        } catch (StackOverflowError e) {
            throw tooDeep("cannot deserialize", maxDepth, e);
        } catch (OutOfMemoryError e) {
            // a length no check above covers (a container sized by its own serializer) asked for more than the heap
            MPIException m = new MPIException(ErrorClasses.ERR_NO_MEM, "cannot deserialize " + in.end + " bytes: they"
                    + " claim a container larger than the heap (a forged or corrupt message): " + e.getMessage());
            m.initCause(e);
            throw m;
        } finally {
            s.kryo.reset();
        }
    }

    static MPIException tooDeep(String what, int maxDepth, Throwable cause) {
        MPIException m = new MPIException(ErrorClasses.ERR_OTHER, what + ": the object graph is nested too deeply for this"
                + " thread's stack (the nesting limit is " + maxDepth + " levels; a larger -Xss or a flatter structure helps)");
        m.initCause(cause);
        return m;
    }

    /** Throws unless {@code n} elements, each at least one byte, fit the bytes {@code in} still holds. */
    static void bound(Input in, long n, String what) {
        long left = in instanceof Bounded b ? b.left() : Long.MAX_VALUE;
        if (n < 0 || n > left) {
            throw new MPIException(ErrorClasses.ERR_TRUNCATE, "cannot deserialize: " + what + " of " + n + " elements"
                    + " claimed, but only " + left + " bytes are left in the message (a forged or corrupt message)");
        }
    }

    private static SerializerFactory<com.esotericsoftware.kryo.Serializer<?>> factory(
            java.util.function.BiFunction<Kryo, Class<?>, com.esotericsoftware.kryo.Serializer<?>> make) {
        return new SerializerFactory.BaseSerializerFactory<>() {
            @Override
            public com.esotericsoftware.kryo.Serializer<?> newSerializer(Kryo kryo, Class type) {
                return make.apply(kryo, type);
            }
        };
    }

    /** A Kryo Input that knows how many bytes the message still holds and bounds every array and string by them. */
    static final class Bounded extends Input {
        /** Bytes of the whole input ({@code total()} counts those read so far); Long.MAX_VALUE when unknown. */
        long end = Long.MAX_VALUE;

        Bounded(int bufferSize) {
            super(bufferSize);
        }

        long left() {
            return end == Long.MAX_VALUE ? Long.MAX_VALUE : end - total();
        }

        private void check(long n, String what) {
            bound(this, n, what);
        }

        @Override
        public byte[] readBytes(int length) {
            check(length, "a byte array");
            return super.readBytes(length);
        }

        @Override
        public int[] readInts(int length) {
            check(length, "an int array");
            return super.readInts(length);
        }

        @Override
        public int[] readInts(int length, boolean optimizePositive) {
            check(length, "an int array");
            return super.readInts(length, optimizePositive);
        }

        @Override
        public long[] readLongs(int length) {
            check(length, "a long array");
            return super.readLongs(length);
        }

        @Override
        public long[] readLongs(int length, boolean optimizePositive) {
            check(length, "a long array");
            return super.readLongs(length, optimizePositive);
        }

        @Override
        public float[] readFloats(int length) {
            check(length, "a float array");
            return super.readFloats(length);
        }

        @Override
        public double[] readDoubles(int length) {
            check(length, "a double array");
            return super.readDoubles(length);
        }

        @Override
        public short[] readShorts(int length) {
            check(length, "a short array");
            return super.readShorts(length);
        }

        @Override
        public char[] readChars(int length) {
            check(length, "a char array");
            return super.readChars(length);
        }

        @Override
        public boolean[] readBooleans(int length) {
            check(length, "a boolean array");
            return super.readBooleans(length);
        }

        @Override
        public String readString() {
            checkUtf8();
            return super.readString();
        }

        @Override
        public StringBuilder readStringBuilder() {
            checkUtf8();
            return super.readStringBuilder();
        }

        /**
         * Peeks at a string's header without consuming it: an ASCII string is read byte by byte (bounded by the data);
         * a UTF-8 one states its char count first, each char at least one byte.
         */
        private void checkUtf8() {
            if (end == Long.MAX_VALUE || optional(5) <= 0 || (buffer[position] & 0x80) == 0) {
                return;
            }
            int avail = limit - position;
            int b = buffer[position];
            long count = b & 0x3F;
            if ((b & 0x40) != 0) {
                for (int i = 1, shift = 6; i < 5; i++, shift += 7) {
                    if (i >= avail) {
                        return; // let Kryo report the underflow
                    }
                    b = buffer[position + i];
                    count |= (long) (b & 0x7F) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
            }
            check(count - 1, "a string");
        }

        /** Peeks at a positive varint (an array's length + 1) without consuming it; -1 when incomplete. */
        long peekVarInt() {
            int avail = optional(5);
            long v = 0;
            for (int i = 0; i < Math.min(avail, 5); i++) {
                int b = buffer[position + i];
                v |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            return -1;
        }
    }

    /** CollectionSerializer whose pre-sized ArrayList/HashSet is bounded by the bytes left. */
    private static final class BoundedCollection extends CollectionSerializer<java.util.Collection<?>> {
        @Override
        protected java.util.Collection<?> create(Kryo kryo, Input input, Class<? extends java.util.Collection<?>> type, int size) {
            bound(input, size, "a " + type.getSimpleName());
            return super.create(kryo, input, type, size);
        }
    }

    /** MapSerializer whose pre-sized HashMap is bounded by the bytes left. */
    private static final class BoundedMap extends MapSerializer<Map<?, ?>> {
        @Override
        protected Map<?, ?> create(Kryo kryo, Input input, Class<? extends Map<?, ?>> type, int size) {
            bound(input, size, "a " + type.getSimpleName());
            return super.create(kryo, input, type, size);
        }
    }

    /** Object arrays: the length (written first) is bounded by the bytes left before the array is allocated. */
    private static final class BoundedArray extends DefaultArraySerializers.ObjectArraySerializer {
        BoundedArray(Kryo kryo, Class<?> type) {
            super(kryo, type);
        }

        @Override
        public Object[] read(Kryo kryo, Input input, Class type) {
            if (input instanceof Bounded b) {
                long n = b.peekVarInt();
                if (n > 0) {
                    bound(input, n - 1, "an array");
                }
            }
            return super.read(kryo, input, type);
        }
    }

    private static final byte[] EMPTY = new byte[0];

    private static RuntimeException unwrap(KryoException e, String what, int maxDepth) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MPIException m) {
                return m;
            }
            if (t instanceof StackOverflowError so) {
                return tooDeep(what, maxDepth, so);
            }
            if (t instanceof KryoException k && k.getMessage() != null && k.getMessage().startsWith("Max depth exceeded")) {
                MPIException m = new MPIException(ErrorClasses.ERR_OTHER, what + ": the object graph is nested deeper than "
                        + maxDepth + " levels, this serializer's limit (new KryoSerializer(allowList, maxDepth) or the"
                        + " mpi4j.pickle.maxDepth property raise it; a forged message can claim any depth)");
                m.initCause(e);
                return m;
            }
        }
        MPIException m = new MPIException(ErrorClasses.ERR_OTHER, what + ": " + e.getMessage());
        m.initCause(e);
        return m;
    }
}
