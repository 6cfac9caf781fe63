package org.mpi4j.testing;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.mpi4j.MPI;

/**
 * The rank side of the test harness: {@code RankRunner CLASS OUTDIR}. Runs every {@link RankTest} method of CLASS
 * on this rank and writes one line per method to OUTDIR/rank-R.txt: {@code PASS name} or {@code FAIL name base64}.
 * A method that hangs longer than {@code mpi4j.test.timeout} seconds (default 60) is reported and the job aborted.
 */
public final class RankRunner {
    private RankRunner() { }

    /** Entry point (started by mpiexec through the launcher). */
    public static void main(String[] args) throws Exception {
        Class<?> cls = Class.forName(args[0]);
        int rank = MPI.COMM_WORLD.getRank();
        int timeout = Integer.getInteger("mpi4j.test.timeout", 60);
        List<Method> methods = new ArrayList<>();
        for (Method m : cls.getMethods()) {
            if (m.isAnnotationPresent(RankTest.class)) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(Method::getName));
        try (PrintStream out = new PrintStream(new FileOutputStream(args[1] + "/rank-" + rank + ".txt"), true, StandardCharsets.UTF_8)) {
            for (Method m : methods) {
                Thread watchdog = watchdog(out, m.getName(), rank, timeout);
                try {
                    m.invoke(null);
                    out.println("PASS " + m.getName());
                } catch (InvocationTargetException e) {
                    out.println("FAIL " + m.getName() + " " + encode(e.getCause()));
                } catch (Throwable e) {
                    out.println("FAIL " + m.getName() + " " + encode(e));
                }
                watchdog.interrupt();
                MPI.COMM_WORLD.barrier();
            }
        }
    }

    private static Thread watchdog(PrintStream out, String name, int rank, int seconds) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            out.println("FAIL " + name + " " + encode(new AssertionError("timed out after " + seconds + " s on rank " + rank
                    + " (a peer probably failed before its matching call)")));
            out.flush();
            MPI.COMM_WORLD.abort(3);
        }, "rank-test-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String encode(Throwable e) {
        java.io.StringWriter sw = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(sw));
        return Base64.getEncoder().encodeToString(sw.toString().getBytes(StandardCharsets.UTF_8));
    }
}
