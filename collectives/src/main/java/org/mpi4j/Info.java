package org.mpi4j;

import org.mpi4j.buffers.NativeScratch;
import org.mpi4j.jni.LibMpi;

import java.util.LinkedHashMap;
import java.util.Map;

/** MPI_Info: string key/value hints for communicators, windows, files and process management. */
public final class Info implements AutoCloseable {
    private static final long NULL_HANDLE = LibMpi.MPI_INFO_NULL();

    /** MPI_INFO_NULL: no hints. */
    public static final Info NULL = new Info(NULL_HANDLE, true);
    /** MPI_INFO_ENV: the execution environment the job was started with (read only). */
    public static final Info ENV = new Info(LibMpi.MPI_INFO_ENV(), true);

    private long handle;
    private final boolean predefined;

    private Info(long handle, boolean predefined) {
        this.handle = handle;
        this.predefined = predefined;
    }

    /**
     * MPI_Info_create: a new, empty info object.
     *
     * @return a new, empty info object
     */
    public static Info create() {
        Environment.ensure();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Info_create(s.address(0)));
        return new Info(s.getHandle(0), false);
    }

    /**
     * MPI_Info_create + MPI_Info_set for every entry of {@code hints}.
     *
     * @param hints the info hints
     * @return the info
     */
    public static Info of(Map<String, String> hints) {
        Args.notNull(hints, "hints");
        Info info = create();
        hints.forEach(info::set);
        return info;
    }

    /**
     * Wraps a native MPI_Info handle (interop).
     * The handle is not checked, as in C and mpi4py: a value that is not a live handle is undefined behaviour in MPI.
     *
     * @param handle the native handle
     * @return the info
     */
    public static Info fromHandle(long handle) {
        return handle == NULL_HANDLE ? NULL : new Info(handle, false);
    }

    /**
     * MPI_Info_f2c.
     *
     * @param f the Fortran handle
     * @return MPI_Info_f2c
     */
    public static Info fromFortran(int f) {
        Environment.ensure();
        return fromHandle(Environment.fromFortran(LibMpi.MPI_Info_f2c(f), f, "info"));
    }

    /**
     * MPI_Info_c2f.
     *
     * @return MPI_Info_c2f
     */
    public int toFortran() {
        return LibMpi.MPI_Info_c2f(handle);
    }

    /**
     * The native MPI_Info handle (MPI_INFO_NULL for {@link #NULL}); throws once freed.
     *
     * @return the native MPI_Info handle (MPI_INFO_NULL for {@link #NULL}); throws once freed
     */
    public long handle() {
        if (handle == NULL_HANDLE && this != NULL) {
            throw new MPIException(ErrorClasses.ERR_INFO, "info object has been freed");
        }
        return handle;
    }

    private long live() {
        long h = handle();
        if (h == NULL_HANDLE) {
            throw new MPIException(ErrorClasses.ERR_INFO, "MPI.INFO_NULL holds no keys");
        }
        return h;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > LibMpi.MPI_MAX_INFO_KEY()) {
            throw new MPIException(ErrorClasses.ERR_INFO, "info key must have 1 to " + LibMpi.MPI_MAX_INFO_KEY()
                    + " characters, got " + (key == null ? "null" : key.length()));
        }
    }

    /**
     * MPI_Info_set.
     *
     * @param key the key
     * @param value the value
     */
    public void set(String key, String value) {
        checkKey(key);
        if (value == null || value.length() > LibMpi.MPI_MAX_INFO_VAL()) {
            throw new MPIException(ErrorClasses.ERR_INFO, "info value must be non-null and at most "
                    + LibMpi.MPI_MAX_INFO_VAL() + " characters");
        }
        MPIException.check(LibMpi.MPI_Info_set(live(), key, value));
    }

    /**
     * MPI_Info_get: the value of {@code key}, or null when absent.
     *
     * @param key the key
     * @return the value of {@code key}, or null when absent
     */
    public String get(String key) {
        checkKey(key);
        long h = live();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Info_get_valuelen(h, key, s.address(0), s.address(8)));
        if (s.getInt(8) == 0) {
            return null;
        }
        int len = s.getInt(0);
        s = s.ensure(64 + len + 1);
        MPIException.check(LibMpi.MPI_Info_get(h, key, len, s.address(64), s.address(8)));
        return s.getInt(8) == 0 ? null : s.getString(64, len);
    }

    /**
     * MPI_Info_delete.
     *
     * @param key the key
     */
    public void delete(String key) {
        checkKey(key);
        MPIException.check(LibMpi.MPI_Info_delete(live(), key));
    }

    /**
     * MPI_Info_get_nkeys.
     *
     * @return MPI_Info_get_nkeys
     */
    public int size() {
        if (handle() == NULL_HANDLE) {
            return 0;
        }
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Info_get_nkeys(handle, s.address(0)));
        return s.getInt(0);
    }

    /**
     * MPI_Info_get_nthkey: the key at position {@code n}.
     *
     * @param n the position, from 0 to getNkeys() - 1
     * @return the key at position {@code n}
     */
    public String key(int n) {
        long h = live();
        NativeScratch s = NativeScratch.get().ensure(64 + LibMpi.MPI_MAX_INFO_KEY() + 1);
        MPIException.check(LibMpi.MPI_Info_get_nthkey(h, n, s.address(64)));
        return s.getCString(64, LibMpi.MPI_MAX_INFO_KEY());
    }

    /**
     * Every key and value, in MPI's order.
     *
     * @return every key and value, in MPI's order
     */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        int n = size();
        for (int i = 0; i < n; i++) {
            String k = key(i);
            m.put(k, get(k));
        }
        return m;
    }

    /**
     * MPI_Info_dup.
     *
     * @return MPI_Info_dup
     */
    public Info dup() {
        long h = live();
        NativeScratch s = NativeScratch.get();
        MPIException.check(LibMpi.MPI_Info_dup(h, s.address(0)));
        return new Info(s.getHandle(0), false);
    }

    /** MPI_Info_free. */
    public void free() {
        if (predefined) {
            throw new MPIException(ErrorClasses.ERR_INFO, "cannot free a predefined info object");
        }
        NativeScratch s = NativeScratch.get();
        s.putHandle(0, handle());
        MPIException.check(LibMpi.MPI_Info_free(s.address(0)));
        handle = NULL_HANDLE;
    }

    /** Frees the info object unless predefined or already freed. */
    @Override
    public void close() {
        if (!predefined && handle != NULL_HANDLE) {
            free();
        }
    }

    @Override
    public String toString() {
        return this == NULL ? "INFO_NULL" : handle == NULL_HANDLE ? "Info[freed]" : "Info" + toMap();
    }
}
