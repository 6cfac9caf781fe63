package org.mpi4j.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mpi4j.MPI;
import org.mpi4j.buffers.DirectMemory;

/**
 * A rank program for {@link LauncherTest}: a 16 MiB {@code ByteBuffer.allocateDirect} ring message between the ranks (twice),
 * then one line per rank: whether the JVM runs with -XX:+UseTransparentHugePages, whether direct buffers are page
 * aligned, and how many kB of the two buffers' mappings are huge pages (/proc/self/smaps).
 */
public final class HugePageProbe {
    private HugePageProbe() { }

    /**
     * Sends 16 MiB around the ring, checks every byte that arrived, prints the probe line.
     *
     * @param args none
     * @throws IOException when /proc/self/smaps cannot be read
     */
    public static void main(String[] args) throws IOException {
        var comm = MPI.COMM_WORLD;
        int rank = comm.getRank();
        int size = comm.getSize();
        int bytes = 16 << 20;
        ByteBuffer out = ByteBuffer.allocateDirect(bytes);
        ByteBuffer in = ByteBuffer.allocateDirect(bytes);
        for (int i = 0; i < bytes; i++) {
            out.put(i, (byte) (rank * 31 + i));
        }
        // twice: memory gets huge pages from its second message on (a buffer used once is left alone)
        comm.sendrecv(out, (rank + 1) % size, 1, in, (rank - 1 + size) % size, 1);
        comm.sendrecv(out, (rank + 1) % size, 1, in, (rank - 1 + size) % size, 1);
        int from = (rank - 1 + size) % size;
        for (int i = 0; i < bytes; i++) {
            if (in.get(i) != (byte) (from * 31 + i)) {
                throw new IllegalStateException("rank " + rank + ": byte " + i + " is " + in.get(i));
            }
        }
        for (int i = 0; i < bytes; i++) {
            if (out.get(i) != (byte) (rank * 31 + i)) {
                throw new IllegalStateException("rank " + rank + ": sent buffer's byte " + i + " changed to " + out.get(i));
            }
        }
        // a part of a larger buffer: its first and last huge pages reach past the part; every byte stays as it was
        ByteBuffer big = ByteBuffer.allocateDirect(bytes + (3 << 20));
        for (int i = 0; i < big.capacity(); i++) {
            big.put(i, (byte) (i * 13 + rank));
        }
        int off = (1 << 20) + 4099;
        org.mpi4j.buffers.BufferSpec part = org.mpi4j.buffers.BufferSpec.of(big, off, bytes / 2, org.mpi4j.Datatype.BYTE);
        comm.sendrecv(part, (rank + 1) % size, 2, in, (rank - 1 + size) % size, 2);
        comm.sendrecv(part, (rank + 1) % size, 2, in, (rank - 1 + size) % size, 2);
        for (int i = 0; i < big.capacity(); i++) {
            if (big.get(i) != (byte) (i * 13 + rank)) {
                throw new IllegalStateException("rank " + rank + ": byte " + i + " of the larger buffer changed");
            }
        }
        for (int i = 0; i < bytes / 2; i++) {
            if (in.get(i) != (byte) ((i + off) * 13 + from)) {
                throw new IllegalStateException("rank " + rank + ": part byte " + i + " is " + in.get(i));
            }
        }
        boolean heapThp = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+UseTransparentHugePages");
        comm.barrier();
        System.out.println("hugeprobe rank=" + rank + " heapThp=" + heapThp + " pageAligned=" + ((DirectMemory.address(in) & 4095) == 0)
                + " hugeKb=" + (anonHugeKb(DirectMemory.address(out), bytes) + anonHugeKb(DirectMemory.address(in), bytes)));
    }

    /**
     * AnonHugePages (kB) of the mappings of /proc/self/smaps that overlap {@code [address, address + bytes)} (advising
     * part of a mapping splits it, so a buffer may span several).
     */
    static long anonHugeKb(long address, long bytes) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        boolean inside = false;
        long sum = 0;
        for (String l : lines) {
            int dash = l.indexOf('-');
            int space = l.indexOf(' ');
            if (dash > 0 && space > dash && l.substring(0, dash).matches("[0-9a-f]+")) {
                long lo = Long.parseUnsignedLong(l.substring(0, dash), 16);
                long hi = Long.parseUnsignedLong(l.substring(dash + 1, space), 16);
                inside = Long.compareUnsigned(lo, address + bytes) < 0 && Long.compareUnsigned(hi, address) > 0;
            } else if (inside && l.startsWith("AnonHugePages:")) {
                sum += Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return sum;
    }
}
