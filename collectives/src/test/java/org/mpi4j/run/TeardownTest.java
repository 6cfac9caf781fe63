package org.mpi4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;

/**
 * Teardown: on a 3-rank job where ranks 0 and 2 are blocked (in a receive and a barrier), rank 1 ends badly
 * ({@link TeardownMain}: uncaught exception in main or in a worker thread, System.exit, Runtime.halt, MPI.abort,
 * SIGKILL or SIGTERM from outside). The whole job must end within 5 s of that event with a non-zero exit code, every rank
 * process gone, under both launchers: {@link Mpirun} (RankMain on every rank) and a plain
 * {@code mpiexec java -cp ... TeardownMain} where only the library itself can act. Controls check that a normal
 * end still finalizes and exits 0, and that System.exit keeps its status where nobody can be waiting (after
 * MPI.finalizeMPI, or on a single rank). Each bad case prints its measured teardown time.
 */
class TeardownTest {
    /** How long the job may take to end after the bad event. */
    private static final long LIMIT_MS = 5_000;
    /** How long the test waits after the event before it kills a hung job itself. */
    private static final long GIVE_UP_MS = 12_000;
    private static final Pattern EVENT = Pattern.compile("EVENT (\\S+) pid=(\\d+) t=(\\d+)");
    private static final List<String> REPORT = new ArrayList<>();

    enum Launcher {
        MPIRUN("Mpirun"), PLAIN("plain mpiexec");

        final String label;

        Launcher(String label) {
            this.label = label;
        }
    }

