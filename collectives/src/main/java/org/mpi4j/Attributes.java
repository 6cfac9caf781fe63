package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Communicator attributes with Java values (mpi4py's attribute caching). MPI stores a positive id per value; the
 * value itself and each keyval's copy/delete functions live here. MPI calls one pair of C callbacks for every keyval
 * mpi4j made; they land in {@link #copy} and {@link #delete}, which dispatch on the keyval. An exception thrown by a
 * user callback fails the MPI call that ran it (dup, free, set, delete) and becomes that call's exception's cause.
 */
final class Attributes {
    /** A keyval's Java callbacks. */
    private record Keyval(Comm.CopyFunction copy, Comm.DeleteFunction delete) { }

    private static final Map<Integer, Keyval> KEYVALS = new ConcurrentHashMap<>();
    private static final Set<Integer> FREED = ConcurrentHashMap.newKeySet();
    private static final Map<Long, Object> VALUES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();
    private static volatile boolean initialized;

    private Attributes() { }

    private static void init() {
        if (!initialized) {
            synchronized (Attributes.class) {
                if (!initialized) {
                    if (LibMpi.mpi4j_attr_init(Attributes.class) != 0) {
                        throw new MPIException(ErrorClasses.ERR_INTERN, "cannot register the attribute callbacks");
                    }
                    initialized = true;
                }
            }
        }
    }

    static int createKeyval(Comm.CopyFunction copy, Comm.DeleteFunction delete) {
        Environment.ensure();
        init();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.mpi4j_comm_create_keyval(s.address(0)));
        int keyval = s.getInt(0);
        KEYVALS.put(keyval, new Keyval(copy == null ? Comm.NULL_COPY : copy, delete));
        FREED.remove(keyval);
        return keyval;
    }

    static void freeKeyval(int keyval) {
        known(keyval);
        NativeScratch s = NativeScratch.get();
        s.putInt(0, keyval);
        MPIException.check(LibMpi.MPI_Comm_free_keyval(s.address(0)));
        // attributes still set under it keep their callbacks until MPI deletes them
        FREED.add(keyval);
    }

    /** True for keyvals made by {@link #createKeyval} (their values are Java objects). */
    static boolean isJava(int keyval) {
        return KEYVALS.containsKey(keyval);
    }

    private static void known(int keyval) {
        if (FREED.contains(keyval)) {
            throw new MPIException(ErrorClasses.ERR_KEYVAL, "keyval " + keyval + " has been freed");
        }
    }

    static void set(Comm c, int keyval, Object value) {
        if (!isJava(keyval)) {
            throw new MPIException(ErrorClasses.ERR_KEYVAL, "keyval " + keyval + " was not made by Comm.createKeyval");
        }
        known(keyval);
        if (value == null) {
            throw new MPIException(ErrorClasses.ERR_ARG, "an attribute value cannot be null (use deleteAttr)");
        }
        long h = c.handle();
        long id = NEXT_ID.getAndIncrement();
        VALUES.put(id, value);
        int rc = LibMpi.MPI_Comm_set_attr(h, keyval, id);
        if (rc != 0) {
            VALUES.remove(id);
        }
        check(rc);
    }

    static Object get(Comm c, int keyval) {
        known(keyval);
        long h = c.handle();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Comm_get_attr(h, keyval, s.address(8), s.address(0)));
        if (s.getInt(0) == 0) {
            return null;
        }
        long v = s.getLong(8);
        if (isJava(keyval)) {
            return VALUES.get(v);
        }
        // predefined keyvals point at an int; others are foreign and returned as their raw value
        if (keyval == MPI.TAG_UB || keyval == MPI.HOST || keyval == MPI.IO || keyval == MPI.WTIME_IS_GLOBAL
                || keyval == MPI.UNIVERSE_SIZE || keyval == MPI.APPNUM) {
            LibMpi.mpi4j_memcpy(s.address(16), v, 4);
            return s.getInt(16);
        }
        return v;
    }

    static void delete(Comm c, int keyval) {
        known(keyval);
        check(LibMpi.MPI_Comm_delete_attr(c.handle(), keyval));
    }

    /** MPIException.check, with a user callback's exception as the cause. */
    static void check(int rc) {
        Throwable t = PENDING.get();
        PENDING.remove();
        if (rc != 0) {
            MPIException e = MPIException.fromCode(rc);
            if (t != null) {
                e.initCause(t);
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ called from the C callbacks

    /** MPI_Comm_copy_attr_function: the new value's id, 0 to not copy, -1 on error. */
    static long copy(long comm, int keyval, long id) {
        try {
            Keyval k = KEYVALS.get(keyval);
            Object v = VALUES.get(id);
            if (k == null || v == null) {
                return 0;
            }
            Object nv = k.copy().copy(Comm.view(comm), keyval, v);
            if (nv == null) {
                return 0;
            }
            long nid = NEXT_ID.getAndIncrement();
            VALUES.put(nid, nv);
            return nid;
        } catch (Throwable t) {
            PENDING.set(t);
            return -1;
        }
    }

    /** MPI_Comm_delete_attr_function: 0, or MPI_ERR_OTHER when the user's delete function threw. */
    static int delete(long comm, int keyval, long id) {
        Object v = VALUES.remove(id);
        Keyval k = KEYVALS.get(keyval);
        if (k == null || k.delete() == null || v == null) {
            return 0;
        }
        try {
            k.delete().delete(Comm.view(comm), keyval, v);
            return 0;
        } catch (Throwable t) {
            PENDING.set(t);
            return ErrorClasses.ERR_OTHER;
        }
    }
}
