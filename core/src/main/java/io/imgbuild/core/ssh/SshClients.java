package io.imgbuild.core.ssh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.BaseBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Started MINA SSH clients, one per distinct set of algorithm choices and keep-alive, shared by all
 * builds of the run (a client owns threads; sessions are cheap). Tuned for bulk transfer: AES-GCM
 * first (hardware-accelerated, no separate MAC), Nagle off, a receive window sized for OpenSSH's
 * server.
 */
final class SshClients {

    /** AES-GCM needs no MAC pass, and the JDK uses AES-NI and CLMUL for it; then what OpenSSH prefers. */
    private static final List<BuiltinCiphers> PREFERRED = List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr, BuiltinCiphers.cc20p1305_openssh);
    /**
     * What the server may send before we make room. It is also what an SFTP download keeps requested
     * ahead (MINA reads ahead window / request size). OpenSSH's sshd holds what it may send but cannot
     * yet in a buffer that it grows 32 KiB at a time, copying it whole each time: with 16 MiB, a client
     * slow for a moment (a JVM still compiling) made sshd spend seconds at 100 % CPU in that copying,
     * and a cold 1 GiB download ran at 110-190 MiB/s instead of 230-300. 2, 3 and 4 MiB measured alike
     * on loopback. The price is on long links: a channel carries at most one window per round trip,
     * ~50 MiB/s at 80 ms; OpenSSH's and Go's (Packer's) clients use 2 MiB, half that.
     */
    private static final long WINDOW = 4L << 20;

    private static final Map<String, SshClient> CLIENTS = new ConcurrentHashMap<>();

    private SshClients() {
    }

    static SshClient forSettings(SshSettings s) {
        String key = s.ciphers() + "|" + s.keyExchangeAlgorithms() + "|" + s.keepAliveInterval() + "|" + s.agentSocket()
                + "|" + s.forwardedAgent();
        return CLIENTS.computeIfAbsent(key, k -> start(s));
    }

    private static SshClient start(SshSettings s) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(HostKeyCheck.INSTANCE);
        client.setForwardingFilter(RequestedForwardsOnly.INSTANCE);
        if (s.agentSocket() != null || s.forwardedAgent() != null) {
            client.setAgentFactory(new UnixSocketAgent.Factory(s.agentSocket(), s.forwardedAgent()));
        }
        client.setCipherFactories(ciphers(s.ciphers()));
        if (!s.keyExchangeAlgorithms().isEmpty()) {
            List<KeyExchangeFactory> kex = new ArrayList<>();
            for (String name : s.keyExchangeAlgorithms()) {
                client.getKeyExchangeFactories().stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(kex::add);
            }
            if (!kex.isEmpty()) {
                client.setKeyExchangeFactories(kex);
            }
        }
        CoreModuleProperties.WINDOW_SIZE.set(client, WINDOW);
        // An SFTP download sends a small read request each time a reply is taken; with Nagle on it waits
        // for the last segment's ACK first, and a 2 MiB read-ahead downloaded at ~100 MiB/s instead of ~300.
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        // MINA closes a session after 10 minutes without incoming traffic by default; a command that prints
        // nothing for longer (with keep-alives off) must not lose its session. Only ssh_read_write_timeout
        // sets a limit, on the machine's session (SshCommunicator); this also covers the bastion hop.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        if (s.keepAliveInterval() != null && !s.keepAliveInterval().isNegative() && !s.keepAliveInterval().isZero()) {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, s.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, s.keepAliveInterval().plus(Duration.ofSeconds(10)));
        }
        client.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> client.stop(), "ssh-client-stop"));
        return client;
    }

    private static List<NamedFactory<Cipher>> ciphers(List<String> wanted) {
        List<NamedFactory<Cipher>> out = new ArrayList<>();
        if (!wanted.isEmpty()) {
            for (String name : wanted) {
                BuiltinCiphers c = BuiltinCiphers.fromFactoryName(name);
                if (c != null && c.isSupported()) {
                    out.add(c);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        for (BuiltinCiphers c : PREFERRED) {
            if (c.isSupported()) {
                out.add(c);
            }
        }
        for (BuiltinCiphers c : BaseBuilder.DEFAULT_CIPHERS_PREFERENCE) {
            if (c.isSupported() && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
