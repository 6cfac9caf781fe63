package org.mpi4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Family;
import org.mpi4j.testing.MpiTestKit;

/**
 * Issue 17's launcher defects, each as a new user hit it: a -J flag containing "cp" killed every rank, ranks ran in
 * the checkout instead of the caller's folder, usage errors were stack traces, mpiexec options were refused.
 */
class LauncherTest {
    record Out(int exit, String text) { }

    /** Runs the launcher in its own JVM from {@code dir}, as {@code ./mpi4j run} does. */
    static Out launch(File dir, String... args) throws Exception {
        String cp = MpiTestKit.classpath();
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp", cp,
                "-Dmpi4j.mpiexec=" + Mpirun.mpiexec(), Mpirun.class.getName()));
        for (String a : args) {
            cmd.add(a.equals("@CP") ? cp : a);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true);
        pb.environment().put("FOO", "from-the-caller");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not end");
        return new Out(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void jvmFlagsContainingCpReachTheRanks() throws Exception {
        Path dir = Files.createTempDirectory("mpi4j-launch-");
        try {
            // an mpiexec option with a value among the launcher's own: Open MPI's -x VAR, hydra's -genvlist VAR
            String export = Family.ofLauncher() == Family.OPEN_MPI ? "-x" : "-genvlist";
            Out o = launch(dir.toFile(), "-n", "2", "-cp", "@CP", "-J", "-Dapp.cpus=4", "-J", "-Xmx128m", export, "FOO",
                    LauncherProbe.class.getName(), "a", "b-cp");
            assertEquals(0, o.exit(), o.text());
            for (int r = 0; r < 2; r++) {
                assertTrue(o.text().contains("probe rank=" + r + " size=2 cpus=4 dir=" + dir.toRealPath() + " foo=from-the-caller args=a,b-cp"),
                        "rank " + r + " line missing:\n" + o.text());
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void mpiexecOptionsPassThroughWithTheirValues() throws Exception {
        if (Family.ofLauncher() == Family.OPEN_MPI) {
            Out o = launch(new File("."), "-n", "2", "--mca", "btl", "self,vader", "--map-by", "slot", "-cp", "@CP",
                    LauncherProbe.class.getName());
            assertEquals(0, o.exit(), o.text());
            assertTrue(o.text().contains("probe rank=1 size=2"), o.text());
        } else {
            // hydra's spellings: -genv takes two values (seen by the ranks), -ppn one
            Out o = launch(new File("."), "-n", "2", "-genv", "FOO", "from-genv", "-ppn", "2", "-cp", "@CP",
                    LauncherProbe.class.getName());
            assertEquals(0, o.exit(), o.text());
            assertTrue(o.text().contains("probe rank=1 size=2 cpus=null dir="), o.text());
            assertTrue(o.text().contains(" foo=from-genv args="), o.text());
        }
        Mpirun.Command c = Mpirun.parse(new String[] {"-n", "3", "--hostfile", "hosts", "--oversubscribe", "-x", "A", "Main", "--mca", "x"});
        assertEquals(List.of("--hostfile", "hosts", "--oversubscribe", "-x", "A"), c.mpiexecOptions());
        assertEquals("Main", c.mainClass());
        assertEquals(List.of("--mca", "x"), c.args(), "options after the main class are the program's");
        Mpirun.Command j = Mpirun.parse(new String[] {"-n", "2", "-jar", "app.jar", "x"});
        assertEquals("app.jar", j.jar());
        assertEquals(List.of("x"), j.args());
    }

    @Test
    void usageErrorsAreOneClearLine() throws Exception {
        assertNull(Mpirun.parse(new String[] {"--help"}));
        for (String[] bad : new String[][] {{"-n"}, {"-n", "abc", "Main"}, {"-n", "0", "Main"}, {"Main"}, {"-n", "2"}, {"-n", "2", "-J"}}) {
            Mpirun.UsageError e = assertThrows(Mpirun.UsageError.class, () -> Mpirun.parse(bad), String.join(" ", bad));
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        Out help = launch(new File("."), "--help");
        assertEquals(0, help.exit(), help.text());
        assertTrue(help.text().startsWith("usage: mpi4j run -n N"), help.text());
        Out noN = launch(new File("."), "-n", "abc", "Main");
        assertEquals(2, noN.exit(), noN.text());
        assertEquals("[mpi4j] -n wants a number of ranks >= 1, not 'abc'", noN.text().strip());
        Out typo = launch(new File("."), "-n", "2", "-cp", "@CP", "org.mpi4j.run.NoSuchMain");
        assertEquals(2, typo.exit(), typo.text());
        assertTrue(typo.text().strip().startsWith("[mpi4j] main class org.mpi4j.run.NoSuchMain not found on the classpath"), typo.text());
        assertEquals(1, typo.text().strip().lines().count(), typo.text());
    }

    /**
     * Issue 19: large off-heap messages get transparent huge pages (mpi4j collapses a message's memory on first use,
     * as numpy's arrays get them), so a plain {@code ByteBuffer.allocateDirect} message moves at huge-page speed, and
     * the launcher gives the heap huge pages too; {@code --no-huge-pages} turns both off.
     */
    @Test
    void largeMessagesGetHugePagesUnlessTurnedOff() throws Exception {
        assertTrue(Mpirun.parse(new String[] {"-n", "2", "Main"}).hugePages());
        assertTrue(!Mpirun.parse(new String[] {"-n", "2", "--no-huge-pages", "Main"}).hugePages());
        String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
        Out on = launch(new File("."), "-n", "2", "-cp", "@CP", HugePageProbe.class.getName());
        assertEquals(0, on.exit(), on.text());
        // direct buffers as a program without --add-opens java.base/java.nio sees them (their address read through JNI)
        Out jni = launch(new File("."), "-n", "2", "-J", "-Dmpi4j.directAddress=jni", "-cp", "@CP", HugePageProbe.class.getName());
        assertEquals(0, jni.exit(), jni.text());
        Out off = launch(new File("."), "-n", "2", "--no-huge-pages", "-cp", "@CP", HugePageProbe.class.getName());
        assertEquals(0, off.exit(), off.text());
        for (int r = 0; r < 2; r++) {
            for (Out o : List.of(on, jni)) {
                String lineOn = probeLine(o.text(), r);
                assertTrue(lineOn.contains(" heapThp=true "), lineOn);
                assertTrue(lineOn.contains(" pageAligned=true "), lineOn);
                long kb = Long.parseLong(lineOn.substring(lineOn.indexOf("hugeKb=") + 7));
                if (!mode.contains("[never]")) {
                    // two 16 MiB buffers: at least 14 MiB of each in 2 MiB pages (the unaligned ends stay small)
                    assertTrue(kb >= 28 * 1024, "rank " + r + ": only " + kb + " kB of huge pages, THP mode " + mode.strip() + ": " + lineOn);
                }
            }
            String lineOff = probeLine(off.text(), r);
            assertTrue(lineOff.contains(" heapThp=false "), lineOff);
            if (mode.contains("[madvise]")) {
                assertTrue(lineOff.endsWith(" hugeKb=0"), "rank " + r + " got huge pages it did not ask for: " + lineOff);
            }
        }
    }

    private static String probeLine(String text, int rank) {
        return text.lines().filter(l -> l.startsWith("hugeprobe rank=" + rank + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("rank " + rank + " printed no probe line:\n" + text)).strip();
    }
}
