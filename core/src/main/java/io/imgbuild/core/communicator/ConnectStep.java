package io.imgbuild.core.communicator;

import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.Map;

/**
 * Connects the build's communicator and puts it in the state for the provisioners; its cleanup
 * closes the connection. With {@code communicator: none} there is nothing to connect. The address
 * and login also become build data for the {@code build} template function (Host, Port, User, ...).
 */
public final class ConnectStep implements Step {

    private final CommunicatorConfig config;
    private final SshTarget target;

    public ConnectStep(CommunicatorConfig config, SshTarget target) {
        this.config = config;
        this.target = target;
    }

    @Override
    public String name() {
        return "Connect";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (config.none()) {
            ctx.ui().say("Using the none communicator: no connection to the machine");
            return;
        }
        SshTarget.Address address = target.resolve(ctx);
        String agent = System.getenv("SSH_AUTH_SOCK");
        boolean bastionAgent = config.sshBastionAgentAuth() && config.sshBastionHost() != null
                && !config.sshBastionHost().isEmpty();
        if ((config.sshAgentAuth() || bastionAgent) && (agent == null || agent.isEmpty())) {
            throw new StepFailure((config.sshAgentAuth() ? "ssh_agent_auth" : "ssh_bastion_agent_auth")
                    + " is set, but SSH_AUTH_SOCK is not: start ssh-agent (eval $(ssh-agent)) and add the key with ssh-add");
        }
        SshSettings settings = SshSettings.from(config, address.host(), address.port(), ctx.build().workingDir(), agent);
        TemporaryKey temporary = ctx.state().find(TemporaryKey.KEY).orElse(null);
        if (temporary != null && settings.privateKey() == null) {
            settings = settings.withPrivateKey(temporary.privateKeyFile());
        }
        SshCommunicator communicator = SshCommunicator.connect(settings, ctx.ui(), ctx.cancellation());
        ctx.state().put(CommunicatorKeys.COMMUNICATOR, communicator);
        BuildData.add(ctx.state(), Map.of("Host", address.host(), "Port", String.valueOf(address.port()),
                "User", config.sshUsername(), "Password", config.sshPassword() == null ? "" : config.sshPassword(),
                "ConnType", "ssh"));
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(CommunicatorKeys.COMMUNICATOR).ifPresent(Communicator::close);
    }
}
