package io.imgbuild.core.communicator;

import io.imgbuild.core.config.ComponentConfig;
import java.time.Duration;

/**
 * The communicator options every machine builder shares (the {@code communicator} schema fragment).
 * Defaults come from the schema.
 */
public record CommunicatorConfig(String communicator, Duration pauseBeforeConnecting, String sshHost, int sshPort,
                                 String sshUsername, String sshPassword, String sshPrivateKeyFile, boolean sshAgentAuth,
                                 Duration sshTimeout, int sshHandshakeAttempts, String sshBastionHost,
                                 String sshProxyHost) {

    public static CommunicatorConfig from(ComponentConfig config) {
        return config.bind(CommunicatorConfig.class);
    }

    public boolean none() {
        return "none".equals(communicator);
    }

    /**
     * Checks what the schema cannot: SSH needs a user; bastion and proxy exclude each other.
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
        if (sshBastionHost != null && !sshBastionHost.isEmpty() && sshProxyHost != null && !sshProxyHost.isEmpty()) {
            config.error("ssh_proxy_host", "ssh_bastion_host and ssh_proxy_host cannot be used together",
                    "use one way to reach the guest");
        }
    }
}
