package org.mpi4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.mpi4j.run.Mpirun;

/**
 * The JUnit side of the multi-rank harness. {@link #ranks} starts one real MPI job per rank count (mpiexec through
 * {@link Mpirun}, so the launcher is tested too), runs every {@link RankTest} method of a class on all ranks, and
 * reports one JUnit test per method and rank count; a failure names the method, the rank and its stack trace. A
 * missing MPI makes every test fail, never skip.
 */
public final class MpiTestKit {
    private MpiTestKit() { }

    /** JVM flags for test ranks: small and quick to start, since up to 4 JVMs share 2 cores. */
    public static final List<String> RANK_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m",
            "-Dmpi4j.test.timeout=" + Integer.getInteger("mpi4j.test.timeout", 60));

    /** One container per rank count, each with one test per {@link RankTest} method of {@code cls}. */
    public static Stream<DynamicNode> ranks(Class<?> cls, int... sizes) {
        return ranksWithFlags(cls, List.of(), sizes);
    }

    /** As {@link #ranks}, with extra JVM flags for every rank (e.g. a system property choosing a code path). */
    public static Stream<DynamicNode> ranksWithFlags(Class<?> cls, List<String> jvmFlags, int... sizes) {
        return ranksWithLaunch(cls, Launch.LOCAL, jvmFlags, sizes);
    }

    /** As {@link #ranksWithFlags}, each job started as {@code launch} says (e.g. across network namespaces). */
    public static Stream<DynamicNode> ranksWithLaunch(Class<?> cls, Launch launch, List<String> jvmFlags, int... sizes) {
        List<String> names = new ArrayList<>();
        for (Method m : cls.getMethods()) {
            if (m.isAnnotationPresent(RankTest.class)) {
                names.add(m.getName());
            }
        }
        names.sort(Comparator.naturalOrder());
        List<DynamicNode> nodes = new ArrayList<>();
        for (int n : sizes) {
            Job job = new Job(cls, n, jvmFlags, launch);
            List<DynamicTest> tests = new ArrayList<>();
            for (String name : names) {
                tests.add(DynamicTest.dynamicTest(name + " [" + n + " ranks]", () -> job.check(name)));
            }
            String flags = jvmFlags.isEmpty() ? "" : " " + String.join(" ", jvmFlags);
            nodes.add(DynamicContainer.dynamicContainer(cls.getSimpleName() + " on " + n + " ranks" + flags, tests));
        }
        return nodes.stream();
    }

    /** Runs {@code mainClass} on {@code n} ranks and returns (exit code, merged output); used by example tests. */
    public static Result run(int n, String mainClass, String... args) throws IOException, InterruptedException {
        return run(n, List.of(), mainClass, args);
    }

    static Result run(int n, List<String> extraFlags, String mainClass, String... args) throws IOException, InterruptedException {
        return run(n, Launch.LOCAL, extraFlags, mainClass, args);
    }

    /**
     * Where and how a job starts: a command prefix for mpiexec itself (e.g. {@code ip netns exec NS}) and mpiexec
     * options (e.g. {@code --hostfile F}). {@link #LOCAL} is this machine, plain.
     */
    public record Launch(List<String> prefix, List<String> mpiexecOptions) {
        /** This machine, no prefix, no options. */
        public static final Launch LOCAL = new Launch(List.of(), List.of());
    }

    /** Runs {@code mainClass} on {@code n} ranks started as {@code launch} says; returns (exit code, merged output). */
    public static Result run(int n, Launch launch, List<String> extraFlags, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(RANK_JVM_FLAGS);
        flags.addAll(extraFlags);
        File log = File.createTempFile("mpi4j-run-", ".log");
        try {
            ProcessBuilder pb = Mpirun.processBuilder(n, launch.mpiexecOptions(), classpath(), flags, mainClass, List.of(args));
            if (!launch.prefix().isEmpty()) {
                List<String> cmd = new ArrayList<>(launch.prefix());
                cmd.addAll(pb.command());
                pb.command(cmd);
            }
            pb.redirectErrorStream(true).redirectOutput(log);
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, Files.readString(log.toPath()) + "\n[timed out after 300 s]");
            }
            return new Result(p.exitValue(), Files.readString(log.toPath()));
        } finally {
            log.delete();
        }
    }

    /** Exit code and output of a job. */
    public record Result(int exitCode, String output) { }

    /** The test classpath, for jobs a test starts itself (surefire's, else this JVM's). */
    public static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static final class Job {
        private final Class<?> cls;
        private final int n;
        private final List<String> jvmFlags;
        private final Launch launch;
        private Map<String, Map<Integer, String>> results;
        private String output;
        private int exit;

        Job(Class<?> cls, int n, List<String> jvmFlags, Launch launch) {
            this.cls = cls;
            this.n = n;
            this.jvmFlags = jvmFlags;
            this.launch = launch;
        }

        private synchronized void runOnce() throws Exception {
            if (results != null) {
                return;
            }
            File dir = Files.createTempDirectory("mpi4j-test-").toFile();
            Result r = run(n, launch, jvmFlags, RankRunner.class.getName(), cls.getName(), dir.getAbsolutePath());
            exit = r.exitCode();
            output = r.output();
            results = new LinkedHashMap<>();
            for (int rank = 0; rank < n; rank++) {
                File f = new File(dir, "rank-" + rank + ".txt");
                if (!f.exists()) {
                    continue;
                }
                for (String line : Files.readAllLines(f.toPath(), StandardCharsets.UTF_8)) {
                    String[] parts = line.split(" ", 3);
                    String detail = parts.length > 2 ? new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8) : "";
                    results.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).merge(rank, parts[0] + " " + detail,
                            (a, b) -> a.startsWith("FAIL") ? a : b);
                }
                f.delete();
            }
            dir.delete();
        }

        void check(String name) throws Exception {
            runOnce();
            Map<Integer, String> byRank = results.getOrDefault(name, Map.of());
            StringBuilder problems = new StringBuilder();
            for (int rank = 0; rank < n; rank++) {
                String r = byRank.get(rank);
                if (r == null) {
                    problems.append("rank ").append(rank).append(" of ").append(n).append(": did not report (job exit code ")
                            .append(exit).append(")\n");
                } else if (r.startsWith("FAIL")) {
                    problems.append("rank ").append(rank).append(" of ").append(n).append(": ").append(r.substring(5)).append('\n');
                }
            }
            if (problems.length() > 0) {
                String tail = output.length() > 4000 ? output.substring(output.length() - 4000) : output;
                fail(cls.getSimpleName() + "." + name + " failed on " + n + " ranks:\n" + problems + "--- job output (tail) ---\n" + tail);
            }
        }
    }
}
