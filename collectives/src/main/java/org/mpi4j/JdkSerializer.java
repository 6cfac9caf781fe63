package org.mpi4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * A {@link Serializer} on JDK serialization, guarded by an ObjectInputFilter built from the {@link AllowList}: any
 * class outside it is rejected before it is instantiated. Slower than the default {@link KryoSerializer}; use it
 * for Serializable classes with custom writeObject/readObject logic.
 *
 * <p>Hostile bytes get a clear {@link MPIException}: the same filter refuses arrays (and the JDK collections'
 * internal arrays) longer than the bytes left in the message, and nesting deeper than {@link #DEFAULT_MAX_DEPTH}
 * levels (or the limit given), before the thread's stack overflows; an object graph too deep to write is refused on
 * the sender.
 */
public final class JdkSerializer implements Serializer {
    /**
     * Default deepest nesting of objects (system property {@code mpi4j.pickle.jdkMaxDepth}, default 400): JDK
     * deserialization takes several times Kryo's stack per level (a 1 MB stack holds about 700 levels interpreted).
     */
    public static final int DEFAULT_MAX_DEPTH = Integer.getInteger("mpi4j.pickle.jdkMaxDepth", 400);

    private final AllowList allowList;
    private final int maxDepth;

    /**
     * A JDK serializer creating only classes {@code allowList} allows, nesting at most {@link #DEFAULT_MAX_DEPTH}.
     *
     * @param allowList the classes deserialization may create
     */
    public JdkSerializer(AllowList allowList) {
        this(allowList, DEFAULT_MAX_DEPTH);
    }

    /**
     * A JDK serializer creating only classes {@code allowList} allows and refusing streams nested deeper than
     * {@code maxDepth} levels (a deeper limit needs a larger {@code -Xss}).
     *
     * @param allowList the classes deserialization may create
     * @param maxDepth the deepest nesting allowed
     */
    public JdkSerializer(AllowList allowList, int maxDepth) {
        if (maxDepth < 1) {
            throw new MPIException(ErrorClasses.ERR_ARG, "maximum nesting depth " + maxDepth + " is below 1");
        }
        this.allowList = allowList;
        this.maxDepth = maxDepth;
    }

    /**
     * The deepest nesting of objects this serializer reads.
     *
     * @return the deepest nesting of objects this serializer reads
     */
    public int getMaxDepth() {
        return maxDepth;
    }

    @Override
    public void serialize(Object obj, OutputStream out) throws IOException {
        ObjectOutputStream o = new ObjectOutputStream(out);
        try {
            o.writeObject(obj);
        } catch (java.io.NotSerializableException e) {
            throw new MPIException(ErrorClasses.ERR_OTHER, "cannot serialize " + e.getMessage() + ": not Serializable");
        } catch (StackOverflowError e) {
            throw KryoSerializer.tooDeep("cannot serialize " + obj.getClass().getName(), maxDepth, e);
        }
        o.flush();
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        int known = in.available(); // our frame streams and byte-array streams report every byte still to come
        long size = known > 0 && known < Integer.MAX_VALUE ? known : Long.MAX_VALUE;
        String[] rejected = new String[1];
        ObjectInputFilter filter = info -> {
            if (info.depth() > maxDepth) {
                rejected[0] = "depth";
                return ObjectInputFilter.Status.REJECTED;
            }
            if (info.arrayLength() > size) {
                rejected[0] = "array";
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null || allowList.isAllowed(c)) {
                return c == null ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.ALLOWED;
            }
            rejected[0] = c.getName();
            return ObjectInputFilter.Status.REJECTED;
        };
        try {
            ObjectInputStream o = new ObjectInputStream(in);
            o.setObjectInputFilter(filter);
            return o.readObject();
        } catch (InvalidClassException e) {
            if ("depth".equals(rejected[0])) {
                throw new MPIException(ErrorClasses.ERR_OTHER, "cannot deserialize: the object graph is nested deeper than "
                        + maxDepth + " levels, this serializer's limit (new JdkSerializer(allowList, maxDepth) raises it)");
            }
            if ("array".equals(rejected[0])) {
                throw new MPIException(ErrorClasses.ERR_TRUNCATE, "cannot deserialize: an array longer than the " + size
                        + " bytes of the message is claimed (a forged or corrupt message)");
            }
            throw AllowList.rejected(rejected[0] != null ? rejected[0] : String.valueOf(e.getMessage()));
        } catch (ClassNotFoundException e) {
            throw new MPIException(ErrorClasses.ERR_OTHER, "cannot deserialize: class not found " + e.getMessage());
        } catch (StackOverflowError e) {
            throw KryoSerializer.tooDeep("cannot deserialize", maxDepth, e);
        } catch (OutOfMemoryError e) {
            MPIException m = new MPIException(ErrorClasses.ERR_NO_MEM, "cannot deserialize: the bytes claim more memory than"
                    + " the heap holds (a forged or corrupt message): " + e.getMessage());
            m.initCause(e);
            throw m;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MPIException m) {
                throw m;
            }
            MPIException m = new MPIException(ErrorClasses.ERR_OTHER, "cannot deserialize: " + e);
            m.initCause(e);
            throw m;
        }
    }
}
