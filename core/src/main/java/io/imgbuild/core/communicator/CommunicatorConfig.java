package io.imgbuild.core.communicator;

import io.imgbuild.core.config.ComponentConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The communicator options every machine builder shares (the {@code communicator} schema fragment).
 * Defaults come from the schema. {@link #check} reports what the schema cannot.
 */
public record CommunicatorConfig(String communicator, Duration pauseBeforeConnecting, String sshHost, int sshPort,
                                 String sshUsername, String sshPassword, String sshPrivateKeyFile,
                                 String sshCertificateFile, String sshKeypairName, boolean sshAgentAuth,
                                 Duration sshTimeout, int sshHandshakeAttempts, boolean sshPty,
                                 Duration sshKeepAliveInterval, Duration sshReadWriteTimeout,
                                 boolean sshDisableAgentForwarding, String sshBastionHost, int sshBastionPort,
                                 String sshBastionUsername, String sshBastionPassword, String sshBastionPrivateKeyFile,
                                 boolean sshBastionAgentAuth, boolean sshBastionInteractive,
                                 String sshBastionCertificateFile, String sshProxyHost, String sshFileTransferMethod,
                                 boolean sshClearAuthorizedKeys, List<String> sshCiphers,
                                 List<String> sshKeyExchangeAlgorithms, List<String> sshLocalTunnels,
                                 List<String> sshRemoteTunnels, String sshHostKeyFingerprint,
                                 String temporaryKeyPairName, String temporaryKeyPairType, Integer temporaryKeyPairBits,
                                 String sshTemporaryKeyPairType, Integer sshTemporaryKeyPairBits) {

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----");

    public CommunicatorConfig {
        sshCiphers = sshCiphers == null ? List.of() : List.copyOf(sshCiphers);
        sshKeyExchangeAlgorithms = sshKeyExchangeAlgorithms == null ? List.of() : List.copyOf(sshKeyExchangeAlgorithms);
        sshLocalTunnels = sshLocalTunnels == null ? List.of() : List.copyOf(sshLocalTunnels);
        sshRemoteTunnels = sshRemoteTunnels == null ? List.of() : List.copyOf(sshRemoteTunnels);
    }

    public static CommunicatorConfig from(ComponentConfig config) {
        return config.bindChecked(CommunicatorConfig.class);
    }

    public boolean none() {
        return "none".equals(communicator);
    }

    /** The key type for a temporary key pair: imgbuild's name wins over Packer's. */
    public String keyPairType() {
        String t = sshTemporaryKeyPairType != null ? sshTemporaryKeyPairType : temporaryKeyPairType;
        return t == null ? "rsa" : t;
    }

    /** Bits for an RSA temporary key pair (Packer's default 4096). */
    public int keyPairBits() {
        Integer b = sshTemporaryKeyPairBits != null ? sshTemporaryKeyPairBits : temporaryKeyPairBits;
        return b == null || b == 0 ? 4096 : b;
    }

    /**
     * Checks what the schema cannot: SSH needs a user; options imgbuild does not (yet) carry out
     * are refused before a build starts rather than ignored.
     *
     * @param hostRequired the builder does not discover the address itself (the null builder)
     */
    public void check(ComponentConfig config, boolean hostRequired) {
        if ("winrm".equals(communicator)) {
            config.error("communicator", "the winrm communicator is not supported by imgbuild",
                    "use communicator ssh (Windows guests can run OpenSSH)");
            return;
        }
        if (none()) {
            return;
        }
        if (sshUsername == null || sshUsername.isEmpty()) {
            config.error("ssh_username", "missing required key \"ssh_username\" (the communicator is ssh)",
                    "set ssh_username to the guest's login user, or set communicator to none");
        }
        if (hostRequired && (sshHost == null || sshHost.isEmpty())) {
            config.error("ssh_host", "missing required key \"ssh_host\": this builder does not start a machine, so it"
                    + " must be told where to connect", "set ssh_host, or set communicator to none");
        }
        if (notEmpty(sshProxyHost)) {
            config.error("ssh_proxy_host", "a SOCKS proxy (ssh_proxy_host) is not supported by imgbuild yet",
                    "reach the guest through a jump host with ssh_bastion_host instead");
        }
        unsupported(config, "ssh_certificate_file", notEmpty(sshCertificateFile));
        unsupported(config, "ssh_bastion_certificate_file", notEmpty(sshBastionCertificateFile));
        unsupported(config, "ssh_bastion_interactive", sshBastionInteractive);
        unsupported(config, "ssh_local_tunnels", !sshLocalTunnels.isEmpty());
        unsupported(config, "ssh_remote_tunnels", !sshRemoteTunnels.isEmpty());
        privateKey(config, "ssh_private_key_file", sshPrivateKeyFile);
        privateKey(config, "ssh_bastion_private_key_file", sshBastionPrivateKeyFile);
        if (notEmpty(sshBastionHost) && !notEmpty(sshBastionPassword) && !notEmpty(sshBastionPrivateKeyFile)
                && !sshBastionAgentAuth && !notEmpty(sshPrivateKeyFile) && !sshAgentAuth) {
            config.error("ssh_bastion_host", "no way to log in to the bastion host",
                    "set ssh_bastion_password, ssh_bastion_private_key_file or ssh_bastion_agent_auth");
        }
    }

    /** An option imgbuild does not carry out is refused when set, rather than ignored. */
    private static void unsupported(ComponentConfig config, String key, boolean set) {
        if (set) {
            config.error(key, key + " is not supported by imgbuild yet", "remove it");
        }
    }

    /** A key file given by mistake as the public half fails the build late: say so now. */
    private static void privateKey(ComponentConfig config, String key, String value) {
        if (!notEmpty(value) || value.contains("{{")) {
            return;
        }
        Path p = config.resolvePath(value);
        if (!Files.isRegularFile(p)) {
            return; // the schema's x-path check says so
        }
        try (InputStream in = Files.newInputStream(p)) {
            String head = new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
            if (!PRIVATE_KEY.matcher(head).find()) {
                config.error(key, "\"" + value + "\" is not a private key (no -----BEGIN ... PRIVATE KEY----- block)",
                        "give the private key file (e.g. ~/.ssh/id_ed25519), not the public key (.pub)");
            }
        } catch (IOException e) {
            config.error(key, "cannot read " + p + ": " + e.getMessage(), null);
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
