package org.mpi4j.dynamic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mpi4j.Intercomm;
import org.mpi4j.MPI;

/**
 * One of two separately launched jobs that meet through a port: {@code PortPeer server FILE} opens a port, writes its
 * name to FILE and accepts; {@code PortPeer client FILE} waits for FILE, connects, and the two exchange data.
 */
public final class PortPeer {
    private PortPeer() { }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("server")) {
            String port = MPI.openPort(null);
            Path tmp = Path.of(args[1] + ".tmp");
            Files.writeString(tmp, port, StandardCharsets.UTF_8);
            Files.move(tmp, file);
            Intercomm c = MPI.COMM_WORLD.accept(port, null, 0);
            long[] got = new long[3];
            c.recv(got, 0, 1);
            c.send(new long[] {got[0] + got[1] + got[2]}, 0, 2);
            Object o = c.recvObject(0, 3);
            c.disconnect();
            MPI.closePort(port);
            System.out.println("server: got " + got[0] + "," + got[1] + "," + got[2] + " and " + o);
        } else {
            for (int i = 0; i < 600 && !Files.exists(file); i++) {
                Thread.sleep(50);
            }
            Intercomm c = MPI.COMM_WORLD.connect(Files.readString(file, StandardCharsets.UTF_8).trim(), null, 0);
            c.send(new long[] {10, 20, 12}, 0, 1);
            long[] sum = new long[1];
            c.recv(sum, 0, 2);
            c.sendObject("hello from the other job", 0, 3);
            c.disconnect();
            System.out.println("client: sum " + sum[0]);
        }
    }
}
