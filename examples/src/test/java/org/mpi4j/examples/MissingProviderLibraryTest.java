package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mpi4j.run.Mpirun;
import org.mpi4j.testing.MpiTestKit;

/**
 * Issue 18: with the Arrow provider jar on the class path but Arrow itself missing, MPI failed to initialise even for
 * HelloWorld. The provider is now skipped with one warning line and the program runs. Issue 19: the providers are
 * looked up only when a buffer other than an array or NIO buffer is first met, so HelloWorld (no message) and
 * array programs never scan the class path and print nothing; an ND4J program does, and goes on with ND4J.
 */
class MissingProviderLibraryTest {
    @Test
    void helloWorldRunsWithTheArrowProviderButNoArrow() throws Exception {
        String cp = Stream.of(MpiTestKit.classpath().split(File.pathSeparator))
                .filter(e -> !e.contains("/org/apache/arrow/"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(cp.contains("mpi4j-arrow") || cp.contains("buffers/arrow"), "the Arrow provider stays on the class path: " + cp);
        String out = run(cp, HelloWorld.class.getName());
        assertTrue(out.contains("Hello, World! I am process 1 of 2"), out);
        assertTrue(!out.contains("[mpi4j] buffer provider skipped"), "no buffer met, no provider looked up: " + out);
        String arrays = run(cp, MatVec.class.getName());
        assertTrue(!arrays.contains("[mpi4j] buffer provider skipped"), "arrays only, no provider looked up: " + arrays);
        String nd4j = run(cp, Nd4jMatVec.class.getName());
        assertTrue(nd4j.contains("[mpi4j] buffer provider skipped"), nd4j);
        assertEquals(2, nd4j.lines().filter(l -> l.contains("[mpi4j] buffer provider skipped")).count(), "one line per rank: " + nd4j);
    }

    private static String run(String cp, String main) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp", cp,
                "-Dmpi4j.mpiexec=" + Mpirun.mpiexec(), Mpirun.class.getName(), "-n", "2", "-cp", cp, main));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), main + " did not end");
        assertEquals(0, p.exitValue(), main + ": " + out);
        return out;
    }
}
