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
 */
public final class JdkSerializer implements Serializer {
    private final AllowList allowList;

    /** A JDK serializer creating only classes {@code allowList} allows. */
    public JdkSerializer(AllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public void serialize(Object obj, OutputStream out) throws IOException {
        ObjectOutputStream o = new ObjectOutputStream(out);
        try {
            o.writeObject(obj);
        } catch (java.io.NotSerializableException e) {
            throw new MPIException(ErrorClasses.ERR_OTHER, "cannot serialize " + e.getMessage() + ": not Serializable");
        }
        o.flush();
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        ObjectInputStream o = new ObjectInputStream(in);
        String[] rejected = new String[1];
        o.setObjectInputFilter(info -> {
            Class<?> c = info.serialClass();
            if (c == null || allowList.isAllowed(c)) {
                return c == null ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.ALLOWED;
            }
            rejected[0] = c.getName();
            return ObjectInputFilter.Status.REJECTED;
        });
        try {
            return o.readObject();
        } catch (InvalidClassException e) {
            throw AllowList.rejected(rejected[0] != null ? rejected[0] : String.valueOf(e.getMessage()));
        } catch (ClassNotFoundException e) {
            throw new MPIException(ErrorClasses.ERR_OTHER, "cannot deserialize: class not found " + e.getMessage());
        }
    }
}
