package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpi4j.run.Mpirun;

/**
 * Issue 18: mpi4j as a user gets it. A separate Maven project ({@code target/consumer}) that knows mpi4j only through
 * its published artifacts (the BOM imported once, then {@code mpi4j-core} without a version, both taken verbatim from
 * README's dependency snippet, so the snippet stays true) is built with Maven and
 * run on 2 ranks with a plain {@code mpiexec java ...}, no launcher: once from the class path and once from the module
 * path (a {@code module-info.java} that {@code requires org.mpi4j}). Each rank checks an allreduce result and prints
 * it; the test checks both ranks' lines.
 *
 * <p>The artifacts are "installed" the way {@code mvn install} does it, into a private local repository
 * ({@code target/consumer-m2}): each published module's pom and the jar this reactor build just packaged, copied to
 * {@code org/mpi4j/ARTIFACT/VERSION/}. Nothing in the user's {@code ~/.m2} is written. Third-party artifacts and Maven
 * plugins come from the build's own local repository, read as a file:// repository (Maven Central after it). So the
 * test needs the published modules packaged first ({@code mvn verify} or {@code package} on the whole project, which
 * {@code ./mpi4j test} runs); without their jars it fails and says so.
 */
class ConsumerProjectTest {
    private static final Path ROOT = Path.of(System.getProperty("mpi4j.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = ROOT.resolve("examples/target/consumer");
    private static final Path REPO = ROOT.resolve("examples/target/consumer-m2");
    private static final String VERSION = property("mpi4j.version");

    /** Built once for both runs. */
    @BeforeAll
    static void installAndBuild() throws Exception {
        install();
        writeProject();
        String mvn = property("mpi4j.mvn");
        assertTrue(new File(mvn).canExecute(), "Maven (mpi4j.mvn) is not executable: " + mvn);
        List<String> cmd = List.of(mvn, "-B", "-q", "-s", WORK.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + REPO, "-DskipTests", "package");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(WORK.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Result r = run(pb, 300);
        assertEquals(0, r.exit, "the consumer project did not build: " + String.join(" ", cmd) + "\n" + r.out);
    }

    @Test
    void classPath() throws Exception {
        Path app = WORK.resolve("classpath-app/target");
        Result r = mpiexec(List.of("java", "-cp", app.resolve("classpath-app-1.0.jar") + File.pathSeparator + app.resolve("lib") + "/*",
                "com.example.cp.Allreduce"));
        for (int rank = 0; rank < 2; rank++) {
            assertTrue(r.out.contains("consumer rank " + rank + " of 2: allreduce [3.0, 30.0] from the class path, mpi4j in "
                    + "the unnamed module"), "rank " + rank + " of the class-path run:\n" + r.out);
        }
    }

    @Test
    void modulePath() throws Exception {
        Path app = WORK.resolve("module-app/target");
        Result r = mpiexec(List.of("java", "-p", app.resolve("module-app-1.0.jar") + File.pathSeparator + app.resolve("lib"),
                "-m", "com.example.consumer/com.example.mod.Allreduce"));
        for (int rank = 0; rank < 2; rank++) {
            assertTrue(r.out.contains("consumer rank " + rank + " of 2: allreduce [3.0, 30.0] from module com.example.consumer,"
                    + " mpi4j in module org.mpi4j"), "rank " + rank + " of the module-path run:\n" + r.out);
        }
    }

    /**
     * README's troubleshooting: on the module path the JVM flags name modules, and under Open MPI the JVM starts
     * through {@code env} (Open MPI would take {@code org.bytedeco.javacpp}, which contains "cp", for a class path).
     * With them the run prints no JVM warning.
     */
    @Test
    void modulePathWithTheReadmeFlags() throws Exception {
        Path app = WORK.resolve("module-app/target");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "java"));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=org.bytedeco.javacpp,org.mpi4j.jni");
        }
        cmd.addAll(List.of("--add-opens=java.base/java.nio=org.mpi4j",
                "-p", app.resolve("module-app-1.0.jar") + File.pathSeparator + app.resolve("lib"),
                "-m", "com.example.consumer/com.example.mod.Allreduce"));
        Result r = mpiexec(cmd);
        for (int rank = 0; rank < 2; rank++) {
            assertTrue(r.out.contains("consumer rank " + rank + " of 2: allreduce [3.0, 30.0] from module com.example.consumer,"
                    + " mpi4j in module org.mpi4j"), "rank " + rank + " of the module-path run with flags:\n" + r.out);
        }
        assertTrue(!r.out.contains("WARNING"), "a JVM warning with README's flags:\n" + r.out);
    }