    @TestFactory
    Stream<DynamicTest> badRankEndsTheJob() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Launcher l : Launcher.values()) {
            for (String what : List.of("exit", "throw-main", "throw-thread", "halt", "abort", "kill", "term")) {
                tests.add(DynamicTest.dynamicTest(what + " on rank 1, " + l.label, () -> badCase(l, what)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> normalEndFinalizes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Launcher l : Launcher.values()) {
            tests.add(DynamicTest.dynamicTest("main returns, " + l.label, () -> {
                Job j = Job.run(l, "normal");
                assertEquals(0, j.exit, j.describe());
            }));
        }
        tests.add(DynamicTest.dynamicTest("MPI.finalizeMPI then System.exit(0), plain mpiexec", () -> {
            Job j = Job.run(Launcher.PLAIN, "finalize-exit");
            assertEquals(0, j.exit, j.describe());
        }));
        tests.add(DynamicTest.dynamicTest("System.exit(5) on a single rank keeps its status, plain mpiexec", () -> {
            Job j = Job.run(Launcher.PLAIN, "single-exit");
            assertEquals(5, j.exit, j.describe());
            assertFalse(j.output.contains("MPI_ABORT"), j.describe());
        }));
        return tests.stream();
    }

    private static void badCase(Launcher l, String what) throws Exception {
        Job j = Job.run(l, what);
        assertTrue(j.eventMillis > 0, "rank 1 never reached the event\n" + j.describe());
        assertTrue(j.ended, "the job was still running " + GIVE_UP_MS + " ms after the event (killed by the test)\n" + j.describe());
        long took = j.endMillis - j.eventMillis;
        synchronized (REPORT) {
            REPORT.add(String.format("%-13s %-12s ended %5d ms after the event, exit code %d", l.label, what, took, j.exit));
        }
        assertNotEquals(0, j.exit, "exit code\n" + j.describe());
        assertTrue(took <= LIMIT_MS, "the job ended " + took + " ms after the event, limit " + LIMIT_MS + "\n" + j.describe());
        assertFalse(j.output.contains("AFTER "), "a rank went on after the event\n" + j.describe());
        assertTrue(j.leftovers.isEmpty(), "rank processes still alive after the job ended: " + j.leftovers + "\n" + j.describe());
    }

    @AfterAll
    static void printReport() {
        System.out.println("[teardown] measured teardown times (3 ranks, rank 1 ends badly, ranks 0 and 2 blocked):");
        REPORT.forEach(r -> System.out.println("[teardown]   " + r));
    }

    /** One job: its output, the event time (wall clock, from the rank), when it ended, and what outlived it. */
    private static final class Job {
        final StringBuilder out = new StringBuilder();
        String output;
        volatile long eventMillis;
        volatile long eventPid;
        long endMillis;
        boolean ended;
        int exit = Integer.MIN_VALUE;
        List<Long> leftovers = new ArrayList<>();
        String name;

        static Job run(Launcher l, String what) throws Exception {
            Job j = new Job();
            j.name = what + " / " + l.label;
            ProcessBuilder pb = builder(l, what).redirectErrorStream(true);
            Process p = pb.start();
            Object seen = new Object();
            Thread reader = new Thread(() -> j.read(p, what, seen), "teardown-reader");
            reader.setDaemon(true);
            reader.start();
            List<ProcessHandle> tree = new ArrayList<>();
            try {
                // JVM start-up of 3 ranks on 2 shared cores: generous, since only the time after the event counts.
                long startDeadline = System.currentTimeMillis() + 90_000;
                synchronized (seen) {
                    while (j.eventMillis == 0 && p.isAlive() && System.currentTimeMillis() < startDeadline) {
                        seen.wait(50);
                    }
                }
                if (j.eventMillis != 0) {
                    p.descendants().forEach(tree::add);
                    long left = j.eventMillis + GIVE_UP_MS - System.currentTimeMillis();
                    j.ended = p.waitFor(Math.max(left, 0), TimeUnit.MILLISECONDS);
                    j.endMillis = System.currentTimeMillis();
                } else {
                    j.ended = p.waitFor(1, TimeUnit.SECONDS);
                }
                if (j.ended) {
                    j.exit = p.exitValue();
                    // mpiexec has returned: nothing of the job may still run (zombies waiting for init to reap them
                    // have ended; allow a moment for a last signal to land).
                    long until = System.currentTimeMillis() + 1_000;
                    while (tree.stream().anyMatch(Job::running) && System.currentTimeMillis() < until) {
                        Thread.sleep(20);
                    }
                    tree.stream().filter(Job::running).forEach(h -> j.leftovers.add(h.pid()));
                }
            } finally {
                if (p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
                tree.forEach(ProcessHandle::destroyForcibly);
                p.waitFor(5, TimeUnit.SECONDS);
                reader.join(2_000);
                synchronized (j.out) {
                    j.output = j.out.toString();
                }
            }
            return j;
        }

        /** True while the process exists and is not a zombie (Linux /proc; ProcessHandle counts zombies as alive). */
        static boolean running(ProcessHandle h) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException e) {
                return false;
            }
        }

        private void read(Process p, String what, Object seen) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    Matcher m = EVENT.matcher(line);
                    if (m.find()) {
                        long pid = Long.parseLong(m.group(2));
                        long t = Long.parseLong(m.group(3));
                        if (what.equals("kill") || what.equals("term")) {
                            t = System.currentTimeMillis();
                            // destroyForcibly sends SIGKILL, destroy SIGTERM
                            ProcessHandle.of(pid).ifPresent(what.equals("kill") ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
                        }
                        synchronized (seen) {
                            eventPid = pid;
                            eventMillis = t;
                            seen.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (out) {
                    out.append("[reader: ").append(e).append("]\n");
                }
            }
        }

        String describe() {
            String o = output == null ? "" : output;
            String tail = o.length() > 6000 ? o.substring(o.length() - 6000) : o;
            return "job " + name + ": exit code " + (ended ? Integer.toString(exit) : "none (did not end)") + "\n--- output ---\n" + tail;
        }

        private static ProcessBuilder builder(Launcher l, String what) {
            String cp = MpiTestKit.classpath();
            List<String> flags = new ArrayList<>(MpiTestKit.RANK_JVM_FLAGS);
            if (l == Launcher.MPIRUN) {
                // The launcher as a user runs it: its own JVM, which starts mpiexec and exits with its code.
                List<String> cmd = new ArrayList<>();
                cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
                cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp, "-Dmpi4j.mpiexec=" + Mpirun.mpiexec()));
                cmd.add(Mpirun.class.getName());
                cmd.addAll(List.of("-n", "3", "-cp", cp));
                for (String f : flags) {
                    cmd.add("-J");
                    cmd.add(f);
                }
                cmd.add(TeardownMain.class.getName());
                cmd.add(what);
                return new ProcessBuilder(cmd);
            }
            // A plain mpiexec running java on the user's main class: no RankMain, only the library can act.
            List<String> cmd = new ArrayList<>();
            cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
            cmd.addAll(Mpirun.defaultJvmFlags());
            cmd.addAll(flags);
            cmd.addAll(List.of("-cp", cp, TeardownMain.class.getName(), what));
            return Mpirun.nativeProcessBuilder(what.startsWith("single") ? 1 : 3, cmd);
        }
    }
}
