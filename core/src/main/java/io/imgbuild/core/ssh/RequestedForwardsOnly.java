package io.imgbuild.core.ssh;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * What a server may open towards this client: only connections on a remote forward the session itself
 * asked for ({@link HostTunnels#forwardRemote}); MINA then connects to the local address given with
 * that request, and an unrequested port has none. No agent or X11 forwarding. MINA's default rejects
 * everything, which would reset every connection to a remote forward.
 */
final class RequestedForwardsOnly implements ForwardingFilter {

    static final RequestedForwardsOnly INSTANCE = new RequestedForwardsOnly();

    private RequestedForwardsOnly() {
    }

    @Override
    public boolean canConnect(TcpForwardingFilter.Type type, SshdSocketAddress address, Session session) {
        return type == TcpForwardingFilter.Type.Forwarded && address != null;
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false; // a client never listens for the server
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }
}
