package org.mpi4j.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.mpi4j.Comm;
import org.mpi4j.Intercomm;
import org.mpi4j.MPI;
import org.mpi4j.testing.RankTest;

/**
 * MPI_Comm_join over a socket the two processes connected themselves (on the loopback address): rank 0 listens, rank 1
 * connects, both hand the socket's file descriptor to {@link Comm#join}, and they talk over the new intercommunicator.
 * Reading a SocketChannel's descriptor needs sun.nio.ch opened to the test (a JVM flag of its job).
 */
public final class JoinRanks {
    private JoinRanks() { }

    static int fd(SocketChannel ch) throws Exception {
        java.lang.reflect.Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
        return (Integer) m.invoke(ch);
    }

    @RankTest
    public static void joinTwoProcessesThroughASocket() throws Exception {
        int rank = MPI.COMM_WORLD.getRank();
        if (rank > 1) {
            return;   // only ranks 0 and 1 take part; the others have nothing to join
        }
        SocketChannel ch;
        if (rank == 0) {
            try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                MPI.COMM_WORLD.send(new int[] {((InetSocketAddress) server.getLocalAddress()).getPort()}, 1, 5);
                ch = server.accept();
            }
        } else {
            int[] port = new int[1];
            MPI.COMM_WORLD.recv(port, 0, 5);
            ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port[0]));
        }
        try (SocketChannel c = ch) {
            if (SpawnRanks.unsupported()) {
                org.mpi4j.MPIException x = org.junit.jupiter.api.Assertions.assertThrows(org.mpi4j.MPIException.class, () -> Comm.join(fd(c)));
                assertEquals(org.mpi4j.ErrorClasses.ERR_UNSUPPORTED_OPERATION, x.getErrorClass(), x.getMessage());
                org.junit.jupiter.api.Assertions.assertTrue(x.getMessage().startsWith("join: this MPICH"), x.getMessage());
                return;
            }
            Intercomm link = Comm.join(fd(c));
            assertEquals(1, link.getRemoteSize());
            int[] got = new int[1];
            link.sendrecv(new int[] {100 + rank}, 0, 6, got, 0, 6);
            assertEquals(100 + (1 - rank), got[0]);
            link.disconnect();
        }
    }
}
