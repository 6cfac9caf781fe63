package org.mpi4j.run;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Java main class on N MPI ranks: {@code Mpirun -n N [-cp CLASSPATH] [-J jvmflag]... MAINCLASS [ARGS...]}.
 * Finds mpiexec (property {@code mpi4j.mpiexec}, env {@code MPI4J_MPIEXEC}, else mpiexec.openmpi or mpiexec on
 * PATH), allows running as root and oversubscription, and starts every rank under {@link RankMain} so an uncaught
 * exception on any rank aborts the whole job.
 */
public final class Mpirun {
    private Mpirun() { }

    /** Command-line entry point; exits with mpiexec's exit code. */
    public static void main(String[] args) throws Exception {
        int n = 1;
        String cp = System.getProperty("java.class.path");
        List<String> jvm = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            switch (args[i]) {
                case "-n":
                case "-np":
                    n = Integer.parseInt(args[++i]);
                    break;
                case "-cp":
                case "--classpath":
                    cp = args[++i];
                    break;
                case "-J":
                    jvm.add(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: -n N [-cp CLASSPATH] [-J JVMFLAG]... MAINCLASS [ARGS...]");
            }
            i++;
        }
        if (i >= args.length) {
            throw new IllegalArgumentException("usage: -n N [-cp CLASSPATH] [-J JVMFLAG]... MAINCLASS [ARGS...]");
        }
        List<String> rest = List.of(args).subList(i + 1, args.length);
        ProcessBuilder pb = processBuilder(n, cp, jvm, args[i], rest).inheritIO();
        System.exit(pb.start().waitFor());
    }

    /** The mpiexec executable to use. */
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
     * The JVM flags every rank gets besides the caller's: native access for JavaCPP's loader on newer JDKs, and the
     * java.nio opening Arrow's memory layer needs on JDK 17+ (harmless when Arrow is not on the classpath).
     */
    public static List<String> defaultJvmFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("--enable-native-access=ALL-UNNAMED");
        flags.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        return flags;
    }

    /** A process builder for {@code mpiexec -n N java ... RankMain mainClass args}, environment included. */
    public static ProcessBuilder processBuilder(int n, String classpath, List<String> jvmFlags, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(defaultJvmFlags());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(RankMain.class.getName());
        cmd.add(mainClass);
        cmd.addAll(args);
        return nativeProcessBuilder(n, cmd);
    }

    /** A process builder for {@code mpiexec -n N program args...} (e.g. the C benchmarks), environment included. */
    public static ProcessBuilder nativeProcessBuilder(int n, List<String> programAndArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(mpiexec());
        cmd.add("-n");
        cmd.add(Integer.toString(n));
        cmd.addAll(programAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        // Open MPI refuses root without these, and more ranks than cores without oversubscription.
        env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        env.put("OMPI_MCA_rmaps_base_oversubscribe", "1");
        return pb;
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

}
