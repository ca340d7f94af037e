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
 * first (hardware-accelerated, no separate MAC), a large receive window.
 */
final class SshClients {

    /** AES-GCM needs no MAC pass, and the JDK uses AES-NI and CLMUL for it; then what OpenSSH prefers. */
    private static final List<BuiltinCiphers> PREFERRED = List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr, BuiltinCiphers.cc20p1305_openssh);
    private static final long WINDOW = 16L << 20;

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
