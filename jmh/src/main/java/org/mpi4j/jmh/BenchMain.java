package org.mpi4j.jmh;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mpi4j.run.Mpirun;

/**
 * {@code ./mpi4j bench [--quick] [--out DIR] [--rounds N] [--only OP[:SIZE],...]}: for each operation and size, one
 * job of 2 JVM ranks runs the C kernels (through JNI, {@link CKernels}) and the Java (JMH) benchmarks of every buffer
 * kind in turns, round after round, in the same processes, so machine drift hits C and Java alike, and keeps each
 * one's median; the separate C program runs too, as a cross-check (column "C prog"). {@code --rounds N} repeats the
 * job N times (default 1). Then it prints one table (size, C, Java per buffer kind, ratio Java/C), writes it as CSV and JSON, and
 * draws latency and bandwidth plots (PNG, XChart). When Debian's python3-mpi4py and python3-numpy are present, the
 * same cases run through mpi4py too and get a column; otherwise the column is left out with a note.
 */
public final class BenchMain {
    private BenchMain() { }

    static final String[] KINDS = {"direct", "huge", "array", "arrow", "nd4j"};
    /**
     * The kinds of the megabyte cases: also Arrow and ND4J memory from mpi4j's huge-page allocator
     * ({@code HugePageAllocationManager}, {@code Nd4jMemory.wrap(Buffers.allocateDirect(..))}), against C huge.
     */
    static final String[] LARGE_KINDS = {"direct", "huge", "array", "arrow", "arrowhuge", "nd4j", "nd4jhuge"};
    /** The table's columns, in order. */
    static final String[] COLUMNS = LARGE_KINDS;
    /** Buffer kinds of the io cases (IoBench); the one-process FileChannel baseline goes in the nd4j column's place. */
    static final String[] IO_KINDS = {"direct", "huge", "array"};
    /** Prefix of the rows holding bytes allocated per operation (JMH's gc.alloc.rate.norm) instead of seconds. */
    static final String ALLOC = "alloc:";
    /** Prefix of the rows of the separate C program (the cross-check of the in-process C kernels). */
    static final String PROG = "prog-";
    /** Rounds in which the kinds (C among them) take turns inside one job (RankBench). */
    static int turns;

    /** One benchmark case: an operation at a size, the Java kinds it runs, whether C and mpi4py have it. */
    record Case(String op, int size, String[] kinds, boolean c, boolean py) { }

    /** One measurement: who (c, java-KIND, mpi4py), op, size, seconds per operation. */
    record Row(String who, String op, int size, double seconds) { }

    static List<Case> cases() {
        List<Case> l = new ArrayList<>();
        for (int s : new int[] {0, 8, 1024, 65536, 1 << 20, 16 << 20}) {
            l.add(new Case("pingpong", s, kinds(s), true, true));
        }
        for (int s : new int[] {1, 1024, 1 << 20}) {
            l.add(new Case("allreduce", s, kinds(messageBytes("allreduce", s)), true, true));
        }
        l.add(new Case("bcast", 8 << 20, LARGE_KINDS, true, true));
        l.add(new Case("ring", 8192, new String[] {"direct", "array"}, true, true));
        for (int s : new int[] {8, 65536, 1 << 20, 16 << 20}) {
            l.add(new Case("put", s, kinds(s), true, false));
            l.add(new Case("get", s, kinds(s), true, false));
        }
        for (int s : new int[] {8, 1 << 20}) {
            l.add(new Case("putfence", s, kinds(s), true, false));
        }
        // collective file I/O, every rank its block (512 MiB each: 1 GiB in all), on /dev/shm and on the disk
        for (String where : new String[] {"shm", "disk"}) {
            l.add(new Case("iowrite-" + where, 512 << 20, IO_KINDS, true, false));
            l.add(new Case("ioread-" + where, 512 << 20, IO_KINDS, true, false));
        }
        // start-up: a hello world on 4 ranks, the whole job timed from outside (size = ranks)
        l.add(new Case("startup", 4, new String[] {"direct"}, true, true));
        l.add(new Case("object", 0, new String[] {"map"}, false, true));
        l.add(new Case("object", 100_000, new String[] {"list"}, false, true));
        l.add(new Case("serialize", 0, new String[] {"map"}, false, true));
        l.add(new Case("serialize", 100_000, new String[] {"list"}, false, true));
        return l;
    }

    /** The Java kinds of a case moving {@code bytes} per message: the huge-page allocators' kinds from 1 MiB. */
    static String[] kinds(long bytes) {
        return bytes >= (1 << 20) ? LARGE_KINDS : KINDS;
    }

