package org.mpi4j.run;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Java main class on N MPI ranks:
 * {@code Mpirun -n N [-cp CLASSPATH] [-J JVMFLAG]... [MPIEXEC OPTIONS...] (MAINCLASS | -jar APP.jar) [ARGS...]}.
 * Finds mpiexec (property {@code mpi4j.mpiexec}, env {@code MPI4J_MPIEXEC}, else mpiexec.openmpi or mpiexec on
 * PATH), allows running as root and oversubscription, and starts every rank under {@link RankMain} so an uncaught
 * exception on any rank aborts the whole job. Options it does not know are mpiexec's and are passed through
 * ({@code --hostfile F}, {@code --host a,b}, {@code --map-by X}, {@code -x VAR}, {@code --mca K V}...; see
 * {@link #MPIEXEC_OPTIONS} for which take values). Ranks start in the caller's working directory, so relative paths
 * resolve as the caller means them. Ranks get transparent huge pages for their heap ({@code -XX:+UseTransparentHugePages}:
 * large Java arrays and the object path's frames); {@code --no-huge-pages} leaves them off, and also mpi4j's own huge
 * pages for large off-heap messages ({@code -Dmpi4j.hugePages=false}).
 */
public final class Mpirun {
    private Mpirun() { }

    static final String USAGE = "usage: mpi4j run -n N [-cp CLASSPATH] [-J JVMFLAG]... [--no-huge-pages] [MPIEXEC OPTIONS...]"
            + " (MAINCLASS | -jar APP.jar) [ARGS...]";

    /**
     * mpiexec options (Open MPI and MPICH spellings) and how many values follow each; any other option starting with
     * '-' before the main class is passed to mpiexec alone. Use {@code --opt=value} for an option not listed here that
     * takes a value.
     */
    public static final Map<String, Integer> MPIEXEC_OPTIONS = Map.ofEntries(
            Map.entry("--hostfile", 1), Map.entry("-hostfile", 1), Map.entry("--machinefile", 1), Map.entry("-machinefile", 1),
            Map.entry("-f", 1), Map.entry("--host", 1), Map.entry("-host", 1), Map.entry("-H", 1), Map.entry("--hosts", 1),
            Map.entry("-hosts", 1), Map.entry("--map-by", 1), Map.entry("--bind-to", 1), Map.entry("--rank-by", 1),
            Map.entry("-bind-to", 1), Map.entry("-map-by", 1), Map.entry("-x", 1), Map.entry("--mca", 2), Map.entry("-mca", 2),
            Map.entry("--gmca", 2), Map.entry("-genv", 2), Map.entry("-env", 2), Map.entry("-genvlist", 1), Map.entry("-ppn", 1),
            Map.entry("--npernode", 1), Map.entry("-npernode", 1), Map.entry("--output-filename", 1), Map.entry("--wdir", 1),
            Map.entry("-wdir", 1), Map.entry("--prefix", 1), Map.entry("--launch-agent", 1), Map.entry("-launcher", 1),
            Map.entry("-iface", 1), Map.entry("--cpus-per-proc", 1), Map.entry("--timeout", 1), Map.entry("--ompi-server", 1),
            Map.entry("-ompi-server", 1), Map.entry("--report-uri", 1), Map.entry("--tmpdir", 1), Map.entry("--app", 1));

    /** A usage error: one clear line, exit code 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    record Command(int n, String classpath, List<String> jvm, List<String> mpiexecOptions, String mainClass, String jar,
                   List<String> args, boolean hugePages) {
        Command(int n, String classpath, List<String> jvm, List<String> mpiexecOptions, String mainClass, String jar,
                List<String> args) {
            this(n, classpath, jvm, mpiexecOptions, mainClass, jar, args, true);
        }
    }

    /**
     * Command-line entry point; exits with mpiexec's exit code (2 and one line for a usage error, 0 for --help).
     *
     * @param args the arguments
     * @throws Exception whatever the program throws
     */
    public static void main(String[] args) throws Exception {
        Command c;
        try {
            c = parse(args);
        } catch (UsageError e) {
            System.err.println("[mpi4j] " + e.getMessage());
            System.exit(2);
            return;
        }
        if (c == null) {
            System.out.println(USAGE);
            System.out.println("  -n N            number of ranks (required)");
            System.out.println("  -cp CLASSPATH   the ranks' classpath (default: this launcher's)");
            System.out.println("  -J JVMFLAG      a flag for every rank's JVM, e.g. -J -Xmx2g (repeatable)");
            System.out.println("  --no-huge-pages leave transparent huge pages off (by default the ranks get them for the heap and"
                    + " for large off-heap messages)");
            System.out.println("  other options   passed to mpiexec, e.g. --hostfile F, --host a,b, --map-by core, -x VAR, --mca K V");
            System.exit(0);
            return;
        }
        String missing = missingMainClass(c);
        if (missing != null) {
            System.err.println("[mpi4j] " + missing);
            System.exit(2);
            return;
        }
        ProcessBuilder pb = processBuilder(c).inheritIO();
        System.exit(pb.start().waitFor());
    }

    /** Parses the launcher's arguments; null for --help. Throws {@link UsageError}. */
    static Command parse(String[] args) {
        int n = -1;
        String cp = System.getProperty("java.class.path");
        String jar = null;
        List<String> jvm = new ArrayList<>();
        List<String> mpi = new ArrayList<>();
        boolean huge = true;
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            switch (a) {
                case "-h":
                case "--help":
                    return null;
                case "-n":
                case "-np":
                    n = positive(a, value(args, i++));
                    break;
                case "-cp":
                case "-classpath":
                case "--classpath":
                    cp = value(args, i++);
                    break;
                case "-J":
                    jvm.add(value(args, i++));
                    break;
                case "-jar":
                    jar = value(args, i++);
                    break;
                case "--no-huge-pages":
                    huge = false;
                    break;
                default:
                    mpi.add(a);
                    int values = MPIEXEC_OPTIONS.getOrDefault(a, 0);
                    for (int k = 0; k < values; k++) {
                        mpi.add(value(args, i++));
                    }
            }
            i++;
            if (jar != null) {
                break;
            }
        }
        if (n < 0) {
            throw new UsageError("-n N (the number of ranks) is required; " + USAGE);
        }
        String main = null;
        if (jar == null) {
            if (i >= args.length) {
                throw new UsageError("no main class given; " + USAGE);
            }
            main = args[i++];
        }
        return new Command(n, cp, jvm, mpi, main, jar, List.of(args).subList(i, args.length), huge);
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new UsageError(args[i] + " needs a value; " + USAGE);
        }
        return args[i + 1];
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(option + " wants a number of ranks >= 1, not '" + v + "'");
    }

    /** A one-line message when the main class (or jar) cannot be found from the caller's directory, else null. */
    static String missingMainClass(Command c) {
        if (c.jar() != null) {
            return new File(c.jar()).isFile() ? null : "jar file " + c.jar() + " not found (from " + cwd() + ")";
        }
        List<java.net.URL> urls = new ArrayList<>();
        for (String e : c.classpath().split(File.pathSeparator)) {
            if (e.isEmpty()) {
                continue;
            }
            try {
                if (e.endsWith("*")) {
                    File[] jars = wildcardJars(e);
                    for (File j : jars == null ? new File[0] : jars) {
                        urls.add(j.toURI().toURL());
                    }
                } else {
                    urls.add(new File(e).toURI().toURL());
                }
            } catch (java.net.MalformedURLException ex) {
                return "bad classpath entry " + e;
            }
        }
        try (java.net.URLClassLoader l = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]), null)) {
            l.loadClass(c.mainClass());
            return null;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            String cp = c.classpath().length() > 300 ? c.classpath().substring(0, 300) + "..." : c.classpath();
            return "main class " + c.mainClass() + " not found on the classpath " + cp + " (from " + cwd() + ")";
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The jars a class path entry ending in {@code *} stands for, as the JVM expands it (files ending in .jar or .JAR,
     * here sorted by name); null when its directory cannot be listed.
     */
    static File[] wildcardJars(String entry) {
        File[] in = new File(entry.substring(0, entry.length() - 1))
                .listFiles((d, n) -> n.endsWith(".jar") || n.endsWith(".JAR"));
        if (in != null) {
            java.util.Arrays.sort(in);
        }
        return in;
    }

    private static String cwd() {
        return System.getProperty("user.dir");
    }

    /**
     * The mpiexec executable to use.
     *
     * @return the mpiexec executable to use
     */
    public static String mpiexec() {
        String p = System.getProperty("mpi4j.mpiexec");
        if (p == null || p.isBlank()) {
            p = System.getenv("MPI4J_MPIEXEC");
        }
        if (p != null && !p.isBlank()) {
            return p;
        }
        for (String name : new String[] {"mpiexec.openmpi", "mpiexec"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        throw new IllegalStateException("mpiexec not found on PATH: install Open MPI (apt-get install -y openmpi-bin"
                + " libopenmpi-dev) or set MPI4J_MPIEXEC");
    }

    /**
     * The JVM flags every rank gets besides the caller's (README's table): native access for JavaCPP's loader from JDK 22, the
     * java.nio opening Arrow's memory layer needs on JDK 17+ (harmless when Arrow is not on the classpath), and on
     * JDK 23+ permission for the sun.misc.Unsafe memory access Kryo and Arrow use (no warning at start-up).
     *
     * @return the JVM flags every rank gets besides the caller's (README's table): native access for JavaCPP's loader from JDK 22, the java.nio opening Arrow's memory layer needs on JDK 17+ (harmless when Arrow is not on the classpath), and on JDK 23+ permission for the sun.misc.Unsafe memory access Kryo and Arrow use (no warning at start-up)
     */
    public static List<String> defaultJvmFlags() {
        List<String> flags = new ArrayList<>();
        if (Runtime.version().feature() >= 22) {
            // not before: on JDK 17-21 it concerns only the incubating foreign API, and each module option on the
            // command line turns off the class-data archive's module graph (~10 ms of CPU at every rank's start)
            flags.add("--enable-native-access=ALL-UNNAMED");
        }
        flags.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            // Kryo and Arrow use sun.misc.Unsafe's memory access, which JDK 24+ warns about at every start
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    /**
     * A process builder for {@code mpiexec -n N java ... RankMain mainClass args}, environment included.
     *
     * @param n the number of ranks
     * @param classpath the class path of the ranks
     * @param jvmFlags JVM flags for every rank
     * @param mainClass the main class to run
     * @param args the arguments
     * @return the process builder, not started
     */
    public static ProcessBuilder processBuilder(int n, String classpath, List<String> jvmFlags, String mainClass, List<String> args) {
        return processBuilder(n, List.of(), classpath, jvmFlags, mainClass, args);
    }

    /**
     * As {@link #processBuilder(int, String, List, String, List)} with {@code mpiexecOptions} (e.g. {@code --hostfile F})
     * placed before the program.
     *
     * @param n the number of ranks
     * @param mpiexecOptions mpiexec options placed before the program
     * @param classpath the class path of the ranks
     * @param jvmFlags JVM flags for every rank
     * @param mainClass the main class to run
     * @param args the arguments
     * @return the process builder
     */
    public static ProcessBuilder processBuilder(int n, List<String> mpiexecOptions, String classpath, List<String> jvmFlags,
                                                String mainClass, List<String> args) {
        return processBuilder(new Command(n, classpath, jvmFlags, mpiexecOptions, mainClass, null, args));
    }

    /**
     * The rank command line. The JVM is started through {@code env}: Open MPI's mpiexec rewrites the arguments of an
     * app named {@code java} (any argument containing "cp" is taken for a classpath), which broke flags such as
     * {@code -Dapp.cpus=4}.
     */
    static ProcessBuilder processBuilder(Command c) {
        List<String> cmd = new ArrayList<>(c.mpiexecOptions());
        cmd.add("/usr/bin/env");
        cmd.add(javaExecutable());
        cmd.addAll(defaultJvmFlags());
        // before the caller's flags, so -J -XX:-UseTransparentHugePages wins
        cmd.add(c.hugePages() ? "-XX:+UseTransparentHugePages" : "-Dmpi4j.hugePages=false");
        if (c.hugePages()) {
            // ByteBuffer.allocateDirect page aligned (malloc's 16-byte offset makes the kernel's copies of a large
            // buffer 20-70% slower, e.g. MPI-IO of 512 MiB from /dev/shm; it costs one page more per direct buffer)
            cmd.add("-Dsun.nio.PageAlignDirectMemory=true");
        }
        cmd.addAll(ClassDataArchive.flags(c));
        cmd.addAll(c.jvm());
        cmd.add("-cp");
        cmd.add(c.jar() != null ? c.jar() + File.pathSeparator + c.classpath() : c.classpath());
        cmd.add(RankMain.class.getName());
        cmd.add(c.jar() != null ? "-jar" : c.mainClass());
        if (c.jar() != null) {
            cmd.add(c.jar());
        }
        cmd.addAll(c.args());
        return nativeProcessBuilder(c.n(), cmd);
    }

    /**
     * A process builder for {@code mpiexec -n N program args...} (e.g. the C benchmarks), environment included.
     *
     * @param n the number of ranks
     * @param programAndArgs the program and its arguments
     * @return the process builder, not started
     */
    public static ProcessBuilder nativeProcessBuilder(int n, List<String> programAndArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(mpiexec());
        cmd.add("-n");
        cmd.add(Integer.toString(n));
        cmd.addAll(programAndArgs);   // mpiexec options, if any, come first in programAndArgs
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        // Open MPI refuses root without these, and more ranks than cores without oversubscription.
        env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        env.put("OMPI_MCA_rmaps_base_oversubscribe", "1");
        return pb;
    }

    static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

}
