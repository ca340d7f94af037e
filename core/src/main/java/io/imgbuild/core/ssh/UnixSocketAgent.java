package io.imgbuild.core.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.agent.local.ChannelAgentForwardingFactory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The user's ssh-agent over its Unix socket (SSH_AUTH_SOCK), with the JDK's own Unix-domain sockets:
 * for logging in (ssh_agent_auth) and for the machine's commands (agent forwarding). MINA speaks the
 * agent protocol; this only carries its messages, one connection per request.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;

    UnixSocketAgent(Path socket) {
        super(null);
        this.socket = socket;
    }

    private volatile boolean open = true;

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        super.close();
    }

    @Override
    protected Buffer request(Buffer buffer) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer length = readFully(ch, 4);
            int n = length.getInt(0);
            if (n <= 0 || n > MAX_MESSAGE) {
                throw new IOException("ssh-agent sent a message of " + n + " bytes");
            }
            return new ByteArrayBuffer(readFully(ch, n).array());
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
        return b;
    }

    /**
     * MINA asks one factory for the agent both while logging in and, once logged in, for each agent
     * channel the machine opens; each use gets its own socket, or none.
     *
     * @param authSocket    the agent to log in with (ssh_agent_auth), or null
     * @param forwardSocket the agent the machine may use (agent forwarding), or null
     */
    record Factory(Path authSocket, Path forwardSocket) implements SshAgentFactory {
        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            // Without forwarding, a server that opens an agent channel anyway is refused.
            return forwardSocket == null ? List.of() : List.of(ChannelAgentForwardingFactory.OPENSSH);
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) {
            Path socket = session.isAuthenticated() ? forwardSocket : authSocket;
            return socket == null ? null : new UnixSocketAgent(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("imgbuild does not forward ssh-agent");
        }
    }
}
