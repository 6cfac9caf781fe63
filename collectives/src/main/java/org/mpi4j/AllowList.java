package org.mpi4j;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The classes the object path may create when it reads bytes: value types of the JDK by default, plus what the
 * application adds (classes by name, or whole packages). Thread-safe; every rank must allow what it sends and what it
 * receives (a class outside the list is refused on both sides, before any byte moves or any class is loaded).
 */
public final class AllowList {
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final List<String> prefixes = new CopyOnWriteArrayList<>();

    /** An empty allow-list: nothing may be created until classes or packages are added ({@link #defaults()} has the JDK's). */
    public AllowList() { }

    /**
     * The JDK value types every serializer handles: boxed primitives, String, big numbers, collections, time.
     *
     * @return the JDK value types every serializer handles: boxed primitives, String, big numbers, collections, time
     */
    public static AllowList defaults() {
        AllowList a = new AllowList();
        a.allowNames("java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short",
                "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.String",
                "java.lang.Number", "java.lang.Enum", "java.lang.Record", "java.lang.Object",
                "java.math.BigInteger", "java.math.BigDecimal",
                "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
                "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
                "java.util.ArrayDeque", "java.util.Arrays$ArrayList", "java.util.BitSet", "java.util.UUID",
                "java.util.Date", "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap",
                "java.util.Collections$EmptySet", "java.util.Collections$SingletonList",
                "java.util.Collections$SingletonMap", "java.util.Collections$SingletonSet",
                "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
                "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
                "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN",
                "java.util.AbstractMap$SimpleEntry", "java.util.AbstractMap$SimpleImmutableEntry", "java.util.Map$Entry");
        a.allowPackage("java.time.");
        return a;
    }

    /**
     * Allows these classes (and arrays of them).
     *
     * @param classes the classes
     * @return allows these classes (and arrays of them)
     */
    public AllowList allow(Class<?>... classes) {
        for (Class<?> c : classes) {
            names.add(c.getName());
        }
        return this;
    }

    /**
     * Allows classes by binary name, e.g. {@code "com.example.Point"}.
     *
     * @param classNames the fully qualified class names
     * @return allows classes by binary name, e.g. {@code "com.example.Point"}
     */
    public AllowList allowNames(String... classNames) {
        names.addAll(List.of(classNames));
        return this;
    }

    /**
     * Allows every class whose name starts with {@code prefix}, e.g. {@code "com.example.model."}.
     *
     * @param prefix the prefix
     * @return allows every class whose name starts with {@code prefix}, e.g. {@code "com.example.model."}
     */
    public AllowList allowPackage(String prefix) {
        prefixes.add(prefix);
        return this;
    }

    /**
     * True when a class of this binary name (arrays: their element class; primitives always) may be created.
     *
     * @param className the fully qualified class name
     * @return true when a class of this binary name (arrays: their element class; primitives always) may be created
     */
    public boolean isAllowed(String className) {
        String n = className;
        while (n.startsWith("[")) {
            n = n.substring(1);
        }
        if (n.length() == 1 && "ZBCSIJFD".contains(n)) {
            return true;
        }
        if (n.startsWith("L") && n.endsWith(";")) {
            n = n.substring(1, n.length() - 1);
        }
        if (names.contains(n)) {
            return true;
        }
        for (String p : prefixes) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when instances of this class may be created.
     *
     * @param c the class
     * @return true when instances of this class may be created
     */
    public boolean isAllowed(Class<?> c) {
        Class<?> e = c;
        while (e.isArray()) {
            e = e.getComponentType();
        }
        return e.isPrimitive() || isAllowed(e.getName());
    }

    static MPIException rejected(String className) {
        return new MPIException(ErrorClasses.ERR_OTHER, "class " + className + " is not in the object path's allow-list;"
                + " add it on every rank with Pickle.get().allowList().allow(...) (nothing was deserialized)");
    }
}
