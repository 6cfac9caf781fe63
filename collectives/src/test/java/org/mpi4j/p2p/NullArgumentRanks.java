package org.mpi4j.p2p;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mpi4j.Comm;
import org.mpi4j.Datatype;
import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MPIException;
import org.mpi4j.Op;
import org.mpi4j.Status;
import org.mpi4j.testing.RankTest;

/**
 * Issue 12: a bad-argument campaign found NullPointerExceptions with the JDK's message where a clear exception was due.
 * Every public method of the core handle types is called on COMM_SELF with null in each reference parameter in turn
 * (ranks are MPI.PROC_NULL, so nothing waits): each call must return or throw an {@link MPIException}, never another
 * exception. The methods tried and the calls made are counted.
 */
public final class NullArgumentRanks {
    private NullArgumentRanks() { }

    /** Methods that end or free something the rest of the run needs, or that take a user callback. */
    static final Set<String> SKIP = Set.of("abort", "free", "close", "finalizeMPI", "freeKeyval", "setErrhandler",
            "callErrhandler", "equals", "wait", "notify", "notifyAll", "attachBuffer", "detachBuffer", "init");

    static Object sample(Class<?> t, Intracomm self, Group g) {
        if (t == int.class) {
            return MPI.PROC_NULL;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == double.class) {
            return 0.0;
        }
        if (t == int[].class) {
            return new int[] {0};
        }
        if (t == long[].class) {
            return new long[] {0};
        }
        if (t == int[][].class) {
            return new int[][] {{0, 0, 1}};
        }
        if (Datatype.class.isAssignableFrom(t)) {
            return Datatype.DOUBLE;
        }
        if (t == Datatype[].class) {
            return new Datatype[] {Datatype.DOUBLE};
        }
        if (Comm.class.isAssignableFrom(t)) {
            return t.isInstance(self) ? self : null;
        }
        if (t == Group.class) {
            return g;
        }
        if (t == Op.class) {
            return Op.SUM;
        }
        if (t == Status.class) {
            return new Status();
        }
        if (t == String.class) {
            return "x";
        }
        if (t == Object.class) {
            return new double[1];
        }
        return null;
    }

    @RankTest
    public static void nullInEveryReferenceParameterIsAClearException() throws Exception {
        Intracomm self = MPI.COMM_SELF.dup();
        List<String> bad = new ArrayList<>();
        int calls = 0;
        try (Group g = self.getGroup(); Datatype dt = Datatype.DOUBLE.contiguous(2).commit()) {
            Object[][] targets = {{Intracomm.class, self}, {Datatype.class, dt}, {Group.class, g}, {Op.class, Op.SUM},
                {Info.class, null}};
            for (Object[] target : targets) {
                Class<?> cls = (Class<?>) target[0];
                Method[] methods = cls.getMethods();
                Arrays.sort(methods, Comparator.comparing(Method::toString));
                for (Method m : methods) {
                    if (SKIP.contains(m.getName()) || m.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    boolean isStatic = Modifier.isStatic(m.getModifiers());
                    if (!isStatic && target[1] == null) {
                        continue;
                    }
                    Class<?>[] p = m.getParameterTypes();
                    for (int i = 0; i < p.length; i++) {
                        if (p[i].isPrimitive() || p[i] == Object.class || p[i] == Status.class) {
                            continue;   // buffers: null is the empty message; a null Status is MPI_STATUS_IGNORE
                        }
                        Object[] args = new Object[p.length];
                        for (int j = 0; j < p.length; j++) {
                            args[j] = j == i ? null : sample(p[j], self, g);
                        }
                        calls++;
                        try {
                            Object result = m.invoke(isStatic ? null : target[1], args);
                            if (result instanceof AutoCloseable c && result != self && result != g && result != dt
                                    && !(result instanceof Datatype d && d.isPredefined())) {
                                c.close();
                            }
                        } catch (InvocationTargetException e) {
                            if (!(e.getCause() instanceof MPIException)) {
                                bad.add(m + " with null parameter " + i + ": " + e.getCause());
                            }
                        }
                    }
                }
            }
        } finally {
            self.close();
        }
        System.err.println("[nulls] " + calls + " calls with a null argument, " + bad.size() + " not an MPIException");
        assertTrue(calls > 50, "only " + calls + " calls tried");
        assertTrue(bad.isEmpty(), bad.size() + " calls threw something else than MPIException:\n" + String.join("\n", bad));
    }
}