    /** A rough time per operation, only to size the batches so an iteration lasts about the target time. */
    static double estimate(Case c) {
        switch (c.op()) {
            case "pingpong": return 1e-6 + 2.0 * c.size() / 5e9;
            case "allreduce": return 2e-6 + 8.0 * c.size() / 1e9;
            case "bcast": return 1e-6 + c.size() / 3e9;
            case "ring": return 2e-6 + c.size() / 3e9;
            case "put": case "get": return 1e-7 + c.size() / 5e9;
            case "iowrite-shm": case "ioread-shm": case "iowrite-disk": case "ioread-disk": return 1.0;
            case "putfence": return 2e-6 + c.size() / 5e9;
            case "object": return c.size() == 0 ? 5e-6 : 5e-3;
            default: return c.size() == 0 ? 1e-6 : 3e-3;
        }
    }

    /**
     * {@code --pin-arrays}: the Java ranks pin heap arrays for blocking calls (-Dmpi4j.pinArrays=true) instead of
     * staging them, to measure what staging costs the array rows.
     */
    static boolean pinArrays;

    /**
     * {@code --g1}: the Java ranks run the JVM's default collector, G1, instead of the Parallel collector the table is
     * measured with (fewer concurrent GC threads on 2 cores); with G1 on JDK 22+ heap arrays are pinned for blocking
     * calls, zero copy, as users of those JDKs get them.
     */
    static boolean g1;

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        int rounds = -1;
        List<String> only = List.of();
        File out = new File("jmh/target/bench");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: mpi4j bench [--quick] [--rounds N] [--only OP[:SIZE],...] [--out DIR] [--pin-arrays] [--g1]");
                System.out.println("  ops: pingpong, allreduce, bcast, ring, object, serialize; sizes in bytes (allreduce: doubles)");
                return;
            } else if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--out")) {
                out = new File(args[++i]);
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--only")) {
                only = List.of(args[++i].split(","));
            } else if (args[i].equals("--pin-arrays")) {
                pinArrays = true;
            } else if (args[i].equals("--g1")) {
                g1 = true;
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --help, --quick, --out DIR, --rounds N, --only OP[:SIZE],..., --pin-arrays, --g1)");
            }
        }
        double target = quick ? 0.005 : 0.04;
        // the Java ranks need their JIT warm: a second or so of warm-up per case even in quick mode
        int warmup = quick ? 20 : 25;
        // per turn; C and every Java kind take turns `turns` times in the same processes, medians kept
        int measure = quick ? 3 : 5;
        turns = quick ? 5 : 9;
        if (rounds < 1) {
            rounds = 1;
        }
        String cp = System.getProperty("java.class.path");
        File cBench = new File("jmh/target/mpi4j_bench");
        boolean py = hasMpi4py();
        String mpiVersion = mpiVersion();
        System.out.print(String.format("mpi4j bench (%s): JDK %s, %s, 2 ranks, batches of ~%.0f ms, %d warm-up; C (in the same"
                + " processes, through JNI) and every Java kind take %d turns of %d batches, median kept; %d job(s) per case%n",
                quick ? "quick" : "full", System.getProperty("java.version"), mpiVersion, target * 1e3, warmup, turns, measure,
                rounds));
        if (!py) {
            System.out.print("note: python3-mpi4py/python3-numpy not found, the mpi4py column is left out\n");
        }
        String warning = loadWarning();
        if (warning != null) {
            System.out.print(warning + "\n");
        }
        List<Row> all = new ArrayList<>();
        long t0 = System.nanoTime();
        List<Case> todo = new ArrayList<>();
        for (Case c : cases()) {
            if (only.isEmpty() || only.contains(c.op()) || only.contains(c.op() + ":" + c.size())) {
                todo.add(c);
            }
        }
        double maxLoad = 0;
        for (int i = 0; i < todo.size(); i++) {
            Case c = todo.get(i);
            for (int round = 0; round < rounds; round++) {
                // progress on stderr, so the table on stdout stays clean
                System.err.print(String.format(Locale.ROOT, "[bench] case %d/%d: %s %s, round %d/%d (%.0f s, load %.1f)%n",
                        i + 1, todo.size(), c.op(), human(c.size(), c.op()), round + 1, rounds,
                        (System.nanoTime() - t0) * 1e-9, loadAverage()));
                all.addAll(runCase(c, round, target, warmup, measure, cBench, cp, py));
                maxLoad = Math.max(maxLoad, loadAverage());
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Row> allocs = new ArrayList<>();
        for (Row r : medians(all)) {
            (r.who().startsWith(ALLOC) ? allocs : rows).add(r);
        }
        double took = (System.nanoTime() - t0) * 1e-9;
        String table = table(rows, py) + allocTable(allocs);
        int cores = Runtime.getRuntime().availableProcessors();
        // during the run the bench's own 2 busy ranks count in the load average: only more than that is other work
        if (maxLoad > cores + 2) {
            table += String.format(Locale.ROOT, "WARNING: the load average reached %.1f on %d cores during this run: other work"
                    + " ran on the machine, the ratios may be meaningless%n", maxLoad, cores);
        }
        System.out.print(table);
        System.out.print(String.format("(%d measurements in %.0f s)%n", rows.size(), took));
        out.mkdirs();
        writeCsv(rows, new File(out, "results.csv"));
        writeJson(rows, new File(out, "results.json"), quick, mpiVersion);
        Files.writeString(new File(out, "table.txt").toPath(), table, StandardCharsets.UTF_8);
        plot(rows, out, mpiVersion);
        System.out.print("wrote " + out + "/results.csv, results.json, table.txt, latency.png, bandwidth.png, ratio.png,"
                + " collectives.png\n");
    }

    /**
     * One round of a case: the C job, then the Java job (all kinds), then mpi4py if present. The Java kinds start one
     * further along in each round: the last kind timed in a JVM came out 15-35% slower in hand runs (not GC, not
     * warm-up length), so with rotation no kind is always last and the medians over rounds even it out.
     */
    static List<Row> runCase(Case c, int round, double target, int warmup, int measure, File cBench, String cp, boolean py)
            throws IOException, InterruptedException {
        if (c.op().startsWith("io")) {
            return runIoCase(c, round, cBench, cp);
        }
        if (c.op().equals("startup")) {
            return runStartupCase(c, cBench, cp, py);
        }
        List<Row> rows = new ArrayList<>();
        int batch = (int) Math.max(1, Math.min(1_000_000, Math.round(target / estimate(c))));
        List<String> common = List.of(c.op(), Integer.toString(c.size()), Integer.toString(batch), Integer.toString(warmup),
                Integer.toString(measure));
        List<String> kindList = new ArrayList<>();
        if (c.c()) {
            // the cross-check: the separate C program, in its own processes (column "C prog")
            List<String> cmd = new ArrayList<>();
            cmd.add(cBench.getAbsolutePath());
            cmd.addAll(common);
            for (Row r : collect(Mpirun.nativeProcessBuilder(2, cmd))) {
                rows.add(new Row(r.who().startsWith(ALLOC) ? r.who() : PROG + r.who(), r.op(), r.size(), r.seconds()));
            }
            // the reference: the same C kernels called in the Java ranks, interleaved with the Java kinds
            kindList.add("c");
            if (c.size() >= (1 << 20) && !c.op().equals("ring")) {
                // the physical limit: C with huge-page buffers, as numpy gives mpi4py
                kindList.add("chuge");
            }
        }
        kindList.addAll(List.of(rotate(c.kinds(), round)));
        String kinds = String.join(",", kindList);
        List<String> jargs = new ArrayList<>(List.of(c.op(), kinds, Integer.toString(c.size()),
                Integer.toString(batch), Integer.toString(warmup), Integer.toString(measure), Integer.toString(turns)));
        List<String> jvm = new ArrayList<>(List.of("-Xmx2g", g1 ? "-XX:+UseG1GC" : "-XX:+UseParallelGC"));
        if (pinArrays) {
            jvm.add("-Dmpi4j.pinArrays=true");
        }
        rows.addAll(collect(Mpirun.processBuilder(2, cp, jvm, RankBench.class.getName(), jargs)));
        if (py && c.py()) {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", new File("jmh/src/main/python/mpi4py_bench.py").getAbsolutePath()));
            cmd.addAll(common);
            cmd.add(c.kinds()[0]);
            // the C kernels in turns with mpi4py, in its processes: its ratio against C of the same time (py-c rows);
            // only with Open MPI, the MPI Debian's mpi4py is built for (the kernels must use the library it loaded)
            cmd.add(Integer.toString(turns));
            if (mpiVersion().startsWith("Open MPI")) {
                cmd.add(new File("jmh/target/native/libmpi4jbenchk.so").getAbsolutePath());
            }
            rows.addAll(collect(Mpirun.nativeProcessBuilder(2, cmd)));
        }
        return rows;
    }

    /**
     * The start-up case: a hello world on {@code c.size()} ranks started with plain mpiexec, timed from outside (start
     * to exit of mpiexec): the C program ({@code mpi4j_bench hello}), Java (the examples' HelloWorld from their jar,
     * under RankMain with the launcher's JVM flags and class-data archive, as {@code ./mpi4j run} starts ranks,
     * without the launcher's own JVM),
     * and mpi4py ({@code python3 -c "from mpi4py import MPI; ..."}). They take {@link #turns} turns, interleaved;
     * medians kept.
     */
    static List<Row> runStartupCase(Case c, File cBench, String cp, boolean py) throws IOException, InterruptedException {
        List<ProcessBuilder> jobs = new ArrayList<>();
        List<String> who = new ArrayList<>();
        jobs.add(Mpirun.nativeProcessBuilder(c.size(), List.of(cBench.getAbsolutePath(), "hello", "0", "0", "0", "0")));
        who.add("c");
        // the examples' jar and dependencies, as ./mpi4j run gives them (jars only: the launcher's class-data archive
        // applies; a folder of classes on the class path would turn it off)
        File[] found = new File("examples/target").listFiles((d, n) -> n.startsWith("mpi4j-examples-") && n.endsWith(".jar")
                && !n.endsWith("-tests.jar") && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar"));
        if (found == null || found.length != 1) {
            throw new IllegalStateException("the start-up case needs the examples' jar (mvn install): found "
                    + (found == null ? "no examples/target" : java.util.Arrays.toString(found)));
        }
        File examplesJar = found[0];
        String jarCp = examplesJar.getAbsolutePath() + File.pathSeparator
                + Files.readString(new File("examples/target/classpath.txt").toPath(), StandardCharsets.UTF_8).strip();
        jobs.add(Mpirun.processBuilder(c.size(), jarCp, List.of(), "org.mpi4j.examples.HelloWorld", List.of()));
        who.add("java-direct");
        if (py) {
            jobs.add(Mpirun.nativeProcessBuilder(c.size(), List.of("/usr/bin/python3", "-c", "from mpi4py import MPI; c = MPI.COMM_WORLD;"
                    + " print('hello from rank %d of %d' % (c.Get_rank(), c.Get_size()), flush=True)")));
            who.add("mpi4py");
        }
        List<Row> rows = new ArrayList<>();
        for (int turn = 0; turn < turns + 1; turn++) {
            for (int k = 0; k < jobs.size(); k++) {
                ProcessBuilder pb = jobs.get(k).redirectErrorStream(true);
                long t0 = System.nanoTime();
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean done = p.waitFor(120, TimeUnit.SECONDS);
                double t = (System.nanoTime() - t0) * 1e-9;
                // lines of two ranks may interleave ("Hello, World! I am process R of N" from the Java example)
                long hellos = out.split("(?i)hello,? (from rank|world! i am process) ", -1).length - 1;
                if (!done || p.exitValue() != 0 || hellos != c.size()) {
                    throw new IllegalStateException("start-up job failed: " + String.join(" ", pb.command()) + "\n" + out);
                }
                if (turn > 0) {   // the first turn warms the page cache and JavaCPP's cache
                    rows.add(new Row(who.get(k), c.op(), c.size(), t));
                }
            }
        }
        return rows;
    }

    /** Where an io case's file goes: /dev/shm, or the disk under jmh/target. */
    static java.nio.file.Path ioFile(String op) {
        java.nio.file.Path dir = op.endsWith("-shm") ? java.nio.file.Path.of("/dev/shm") : java.nio.file.Path.of("jmh", "target");
        return dir.toAbsolutePath().resolve("mpi4j-bench-io-" + ProcessHandle.current().pid() + ".bin");
    }

    /**
     * An io case: the C program (the cross-check) and IoBench (2 ranks, each its block of c.size() bytes with
     * write_at_all/read_at_all; the C kernel and the Java kinds in turns, {@link #turns} rounds), then one process
     * moving the same 2 x c.size() bytes through a FileChannel ("java-filechannel" row). The file is removed afterwards.
     */
    static List<Row> runIoCase(Case c, int round, File cBench, String cp) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        java.nio.file.Path file = ioFile(c.op());
        List<String> common = List.of(c.op(), Integer.toString(c.size()), "1", "1", "3");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(cBench.getAbsolutePath());
            cmd.addAll(common);
            ProcessBuilder cpb = Mpirun.nativeProcessBuilder(2, cmd);
            cpb.environment().put("MPI4J_BENCH_IO_FILE", file.toString());
            for (Row r : collect(cpb)) {
                rows.add(new Row(PROG + r.who(), r.op(), r.size(), r.seconds()));   // the cross-check column
            }
            java.nio.file.Files.deleteIfExists(file);
            // the reference: the C kernel in the Java ranks, in turns with the Java kinds, round after round
            List<String> kinds = new ArrayList<>(List.of("c"));
            kinds.addAll(List.of(rotate(c.kinds(), round)));
            List<String> jargs = List.of(c.op(), String.join(",", kinds), Integer.toString(c.size()), "1", "1", "1",
                    Integer.toString(turns));
            ProcessBuilder jpb = Mpirun.processBuilder(2, cp, List.of("-Xmx2g"), IoBench.class.getName(), jargs);
            jpb.environment().put("MPI4J_BENCH_IO_FILE", file.toString());
            rows.addAll(collect(jpb));
            rows.add(new Row("java-filechannel", c.op(), c.size(), fileChannel(file, c.op().startsWith("iowrite"), 2L * c.size())));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return rows;
    }

    /** Seconds for one process to write (or read) {@code bytes} sequentially through a FileChannel, best of 3. */
    static double fileChannel(java.nio.file.Path file, boolean write, long bytes) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(8 << 20);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                if (!write && ch.size() < bytes) {
                    for (long at = 0; at < bytes; at += buf.capacity()) {
                        buf.clear();
                        ch.write(buf, at);
                    }
                }
                long t0 = System.nanoTime();
                for (long at = 0; at < bytes; at += buf.capacity()) {
                    buf.clear();
                    if (write) {
                        ch.write(buf, at);
                    } else {
                        ch.read(buf, at);
                    }
                }
                double t = (System.nanoTime() - t0) * 1e-9;
                if (rep > 0) {
                    best = Math.min(best, t);
                }
            }
        }
        return best;
    }

    /** {@code kinds} starting at index {@code by} (mod length), wrapping around. */
    static String[] rotate(String[] kinds, int by) {
        String[] out = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            out[i] = kinds[(i + by) % kinds.length];
        }
        return out;
    }

    /** The median of each (impl, op, size) over the rounds. */
    static List<Row> medians(List<Row> all) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : all) {
            groups.computeIfAbsent(r.who() + " " + r.op() + " " + r.size(), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            Row r = g.get(0);
            out.add(new Row(r.who(), r.op(), r.size(), median(g.stream().mapToDouble(Row::seconds).toArray())));
        }
        return out;
    }

    /** The median of {@code v} (not empty). */
    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Bytes per message of a case: its size, or for allreduce its size in doubles times 8. */
    static long messageBytes(String op, long size) {
        return op.equals("allreduce") ? 8L * size : size;
    }

    static boolean hasMpi4py() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import mpi4py, numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String mpiVersion() {
        try {
            Process p = new ProcessBuilder(Mpirun.mpiexec(), "--version").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            String first = s.lines().findFirst().orElse("MPI");
            return first.contains("(OpenRTE)") ? "Open MPI " + first.substring(first.indexOf(')') + 1).trim() : first.trim();
        } catch (IOException | InterruptedException e) {
            return "MPI";
        }
    }

    /** Runs one job and returns its RESULT lines; a failed job stops the run with its output. */
    static List<Row> collect(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("benchmark job failed: " + String.join(" ", pb.command()) + "\n" + text);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5 && (f[0].equals("RESULT") || f[0].equals("ALLOC"))) {
                String who = f[0].equals("ALLOC") ? ALLOC + f[1] : f[1];
                rows.add(new Row(who, f[2], Integer.parseInt(f[3]), Double.parseDouble(f[4])));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no RESULT from " + String.join(" ", pb.command()) + "\n" + text);
        }
        return rows;
    }

    /** From this message size on, the reference is C on huge pages (mpi4j gives such messages huge pages). */
    static final long HUGE_REFERENCE_BYTES = 1L << 20;

    /**
     * The C time a row's ratio is taken against: C on huge pages from {@link #HUGE_REFERENCE_BYTES} per message (where
     * the Java kinds run on huge pages, so both sides of the ratio see the same kind of memory and the ratio does not
     * swing with the machine's state), plain C below; null when the case has no C.
     */
    static Double reference(List<Row> rows, String op, int size) {
        return reference(rows, "", op, size);
    }

    /**
     * As {@link #reference(List, String, int)} for {@code who}: mpi4py's ratio is taken against the C kernels that ran in
     * turns with it in its own processes (rows py-c, py-chuge), when the case has them.
     */
    static Double reference(List<Row> rows, String who, String op, int size) {
        String prefix = who.equals("mpi4py") && find(rows, PY_C + "c", op, size) != null ? PY_C : "";
        Double huge = messageBytes(op, size) >= HUGE_REFERENCE_BYTES ? find(rows, prefix + "chuge", op, size) : null;
        return huge != null ? huge : find(rows, prefix + "c", op, size);
    }

    /** Prefix of the rows of the C kernels run in the mpi4py processes. */
    static final String PY_C = "py-";

    static Double find(List<Row> rows, String who, String op, int size) {
        for (Row r : rows) {
            if (r.who().equals(who) && r.op().equals(op) && r.size() == size) {
                return r.seconds();
            }
        }
        return null;
    }

    static String human(int size, String op) {
        if (op.equals("allreduce")) {
            return size >= 1 << 20 ? (size >> 20) + " Mi doubles" : size >= 1024 ? (size >> 10) + " Ki doubles" : size + " double";
        }
        if (op.equals("object") || op.equals("serialize")) {
            return size == 0 ? "small map" : size + " Doubles";
        }
        if (op.equals("startup")) {
            return size + " ranks";
        }
        return size >= 1 << 20 ? (size >> 20) + " MiB" : size >= 1024 ? (size >> 10) + " KiB" : size + " B";
    }

    /** Time per operation in µs; pingpong rows are one-way latency (half the round trip). */
    static double micros(Row r) {
        return r.seconds() * 1e6 / (r.op().equals("pingpong") ? 2 : 1);
    }

    static String table(List<Row> rows, boolean py) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<Row>> byCase = new LinkedHashMap<>();
        for (Row r : rows) {
            byCase.computeIfAbsent(r.op() + " " + r.size(), k -> new ArrayList<>()).add(r);
        }
        sb.append(String.format(Locale.ROOT, "%-10s %-14s %10s %11s %11s", "operation", "size", "C µs", "C huge µs", "C prog µs"));
        for (String k : COLUMNS) {
            sb.append(String.format(Locale.ROOT, " %10s %6s", k + " µs", "ratio"));
        }
        if (py) {
            sb.append(String.format(Locale.ROOT, " %10s %6s", "mpi4py µs", "ratio"));
        }
        boolean fc = rows.stream().anyMatch(r -> r.who().equals("java-filechannel"));
        if (fc) {
            sb.append(String.format(Locale.ROOT, " %10s %6s", "FileCh µs", "ratio"));
        }
        sb.append(String.format(Locale.ROOT, " %12s%n", "C MB/s"));
        for (List<Row> group : byCase.values()) {
            Row any = group.get(0);
            Row c = group.stream().filter(r -> r.who().equals("c")).findFirst().orElse(null);
            Row ch = group.stream().filter(r -> r.who().equals("chuge")).findFirst().orElse(null);
            Row cp = group.stream().filter(r -> r.who().equals(PROG + "c")).findFirst().orElse(null);
            sb.append(String.format(Locale.ROOT, "%-10s %-14s %10s %11s %11s", any.op(), human(any.size(), any.op()),
                    c == null ? "-" : String.format(Locale.ROOT, "%.3f", micros(c)),
                    ch == null ? "-" : String.format(Locale.ROOT, "%.3f", micros(ch)),
                    cp == null ? "-" : String.format(Locale.ROOT, "%.3f", micros(cp))));
            List<String> whos = new ArrayList<>();
            for (String k : COLUMNS) {
                whos.add("java-" + k);
            }
            if (py) {
                whos.add("mpi4py");
            }
            if (fc) {
                whos.add("java-filechannel");
            }
            for (String who : whos) {
                Row j = group.stream().filter(r -> r.who().equals(who) || (who.equals("java-direct")
                        && r.who().startsWith("java-") && (r.op().equals("object") || r.op().equals("serialize")))).findFirst().orElse(null);
                if (j == null) {
                    sb.append(String.format(Locale.ROOT, " %10s %6s", "-", ""));
                } else {
                    Double ref = reference(rows, who, any.op(), any.size());
                    String ratio = ref == null ? "" : String.format(Locale.ROOT, "%.2f", j.seconds() / ref);
                    sb.append(String.format(Locale.ROOT, " %10.3f %6s", micros(j), ratio));
                }
            }
            boolean bw = any.op().equals("pingpong") && any.size() > 0 || any.op().equals("bcast")
                    || any.op().startsWith("put") || any.op().equals("get") || any.op().startsWith("io");
            long moved = any.op().startsWith("io") ? 2L * any.size() : any.size();   // io: both ranks' blocks
            sb.append(String.format(Locale.ROOT, " %12s%n", c != null && bw ? String.format(Locale.ROOT, "%.0f", moved / (micros(c) * 1e-6) / 1e6) : ""));
        }
        sb.append("ratio = Java (or mpi4py) time / C time, against C huge for messages of 1 MiB and more (there mpi4j's"
                + " memory is on huge pages too; numpy's from 4 MiB), plain C below; C = the C kernels in the same processes as Java, in turns with"
                + " it (C prog: the separate C program, a cross-check; mpi4py runs in its own processes, in turns with the same"
                + " C kernels there, and its ratio is against those); pingpong is one-way"
                + " latency (round trip / 2); object/serialize rows: Java in the 'direct' column; startup: a hello world's whole job"
                + " under plain mpiexec (Java: the launcher's rank command, without the launcher's own JVM)\n");
        return sb.toString();
    }

    /** Bytes allocated per operation by each Java kind (JMH's GC profiler, median over rounds). */
    static String allocTable(List<Row> allocs) {
        StringBuilder sb = new StringBuilder("bytes allocated per operation (JMH gc.alloc.rate.norm):");
        String last = "";
        for (Row r : allocs) {
            String key = r.op() + " " + human(r.size(), r.op());
            if (!key.equals(last)) {
                sb.append("\n  ").append(String.format(Locale.ROOT, "%-26s", key));
                last = key;
            }
            sb.append(String.format(Locale.ROOT, " %s %.0f", r.who().substring(ALLOC.length() + "java-".length()), r.seconds()));
        }
        return sb.append('\n').toString();
    }

    static void writeCsv(List<Row> rows, File f) throws IOException {
        try (PrintWriter w = new PrintWriter(f, StandardCharsets.UTF_8)) {
            w.println("impl,op,size,seconds_per_op,ratio_vs_c,ratio_vs_reference");
            for (Row r : rows) {
                Double c = find(rows, "c", r.op(), r.size());
                Double ref = reference(rows, r.who(), r.op(), r.size());
                w.println(String.format(Locale.ROOT, "%s,%s,%d,%.6e,%s,%s", r.who(), r.op(), r.size(), r.seconds(),
                        c == null ? "" : String.format(Locale.ROOT, "%.4f", r.seconds() / c),
                        ref == null ? "" : String.format(Locale.ROOT, "%.4f", r.seconds() / ref)));
            }
        }
    }

    static void writeJson(List<Row> rows, File f, boolean quick, String mpi) throws IOException {
        try (PrintWriter w = new PrintWriter(f, StandardCharsets.UTF_8)) {
            w.println("{");
            w.println(String.format("  \"date\": \"%s\", \"mode\": \"%s\", \"jdk\": \"%s\", \"mpi\": \"%s\", \"ranks\": 2,", LocalDate.now(),
                    quick ? "quick" : "full", System.getProperty("java.version"), mpi.replace("\"", "'")));
            w.println("  \"results\": [");
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                Double c = find(rows, "c", r.op(), r.size());
                Double ref = reference(rows, r.who(), r.op(), r.size());
                w.println(String.format(Locale.ROOT, "    {\"impl\": \"%s\", \"op\": \"%s\", \"size\": %d, \"seconds_per_op\": %.6e%s%s}%s",
                        r.who(), r.op(), r.size(), r.seconds(), c == null ? "" : String.format(Locale.ROOT, ", \"ratio_vs_c\": %.4f", r.seconds() / c),
                        ref == null ? "" : String.format(Locale.ROOT, ", \"ratio_vs_reference\": %.4f", r.seconds() / ref),
                        i + 1 < rows.size() ? "," : ""));
            }
            w.println("  ]");
            w.println("}");
        }
    }

    /** Who is drawn, in this order, each in its own colour: C, C with huge pages, every Java kind, mpi4py. */
    static final String[] WHO = {"c", "chuge", "java-direct", "java-huge", "java-array", "java-arrow", "java-nd4j", "mpi4py"};
    static final java.awt.Color[] COLOUR = {new java.awt.Color(0, 0, 0), new java.awt.Color(140, 140, 140),
        new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14), new java.awt.Color(44, 160, 44),
        new java.awt.Color(214, 39, 40), new java.awt.Color(148, 103, 189), new java.awt.Color(140, 86, 75)};

    static String label(String who) {
        return who.equals("c") ? "C" : who.equals("chuge") ? "C, huge pages" : who;
    }

    /**
     * The plots, each with one y-axis quantity: latency.png (ping-pong one-way µs, 0 B - 64 KiB, log-log: the sub-µs
     * region where Java and C differ stays readable), bandwidth.png (MB/s, 1 KiB - 16 MiB), ratio.png (Java time /
     * C time per buffer kind over the ping-pong sizes, 1.0 = C), collectives.png (time / C time of every collective,
     * ring and one-sided case, per kind). Every series has its own fixed colour.
     */
    static void plot(List<Row> rows, File out, String mpi) throws IOException {
        XYChart lat = new XYChartBuilder().width(900).height(560).title("One-way latency (ping-pong, 2 ranks, " + mpi + ")")
                .xAxisTitle("message size (bytes, 0 shown at 1)").yAxisTitle("one-way latency (µs, log)").build();
        XYChart bw = new XYChartBuilder().width(900).height(560).title("Bandwidth (ping-pong, 2 ranks, " + mpi + ")")
                .xAxisTitle("message size (bytes)").yAxisTitle("bandwidth (MB/s, log)").build();
        XYChart ratio = new XYChartBuilder().width(900).height(560).title("Ping-pong time / C time (2 ranks, " + mpi + ")")
                .xAxisTitle("message size (bytes, 0 shown at 1)").yAxisTitle("time / C time (1 = C; C huge from 1 MiB)").build();
        for (XYChart ch : List.of(lat, bw, ratio)) {
            ch.getStyler().setXAxisLogarithmic(true);
            ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        }
        lat.getStyler().setYAxisLogarithmic(true);
        bw.getStyler().setYAxisLogarithmic(true);
        for (int w = 0; w < WHO.length; w++) {
            String who = WHO[w];
            List<Double> lx = new ArrayList<>();
            List<Double> ly = new ArrayList<>();
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            List<Double> rx = new ArrayList<>();
            List<Double> ry = new ArrayList<>();
            for (Row r : rows) {
                if (r.who().equals(who) && r.op().equals("pingpong")) {
                    double us = micros(r);
                    if (r.size() <= 65536) {
                        lx.add((double) Math.max(r.size(), 1));
                        ly.add(us);
                    }
                    if (r.size() >= 1024) {
                        bx.add((double) r.size());
                        by.add(r.size() / (us * 1e-6) / 1e6);
                    }
                    Double c = reference(rows, who, r.op(), r.size());
                    if (c != null && !who.equals("c")) {
                        rx.add((double) Math.max(r.size(), 1));
                        ry.add(r.seconds() / c);
                    }
                }
            }
            if (!lx.isEmpty()) {
                style(lat.addSeries(label(who), lx, ly), w);
            }
            if (!bx.isEmpty()) {
                style(bw.addSeries(label(who), bx, by), w);
            }
            if (!rx.isEmpty()) {
                style(ratio.addSeries(label(who), rx, ry), w);
            }
        }
        if (!ratio.getSeriesMap().isEmpty()) {
            var one = ratio.addSeries("C (1.0)", List.of(1.0, 16.0 * (1 << 20)), List.of(1.0, 1.0));
            one.setLineColor(COLOUR[0]);
            one.setMarker(SeriesMarkers.NONE);
            one.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        BitmapEncoder.saveBitmap(lat, new File(out, "latency.png").getPath(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(bw, new File(out, "bandwidth.png").getPath(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(ratio, new File(out, "ratio.png").getPath(), BitmapEncoder.BitmapFormat.PNG);
        plotCollectives(rows, out, mpi);
    }

    private static void style(org.knowm.xchart.XYSeries s, int who) {
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(COLOUR[who]);
        s.setMarkerColor(COLOUR[who]);
    }

    /** collectives.png: time / C time of every allreduce, bcast, ring and one-sided case, one bar per kind. */
    static void plotCollectives(List<Row> rows, File out, String mpi) throws IOException {
        List<String> cats = new ArrayList<>();
        for (Row r : rows) {
            boolean coll = r.op().equals("allreduce") || r.op().equals("bcast") || r.op().equals("ring")
                    || r.op().startsWith("put") || r.op().equals("get");
            String cat = r.op() + " " + human(r.size(), r.op());
            if (coll && r.who().equals("c") && !cats.contains(cat)) {
                cats.add(cat);
            }
        }
        if (cats.isEmpty()) {
            return;
        }
        org.knowm.xchart.CategoryChart ch = new org.knowm.xchart.CategoryChartBuilder().width(1200).height(600)
                .title("Collectives, ring and one-sided: time / C time (2 ranks, " + mpi + ")")
                .xAxisTitle("operation and size").yAxisTitle("time / C time (1 = C; C huge from 1 MiB)").build();
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        ch.getStyler().setXAxisLabelRotation(30);
        for (int w = 1; w < WHO.length; w++) {
            List<Double> ys = new ArrayList<>();
            boolean any = false;
            for (String cat : cats) {
                String op = cat.substring(0, cat.indexOf(' '));
                Double v = null;
                for (Row r : rows) {
                    if (r.who().equals(WHO[w]) && r.op().equals(op) && (op + " " + human(r.size(), op)).equals(cat)) {
                        Double c = reference(rows, WHO[w], op, r.size());
                        v = c == null ? null : r.seconds() / c;
                    }
                }
                any |= v != null;
                ys.add(v == null ? 0.0 : v);
            }
            if (any) {
                ch.addSeries(label(WHO[w]), cats, ys).setFillColor(COLOUR[w]);
            }
        }
        BitmapEncoder.saveBitmap(ch, new File(out, "collectives.png").getPath(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The 1-minute load average, or -1 where /proc/loadavg cannot be read. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(new File("/proc/loadavg").toPath()).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * A warning when the machine runs other work (load average above the core count): the ratios are then
     * meaningless, since C and Java do not see the same machine. Null when the load is fine.
     */
    static String loadWarning() {
        double load = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (load <= cores) {
            return null;
        }
        return String.format(Locale.ROOT, "WARNING: load average %.1f exceeds the %d cores: other work runs on this machine,"
                + " so C and Java do not see the same machine and the ratios may be meaningless; rerun when it is quiet", load, cores);
    }
}
