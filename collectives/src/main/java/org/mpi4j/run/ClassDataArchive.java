package org.mpi4j.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The launcher's class-data sharing archive (AppCDS): the classes a rank loads before the program's own code (mpi4j,
 * JavaCPP, Kryo, the JDK classes they use), parsed and verified once and mapped by every rank afterwards. It saves a
 * 4-rank job on 2 cores ~60 ms of its start-up. Made the first time a class path is launched, by one JVM that loads
 * those classes and writes the archive at exit ({@code -XX:ArchiveClassesAtExit}, about a second), into
 * {@code ~/.cache/mpi4j/cds/<key>.jsa}; the key covers the JDK, the class path and each entry's size and time, so a
 * rebuilt jar gets a new archive. Used only where it can be: every class-path entry a jar (the JVM refuses directories),
 * and all ranks on this host (no {@code --host}/{@code --hostfile}: the archive is a local file). {@code MPI4J_CDS=0} (or
 * {@code -Dmpi4j.cds=false} for the launcher) turns it off.
 */
final class ClassDataArchive {
    private ClassDataArchive() { }

    /** mpiexec options that place ranks on other hosts. */
    private static final List<String> HOST_OPTIONS = List.of("--host", "-host", "-H", "--hosts", "-hosts", "--hostfile",
            "-hostfile", "--machinefile", "-machinefile", "-f", "--app");

    /** Classes every rank loads before the program runs, loaded (not initialised) by the training JVM. */
    private static final String[] CLASSES = {
        "org.mpi4j.MPI", "org.mpi4j.Environment", "org.mpi4j.Comm", "org.mpi4j.Intracomm", "org.mpi4j.Intercomm",
        "org.mpi4j.Cartcomm", "org.mpi4j.Group", "org.mpi4j.Status", "org.mpi4j.Request", "org.mpi4j.Prequest",
        "org.mpi4j.Datatype", "org.mpi4j.Op", "org.mpi4j.Info", "org.mpi4j.Errhandler", "org.mpi4j.MPIException",
        "org.mpi4j.ErrorClasses", "org.mpi4j.NativeCalls", "org.mpi4j.Pickle", "org.mpi4j.ObjectPath",
        "org.mpi4j.ObjectOps", "org.mpi4j.Collectives", "org.mpi4j.Staging", "org.mpi4j.Win",
        "org.mpi4j.buffers.Buffers", "org.mpi4j.buffers.MessageBuffer", "org.mpi4j.buffers.NativeScratch",
        "org.mpi4j.buffers.BufferSpec", "org.mpi4j.buffers.ArrayBufferProvider", "org.mpi4j.buffers.NioBufferProvider",
        "org.mpi4j.run.UncaughtAbort", "org.mpi4j.Environment$1", "org.mpi4j.Environment$Ending", "org.mpi4j.ThreadLevel",
        "org.mpi4j.Bottom", "org.mpi4j.Comm$CopyFunction", "org.mpi4j.buffers.Buffers$1", "org.mpi4j.buffers.Buffers$3",
        "org.mpi4j.buffers.Buffers$Last", "org.mpi4j.buffers.PerThread", "org.mpi4j.buffers.PerThread$Owned",
    };

    /**
     * The JVM flags that map the archive for {@code c}'s ranks, making it first when missing; empty when it cannot be
     * used (or is off, or could not be made: the ranks then start as without it).
     */
    static List<String> flags(Mpirun.Command c) {
        if ("false".equals(System.getProperty("mpi4j.cds")) || "0".equals(System.getenv("MPI4J_CDS"))) {
            return List.of();
        }
        for (String o : c.mpiexecOptions()) {
            String name = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
            if (HOST_OPTIONS.contains(name)) {
                return List.of();
            }
        }
        List<File> jars = jars(c.classpath(), c.jar());
        if (jars == null || jars.isEmpty()) {
            return List.of();
        }
        try {
            Path archive = archive(jars);
            if (!Files.isRegularFile(archive) && !make(archive, c)) {
                return List.of();
            }
            // a stale or refused archive is dropped silently (-Xshare:auto), never a warning in the program's output
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The class path's entries as files, wildcards expanded; null when one is a directory or missing. */
    static List<File> jars(String classpath, String jar) {
        List<File> out = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        if (jar != null) {
            entries.add(jar);
        }
        entries.addAll(List.of(classpath.split(File.pathSeparator)));
        for (String e : entries) {
            if (e.isEmpty()) {
                continue;
            }
            if (e.endsWith("*")) {
                File[] in = Mpirun.wildcardJars(e);
                if (in == null) {
                    return null;
                }
                out.addAll(List.of(in));
            } else {
                File f = new File(e);
                if (!f.isFile()) {
                    return null;
                }
                out.add(f);
            }
        }
        return out;
    }

    /** {@code ~/.cache/mpi4j/cds/<key>.jsa}: the key covers the JDK, and each jar's path, size and time. */
    static Path archive(List<File> jars) {
        CRC32 crc = new CRC32();
        StringBuilder sb = new StringBuilder(System.getProperty("java.home")).append('|').append(Runtime.version());
        for (File j : jars) {
            sb.append('|').append(j.getAbsolutePath()).append(':').append(j.length()).append(':').append(j.lastModified());
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        crc.update(b);
        String key = Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(sb.toString().hashCode());
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mpi4j").resolve("cds").resolve(key + ".jsa");
    }

    /** Runs the training JVM, which writes the archive at exit; true when the archive is then in place. */
    static boolean make(Path archive, Mpirun.Command c) throws IOException {
        Files.createDirectories(archive.getParent());
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        List<String> cmd = new ArrayList<>();
        cmd.add(Mpirun.javaExecutable());
        cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.addAll(Mpirun.defaultJvmFlags());
        cmd.add("-cp");
        cmd.add(c.jar() != null ? c.jar() + File.pathSeparator + c.classpath() : c.classpath());
        cmd.add(Training.class.getName());
        if (c.mainClass() != null) {
            cmd.add(c.mainClass());
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
                return false;
            }
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(archive.getParent(), KEEP);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Archives kept in the cache folder: each rebuilt jar makes a new one (~2.5 MB), the oldest go. */
    static final int KEEP = 8;

    /** Deletes all but the {@code keep} most recently modified archives in {@code dir}; a failure leaves them. */
    static void prune(Path dir, int keep) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            List<Path> all = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList());
            all.sort((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()));
            for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // a cache: what cannot be removed now is removed another time
        }
    }

    /**
     * The training JVM: loads the JNI library as a rank does ({@link RankMain#loadNatives}, no MPI_Init), the classes
     * a rank loads early, and the program's main class (loaded, not initialised: none of its code runs).
     */
    public static final class Training {
        private Training() { }

        /**
         * Loads what a rank loads early, then the classes named.
         *
         * @param args main classes to load (not initialise)
         */
        public static void main(String[] args) {
            RankMain.loadNatives();
            ClassLoader l = Training.class.getClassLoader();
            for (String n : CLASSES) {
                try {
                    Class.forName(n, false, l);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not in this version: nothing to archive
                }
            }
            // what programs commonly reach right after MPI_Init: formatted output (java.util.Formatter and the
            // default locale's data, ~80 classes); the result is not used
            if (String.format("%d of %d on %s%n", 1, 2, "host").isEmpty()) {
                System.out.print("");
            }
            for (String n : args) {
                try {
                    Class.forName(n, false, l);
                } catch (ClassNotFoundException | LinkageError e) {
                    // reported by the job itself
                }
            }
        }
    }
}
