package io.imgbuild.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.junit.jupiter.api.Test;

/**
 * The socket options of the shared clients, read back from the kernel on a real loopback connection
 * (the listener never answers: the options are set when the TCP connection is made, before SSH).
 */
class SshClientsTest {

    @Test
    void connectionsHaveNagleOff() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SshClient client = SshClients.forSettings(SshSettings.of("127.0.0.1", listener.getLocalPort(), "nobody",
                    null, null));
            try (ClientSession session = client.connect("nobody", "127.0.0.1", listener.getLocalPort())
                    .verify(Duration.ofSeconds(10)).getSession();
                 Socket accepted = listener.accept()) {
                assertTrue(accepted.isConnected());
                Nio2Session io = (Nio2Session) session.getIoSession();
                assertEquals(Boolean.TRUE, io.getSocket().getOption(StandardSocketOptions.TCP_NODELAY),
                        "TCP_NODELAY on the client's socket");
            }
        }
    }
}
