package io.imgbuild.core.ssh;

import io.imgbuild.core.util.HomePaths;
import io.imgbuild.core.communicator.CommunicatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to reach one machine over SSH, resolved: the address the builder found, the
 * credentials, the timeouts. Made from the template's {@link CommunicatorConfig}; tests make it
 * directly.
 *
 * @param privateKey       a private key file (OpenSSH or PEM), or null
 * @param agentSocket      the ssh-agent socket to take keys from (ssh_agent_auth), or null
 * @param hostKeyFingerprint pin the server's host key ("SHA256:..." or "MD5:aa:bb:..."), or null to
 *                         accept any key and log its fingerprint (what Packer does)
 * @param bastion          a jump host to go through, or null
 * @param forwardedAgent   the ssh-agent socket the machine's commands may use (SSH_AUTH_SOCK unless
 *                         ssh_disable_agent_forwarding), or null
 */
public record SshSettings(String host, int port, String username, String password, Path privateKey,
                          Path agentSocket, Duration timeout, int handshakeAttempts, boolean pty, Duration keepAliveInterval,
                          Duration readWriteTimeout, TransferMethod transferMethod, String hostKeyFingerprint,
                          Duration pauseBeforeConnecting, List<String> ciphers, List<String> keyExchangeAlgorithms,
                          Bastion bastion, Path forwardedAgent) {

    public enum TransferMethod { SFTP, SCP }

    /**
     * A jump host: its address and credentials.
     *
     * @param agentSocket the ssh-agent socket to log in to the bastion with (ssh_bastion_agent_auth, or
     *                    ssh_agent_auth), or null
     */
    public record Bastion(String host, int port, String username, String password, Path privateKey,
                          Path agentSocket) {
    }

    public SshSettings {
        ciphers = ciphers == null ? List.of() : List.copyOf(ciphers);
        keyExchangeAlgorithms = keyExchangeAlgorithms == null ? List.of() : List.copyOf(keyExchangeAlgorithms);
    }

    /** Settings with Packer's defaults for the given address and login. */
    public static SshSettings of(String host, int port, String username, String password, Path privateKey) {
        return new SshSettings(host, port, username, password, privateKey, null, Duration.ofMinutes(5), 10, false,
                Duration.ofSeconds(5), Duration.ZERO, TransferMethod.SFTP, null, Duration.ZERO, List.of(), List.of(), null, null);
    }

    /**
     * From the template's options; {@code host} and {@code port} are where the builder says the
     * machine is (ssh_host / ssh_port for the null builder).
     */
    public static SshSettings from(CommunicatorConfig c, String host, int port, Path workingDir, String agentSocket) {
        Path socket = agentSocket != null && !agentSocket.isEmpty() ? Path.of(agentSocket) : null;
        Bastion bastion = null;
        if (c.sshBastionHost() != null && !c.sshBastionHost().isEmpty()) {
            String bastionKey = c.sshBastionPrivateKeyFile() != null ? c.sshBastionPrivateKeyFile() : c.sshPrivateKeyFile();
            bastion = new Bastion(c.sshBastionHost(), c.sshBastionPort(),
                    c.sshBastionUsername() != null ? c.sshBastionUsername() : c.sshUsername(), c.sshBastionPassword(),
                    path(bastionKey, workingDir), c.sshBastionAgentAuth() || c.sshAgentAuth() ? socket : null);
        }
        Path agent = c.sshAgentAuth() ? socket : null;
        return new SshSettings(host, port, c.sshUsername(), c.sshPassword(), path(c.sshPrivateKeyFile(), workingDir), agent,
                orZero(c.sshTimeout(), Duration.ofMinutes(5)), c.sshHandshakeAttempts() <= 0 ? 10 : c.sshHandshakeAttempts(),
                c.sshPty(), orZero(c.sshKeepAliveInterval(), Duration.ofSeconds(5)), orZero(c.sshReadWriteTimeout(),
                Duration.ZERO), "scp".equals(c.sshFileTransferMethod()) ? TransferMethod.SCP : TransferMethod.SFTP,
                c.sshHostKeyFingerprint(), orZero(c.pauseBeforeConnecting(), Duration.ZERO), c.sshCiphers(),
                c.sshKeyExchangeAlgorithms(), bastion, c.sshDisableAgentForwarding() ? null : socket);
    }

    public SshSettings withAddress(String newHost, int newPort) {
        return copy(b -> {
            b.host = newHost;
            b.port = newPort;
        });
    }

    public SshSettings withTimeout(Duration t) {
        return copy(b -> b.timeout = t);
    }

    public SshSettings withTransferMethod(TransferMethod m) {
        return copy(b -> b.transferMethod = m);
    }

    public SshSettings withHostKeyFingerprint(String fingerprint) {
        return copy(b -> b.hostKeyFingerprint = fingerprint);
    }

    public SshSettings withBastion(Bastion bastionHost) {
        return copy(b -> b.bastion = bastionHost);
    }

    public SshSettings withPrivateKey(Path key) {
        return copy(b -> b.privateKey = key);
    }

    public SshSettings withAgent(Path socket) {
        return copy(b -> b.agentSocket = socket);
    }

    public SshSettings withForwardedAgent(Path socket) {
        return copy(b -> b.forwardedAgent = socket);
    }

    public SshSettings withPty(boolean p) {
        return copy(b -> b.pty = p);
    }

    public SshSettings withKeepAliveInterval(Duration interval) {
        return copy(b -> b.keepAliveInterval = interval);
    }

    public SshSettings withReadWriteTimeout(Duration t) {
        return copy(b -> b.readWriteTimeout = t);
    }

    /** A copy with some values changed: one place that lists every component. */
    private SshSettings copy(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new SshSettings(b.host, b.port, username, password, b.privateKey, b.agentSocket, b.timeout,
                handshakeAttempts, b.pty, b.keepAliveInterval, b.readWriteTimeout, b.transferMethod, b.hostKeyFingerprint,
                pauseBeforeConnecting, ciphers, keyExchangeAlgorithms, b.bastion, b.forwardedAgent);
    }

    /** The components the with-methods change. */
    private static final class Builder {
        String host;
        int port;
        Path privateKey;
        Path agentSocket;
        Duration timeout;
        boolean pty;
        Duration keepAliveInterval;
        Duration readWriteTimeout;
        TransferMethod transferMethod;
        String hostKeyFingerprint;
        Bastion bastion;
        Path forwardedAgent;

        Builder(SshSettings s) {
            host = s.host;
            port = s.port;
            privateKey = s.privateKey;
            agentSocket = s.agentSocket;
            timeout = s.timeout;
            pty = s.pty;
            keepAliveInterval = s.keepAliveInterval;
            readWriteTimeout = s.readWriteTimeout;
            transferMethod = s.transferMethod;
            hostKeyFingerprint = s.hostKeyFingerprint;
            bastion = s.bastion;
            forwardedAgent = s.forwardedAgent;
        }
    }

    /** "user@host:port" for messages. */
    public String target() {
        return username + "@" + host + ":" + port;
    }

    private static Path path(String p, Path workingDir) {
        if (p == null || p.isEmpty()) {
            return null;
        }
        String expanded = HomePaths.expand(p);
        return workingDir.resolve(expanded).normalize();
    }

    private static Duration orZero(Duration d, Duration fallback) {
        return d == null ? fallback : d;
    }
}