    /** {@code mpiexec -n 2 COMMAND} as a user types it (plus what Open MPI needs as root on 2 cores). */
    private static Result mpiexec(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.set(cmd.indexOf("java"), System.getProperty("java.home") + "/bin/java");   // the JDK under test, not PATH's
        ProcessBuilder pb = Mpirun.nativeProcessBuilder(2, cmd).directory(WORK.toFile()).redirectErrorStream(true);
        Result r = run(pb, 120);
        assertEquals(0, r.exit, String.join(" ", pb.command()) + "\n" + r.out);
        return r;
    }

    /** What {@code mvn install} of the published modules puts in a local repository: pom and jar per module. */
    private static void install() throws IOException {
        String link = property("mpi4j.mpi.link");
        install("mpi4j-parent", ROOT.resolve("pom.xml"), null);
        install("mpi4j-bom", ROOT.resolve("collectives/bom/pom.xml"), null);
        // the JNI jar is named for the MPI it links in target/ (see javacpp-presets/pom.xml)
        install("mpi4j-javacpp-presets", ROOT.resolve("javacpp-presets/pom.xml"),
                ROOT.resolve("javacpp-presets/target/mpi4j-javacpp-presets-" + VERSION + "-" + link + ".jar"));
        install("mpi4j-core", ROOT.resolve("collectives/pom.xml"), ROOT.resolve("collectives/target/mpi4j-core-" + VERSION + ".jar"));
        install("mpi4j-arrow", ROOT.resolve("buffers/arrow/pom.xml"), ROOT.resolve("buffers/arrow/target/mpi4j-arrow-" + VERSION + ".jar"));
        install("mpi4j-nd4j", ROOT.resolve("buffers/nd4j/pom.xml"), ROOT.resolve("buffers/nd4j/target/mpi4j-nd4j-" + VERSION + ".jar"));
        install("mpi4j-io", ROOT.resolve("io/pom.xml"), ROOT.resolve("io/target/mpi4j-io-" + VERSION + ".jar"));
    }

