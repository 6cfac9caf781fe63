package org.mpi4j;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractMap;
import java.util.Map;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The default {@link Serializer}: Kryo 5 with an allow-list enforced by class name before any class is loaded or
 * instantiated, on reading and on writing. Chosen over JDK serialization (with an ObjectInputFilter, see
 * {@link JdkSerializer}) because it was measured several times faster on the object path's benchmark payloads
 * (README, object path). Shared references and cycles are kept. One Kryo per thread (Kryo is not thread-safe).
 */
public final class KryoSerializer implements Serializer {
    private final AllowList allowList;
    private final ThreadLocal<State> local;

    private static final class State {
        final Kryo kryo;
        final Output output = new Output(8192, -1);
        final Input input = new Input(8192);
        /** Reads straight from a received array (its own Input, so a stream read never fills the caller's array). */
        final Input arrayInput = new Input();

        State(Kryo kryo) {
            this.kryo = kryo;
        }
    }

    /** A Kryo serializer creating only classes {@code allowList} allows. */
    public KryoSerializer(AllowList allowList) {
        this.allowList = allowList;
        this.local = ThreadLocal.withInitial(() -> new State(newKryo()));
    }

    private Kryo newKryo() {
        Kryo k = new Kryo(new Resolver(allowList), null);
        k.setRegistrationRequired(false);
        k.setReferences(true);
        k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
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
            throw unwrap(e, "cannot serialize " + (obj == null ? "null" : obj.getClass().getName()));
        } finally {
            s.output.setOutputStream(null);
            s.kryo.reset();
        }
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        State s = local.get();
        s.input.setInputStream(in);
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
        try {
            return read(s, s.arrayInput);
        } finally {
            s.arrayInput.setBuffer(EMPTY);
        }
    }

    private static Object read(State s, Input in) {
        try {
            return s.kryo.readClassAndObject(in);
        } catch (KryoException e) {
            throw unwrap(e, "cannot deserialize");
        } finally {
            s.kryo.reset();
        }
    }

    private static final byte[] EMPTY = new byte[0];

    private static RuntimeException unwrap(KryoException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MPIException m) {
                return m;
            }
        }
        MPIException m = new MPIException(ErrorClasses.ERR_OTHER, what + ": " + e.getMessage());
        m.initCause(e);
        return m;
    }
}
