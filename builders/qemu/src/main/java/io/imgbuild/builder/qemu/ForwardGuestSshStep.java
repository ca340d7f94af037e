package io.imgbuild.builder.qemu;

import io.imgbuild.core.ssh.HostTunnels;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;

/**
 * On a remote libvirt host the guest's SSH port is forwarded to that host's loopback; this step
 * carries it here through the host's SSH session, so the communicator connects to 127.0.0.1.
 */
final class ForwardGuestSshStep implements Step {

    /** The port on this machine that reaches the guest's SSH port. */
    static final Key<Integer> LOCAL_PORT = new Key<>("qemu.sshTunnelPort");

    @Override
    public String name() {
        return "ForwardGuestSsh";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        HostTunnels tunnels = ctx.state().find(OpenHostStep.TUNNELS).orElse(null);
        Integer hostPort = ctx.state().find(QemuKeys.SSH_HOST_PORT).orElse(null);
        if (tunnels == null || hostPort == null) {
            return;
        }
        int local;
        try {
            local = tunnels.forwardLocal("127.0.0.1", hostPort);
        } catch (IOException e) {
            throw new StepFailure("cannot forward the machine's SSH port (127.0.0.1:" + hostPort + " on the libvirt host)"
                    + " through the SSH tunnel: " + e.getMessage());
        }
        ctx.state().put(LOCAL_PORT, local);
        ctx.ui().say("The machine's SSH port, 127.0.0.1:" + hostPort + " on the libvirt host, is 127.0.0.1:" + local + " here");
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(LOCAL_PORT); // the forward closes with the host's SSH session
    }
}
