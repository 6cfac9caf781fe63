package org.mpi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.MpiTestKit;
import org.mpi4j.testing.MpiTestKit.Launch;
import org.mpi4j.testing.MpiTestKit.Result;

/**
 * Jobs across two hosts, for real (issue 17): two network namespaces, each with its own network stack and hostname,
 * joined by a veth pair (10.77.0.1 and 10.77.0.2, addresses that exist only inside them). Open MPI's mpiexec runs in
 * host "a" and starts its daemons through an rsh agent that enters the other namespace (no sshd needed; MPICH's hydra
 * starts its proxies through the same agent); ranks talk
 * over TCP between the hosts and over shared memory within one. Two ranks per host. Needs root; when the namespaces
 * cannot be made the test fails with the reason, it does not skip.
 */
class TwoHostTest {
    static Path dir;
    static Launch launch;

    static void sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("two-host setup failed (needs root and iproute2): " + String.join(" ", cmd) + "\n" + out);
        }
    }

    static void quietly(String... cmd) throws IOException, InterruptedException {
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Names of this run's namespaces ({@code NS + "a"}, {@code NS + "b"}) and veth ends ({@code VETH + "a"}...),
     * with this JVM's pid in them: two test runs on one machine (two CI jobs, a developer's run beside CI) make and
     * remove their own, never each other's. The addresses live inside the namespaces, so they need not differ.
     */
    static final long PID = ProcessHandle.current().pid();
    static final String NS = "mpi4j-" + PID + "-";
    static final String VETH = "m4j" + PID;

    @BeforeAll
    static void hosts() throws Exception {
        removeStaleHosts();
        sh("ip", "netns", "add", NS + "a");
        sh("ip", "netns", "add", NS + "b");
        sh("ip", "link", "add", VETH + "a", "type", "veth", "peer", "name", VETH + "b");
        sh("ip", "link", "set", VETH + "a", "netns", NS + "a");
        sh("ip", "link", "set", VETH + "b", "netns", NS + "b");
        sh("ip", "-n", NS + "a", "addr", "add", "10.77.0.1/24", "dev", VETH + "a");
        sh("ip", "-n", NS + "b", "addr", "add", "10.77.0.2/24", "dev", VETH + "b");
        for (String h : new String[] {"a", "b"}) {
            sh("ip", "-n", NS + h, "link", "set", "lo", "up");
            sh("ip", "-n", NS + h, "link", "set", VETH + h, "up");
        }
        dir = Files.createTempDirectory("mpi4j-hosts-");
        Path agent = dir.resolve("agent.sh");
        // Open MPI's rsh agent is called as "agent HOST COMMAND...": run COMMAND in HOST's namespace, named HOST
        Files.writeString(agent, "#!/bin/sh\nhost=\"$1\"; shift\n"
                + "exec ip netns exec \"" + NS + "$host\" unshare --uts sh -c 'hostname \"$0\"; exec sh -c \"$1\"' \"$host\" \"$*\"\n");
        agent.toFile().setExecutable(true);
        Path hosts = dir.resolve("hosts");
        if (org.mpi4j.testing.Family.ofLauncher() == org.mpi4j.testing.Family.MPICH) {
            // MPICH's hydra: the same agent as its rsh launcher (called "agent HOST COMMAND..." too), the control
            // connection on host a's veth address; UCX finds the TCP path between the hosts itself
            Files.writeString(hosts, "a:2\nb:2\n");
            launch = new Launch(List.of("ip", "netns", "exec", NS + "a"), List.of("-f", hosts.toString(),
                    "-launcher", "rsh", "-launcher-exec", agent.toString(), "-iface", VETH + "a"));
        } else {
            Files.writeString(hosts, "a slots=2\nb slots=2\n");
            launch = new Launch(List.of("ip", "netns", "exec", NS + "a"), List.of("--hostfile", hosts.toString(),
                    "--mca", "plm_rsh_agent", agent.toString(), "--mca", "btl", "tcp,vader,self",
                    "--mca", "btl_tcp_if_include", "10.77.0.0/24", "--mca", "oob_tcp_if_include", "10.77.0.0/24"));
        }
    }

    static void removeHosts() throws Exception {
        quietly("ip", "netns", "del", NS + "a");   // deleting a namespace deletes the veth end in it, and so the pair
        quietly("ip", "netns", "del", NS + "b");
    }

    /**
     * Removes the namespaces of earlier runs whose JVM is gone (a run killed before its clean-up, or one whose pid this
     * JVM now has); a live run's are left alone.
     */
    static void removeStaleHosts() throws Exception {
        removeHosts();
        File dir = new File("/var/run/netns");
        String[] names = dir.list();
        for (String name : names == null ? new String[0] : names) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("mpi4j-(\\d+)-[ab]").matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                quietly("ip", "netns", "del", name);
            }
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        removeHosts();
        if (dir != null) {
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void helloWorldRunsOnBothHosts() throws Exception {
        Result r = MpiTestKit.run(4, launch, List.of(), HelloWorld.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 4; rank++) {
            String host = rank < 2 ? "a" : "b";
            assertTrue(r.output().contains("Hello, World! I am process " + rank + " of 4 on " + host + "."), r.output());
        }
    }

    @Test
    void jacobiHaloAcrossHostsMatchesTheSerialSolve() throws Exception {
        Result r = MpiTestKit.run(4, launch, List.of(), JacobiHalo.class.getName());
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 4; rank++) {
            assertTrue(r.output().contains("rank " + rank + " of 4 at ("), r.output());
            assertTrue(r.output().contains("matches the serial solve OK"), r.output());
        }
    }

    @TestFactory
    Stream<DynamicNode> pointToPointAcrossHosts() {
        return MpiTestKit.ranksWithLaunch(org.mpi4j.p2p.PointToPointRanks.class, launch, List.of(), 4);
    }

    @TestFactory
    Stream<DynamicNode> collectivesAcrossHosts() {
        return MpiTestKit.ranksWithLaunch(org.mpi4j.coll.CollectiveRanks.class, launch, List.of(), 4);
    }

    @TestFactory
    Stream<DynamicNode> objectPathAcrossHosts() {
        return MpiTestKit.ranksWithLaunch(org.mpi4j.obj.ObjectRanks.class, launch, List.of(), 4);
    }
}
