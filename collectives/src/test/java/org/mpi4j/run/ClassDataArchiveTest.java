package org.mpi4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTestKit;

/**
 * Issue 19 (start-up): the launcher maps a class-data archive of what ranks load early, made on the first launch of a
 * class path of jars, and leaves it out where the JVM could not use it (a folder on the class path, ranks on other
 * hosts); a stale archive never shows in the program's output.
 */
class ClassDataArchiveTest {
    record Out(int exit, String text) { }

    /** The test class path with every folder packed into a jar, so the archive can apply. */
    static String jarClasspath(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        int k = 0;
        for (String e : MpiTestKit.classpath().split(File.pathSeparator)) {
            File f = new File(e);
            if (f.isDirectory()) {
                Path jar = dir.resolve("dir" + (k++) + ".jar");
                try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> s = Files.walk(f.toPath())) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        if (Files.isRegularFile(p)) {
                            j.putNextEntry(new JarEntry(f.toPath().relativize(p).toString().replace(File.separatorChar, '/')));
                            Files.copy(p, (OutputStream) j);
                            j.closeEntry();
                        }
                    }
                }
                out.add(jar.toString());
            } else if (f.isFile()) {
                out.add(e);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    static Out launch(Path cache, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp", MpiTestKit.classpath(),
                "-Dmpi4j.mpiexec=" + Mpirun.mpiexec(), Mpirun.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("MPI4J_CDS");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "launcher did not end");
        return new Out(p.exitValue(), text);
    }

    static List<Path> archives(Path cache) throws IOException {
        Path d = cache.resolve("mpi4j/cds");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void jarsGetAnArchiveFoldersAndOtherHostsDoNot() throws Exception {
        Path dir = Files.createTempDirectory("mpi4j-cds-");
        Path cache = dir.resolve("cache");
        String jars = jarClasspath(dir);
        // a folder on the class path: no archive (the JVM refuses folders), and the job runs as before
        Out folders = launch(cache, "-n", "2", "-cp", MpiTestKit.classpath(), LauncherProbe.class.getName());
        assertEquals(0, folders.exit(), folders.text());
        assertTrue(folders.text().contains("probe rank=1 size=2"), folders.text());
        assertEquals(List.of(), archives(cache), "no archive for a class path with folders");
        // jars: the first launch makes the archive, and the ranks load mpi4j's early classes from it
        Out first = launch(cache, "-n", "2", "-cp", jars, "-J", "-Xlog:class+load=info", LauncherProbe.class.getName());
        assertEquals(0, first.exit(), first.text());
        assertEquals(1, archives(cache).size(), "one archive: " + archives(cache));
        assertEquals(2, first.text().lines().filter(l -> l.contains("org.mpi4j.run.RankMain source: shared objects file (top)")).count(),
                "both ranks map RankMain from the archive:\n" + first.text());
        assertTrue(first.text().contains("probe rank=0 size=2") && first.text().contains("probe rank=1 size=2"), first.text());
        // the same class path again: the same archive, not a second one
        Out again = launch(cache, "-n", "2", "-cp", jars, LauncherProbe.class.getName());
        assertEquals(0, again.exit(), again.text());
        assertEquals(1, archives(cache).size(), "still one archive: " + archives(cache));
        // an archive that no longer matches its jars (a jar rewritten in place, same path): dropped without a word
        Path archive = archives(cache).get(0);
        Files.write(archive, new byte[] {1, 2, 3, 4});
        Out stale = launch(cache, "-n", "2", "-cp", jars, LauncherProbe.class.getName());
        assertEquals(0, stale.exit(), stale.text());
        assertTrue(!stale.text().toLowerCase().contains("warning") && !stale.text().contains("cds"), stale.text());
        assertTrue(stale.text().contains("probe rank=1 size=2"), stale.text());
        // ranks placed by host options: the archive is a local file, so none is used
        Mpirun.Command hosts = Mpirun.parse(new String[] {"-n", "2", "--host", "localhost:2", "-cp", jars, "Main"});
        assertEquals(List.of(), ClassDataArchive.flags(hosts));
        Mpirun.Command local = Mpirun.parse(new String[] {"-n", "2", "-cp", jars, "Main"});
        assertTrue(ClassDataArchive.jars(local.classpath(), null) != null, "jars only");
        assertEquals(null, ClassDataArchive.jars(MpiTestKit.classpath(), null), "a folder: no archive");
    }

    /** Each rebuilt jar makes a new archive; the cache keeps the newest few and deletes the rest, nothing else. */
    @Test
    void theCacheKeepsOnlyTheNewestArchives() throws Exception {
        Path dir = Files.createTempDirectory("mpi4j-cds-prune");
        try {
            for (int i = 0; i < 11; i++) {
                Path a = dir.resolve("a" + i + ".jsa");
                Files.write(a, new byte[] {(byte) i});
                a.toFile().setLastModified(1_000_000_000_000L + i * 60_000L);
            }
            Path other = Files.write(dir.resolve("notes.txt"), new byte[] {9});
            ClassDataArchive.prune(dir, 8);
            for (int i = 0; i < 11; i++) {
                assertEquals(i >= 3, Files.exists(dir.resolve("a" + i + ".jsa")), "archive a" + i);
            }
            assertTrue(Files.exists(other), "a file that is not an archive stays");
        } finally {
            try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