    private static void install(String artifact, Path pom, Path jar) throws IOException {
        Path dir = REPO.resolve("org/mpi4j/" + artifact + "/" + VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                fail(jar + " is missing: package the whole project first (mvn verify, which ./mpi4j test runs)");
            }
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeProject() throws IOException {
        String outer = Path.of(property("mpi4j.outerRepo")).toUri().toString();
        write("settings.xml", """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-repository</id>
                      <!-- what the mpi4j build already downloaded; never a snapshot (org.mpi4j comes from the private repo) -->
                      <repositories>
                        <repository><id>build</id><url>%1$s</url><snapshots><enabled>false</enabled></snapshots></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>build</id><url>%1$s</url><snapshots><enabled>false</enabled></snapshots></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>build-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(outer));
        StringBuilder plugins = new StringBuilder();
        for (String p : new String[] {"compiler", "resources", "jar", "surefire", "install", "clean", "dependency"}) {
            plugins.append("      <plugin><artifactId>maven-").append(p).append("-plugin</artifactId><version>")
                    .append(property("mpi4j.plugin." + p)).append("</version></plugin>\n");
        }
        write("pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>consumer</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>classpath-app</module>
                    <module>module-app</module>
                  </modules>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                %s
                  <build>
                    <pluginManagement><plugins>
                %s    </plugins></pluginManagement>
                  </build>
                </project>
                """.formatted(readme("<dependencyManagement>", "</dependencyManagement>"), plugins));
        for (String app : new String[] {"classpath-app", "module-app"}) {
            write(app + "/pom.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <parent><groupId>com.example</groupId><artifactId>consumer</artifactId><version>1.0</version></parent>
                      <artifactId>%s</artifactId>
                      <dependencies>
                      %s
                      </dependencies>
                      <build>
                        <plugins>
                          <plugin>
                            <artifactId>maven-dependency-plugin</artifactId>
                            <executions>
                              <execution>
                                <phase>package</phase>
                                <goals><goal>copy-dependencies</goal></goals>
                                <configuration>
                                  <outputDirectory>${project.build.directory}/lib</outputDirectory>
                                  <includeScope>runtime</includeScope>
                                </configuration>
                              </execution>
                            </executions>
                          </plugin>
                        </plugins>
                      </build>
                    </project>
                    """.formatted(app, readmeCoreDependency()));
        }
        write("classpath-app/src/main/java/com/example/cp/Allreduce.java", program("com.example.cp"));
        write("module-app/src/main/java/com/example/mod/Allreduce.java", program("com.example.mod"));
        write("module-app/src/main/java/module-info.java", """
                module com.example.consumer {
                    requires org.mpi4j;
                }
                """);
    }

    /**
     * The part of README's dependency snippet (the first xml block) from {@code start} to {@code end}, verbatim: the
     * consumer project is built from what README tells a user to write. Its BOM version must be this build's.
     */
    private static String readme(String start, String end) throws IOException {
        String xml = readmeXml();
        int i = xml.indexOf(start);
        int j = xml.indexOf(end, i);
        assertTrue(i >= 0 && j > i, "README's dependency snippet has no " + start + " ... " + end + ":\n" + xml);
        String part = xml.substring(i, j + end.length());
        assertTrue(part.contains("<version>" + VERSION + "</version>"), "README's BOM version is not " + VERSION + ":\n" + part);
        return part;
    }

    /** README's mpi4j-core dependency, verbatim. */
    private static String readmeCoreDependency() throws IOException {
        String xml = readmeXml();
        int core = xml.indexOf("<artifactId>mpi4j-core</artifactId>");
        assertTrue(core >= 0, "README's dependency snippet names no mpi4j-core:\n" + xml);
        int i = xml.lastIndexOf("<dependency>", core);
        int j = xml.indexOf("</dependency>", core);
        return xml.substring(i, j + "</dependency>".length());
    }

    private static String readmeXml() throws IOException {
        String md = Files.readString(ROOT.resolve("README.md"));
        int i = md.indexOf("```xml\n");
        assertTrue(i >= 0, "README.md has no xml block (the dependency snippet)");
        return md.substring(i + 7, md.indexOf("```", i + 7));
    }

    /** Each rank adds {rank + 1, 10 (rank + 1)}; every rank checks the sums and prints them with where it ran from. */
    private static String program(String pkg) {
        return """
                package %s;

                import java.util.Arrays;
                import org.mpi4j.Intracomm;
                import org.mpi4j.MPI;
                import org.mpi4j.Op;

                public final class Allreduce {
                    public static void main(String[] args) {
                        Intracomm comm = MPI.COMM_WORLD;
                        int rank = comm.getRank();
                        int size = comm.getSize();
                        double[] sum = new double[2];
                        comm.allreduce(new double[] {rank + 1, 10 * (rank + 1)}, sum, Op.SUM);
                        double expected = size * (size + 1) / 2.0;
                        if (sum[0] != expected || sum[1] != 10 * expected) {
                            throw new AssertionError("rank " + rank + ": allreduce gave " + Arrays.toString(sum));
                        }
                        Module app = Allreduce.class.getModule();
                        Module mpi = MPI.class.getModule();
                        System.out.println("consumer rank " + rank + " of " + size + ": allreduce " + Arrays.toString(sum)
                                + " from " + (app.isNamed() ? "module " + app.getName() : "the class path")
                                + ", mpi4j in " + (mpi.isNamed() ? "module " + mpi.getName() : "the unnamed module"));
                    }
                }
                """.formatted(pkg);
    }

    private static void write(String path, String text) throws IOException {
        Path p = WORK.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank() || v.startsWith("${")) {
            fail("system property " + name + " is not set: the examples pom passes it to the tests");
        }
        return v;
    }

    private record Result(int exit, String out) { }

    private static Result run(ProcessBuilder pb, int seconds) throws IOException, InterruptedException {
        Process p = pb.start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            reader.join(5000);
            fail("timed out after " + seconds + " s: " + String.join(" ", pb.command()));
        }
        reader.join();
        return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
    }
}
