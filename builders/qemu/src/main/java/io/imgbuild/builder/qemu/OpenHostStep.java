package io.imgbuild.builder.qemu;

import io.imgbuild.core.ssh.HostTunnels;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.time.Duration;
import org.libvirt.Connect;
import org.libvirt.StoragePool;

/**
 * Prepares the libvirt host to take the build's files and traffic. A local host shares this
 * machine's files. A remote one (qemu+ssh) gets an SSH session of its own, logged in as libvirt's
 * ssh transport is (the URI's user, port and keyfile, else the agent or the default keys), which
 * carries the guest's SSH port here and the HTTP server there, and a storage pool for the files.
 * Cleanup deletes the volumes and closes the session.
 */
final class OpenHostStep implements Step {

    static final Key<HostTunnels> TUNNELS = new Key<>("qemu.hostTunnels");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final String uri;
    private final String poolName;
    private final String vmName;

    OpenHostStep(String uri, String poolName, String vmName) {
        this.uri = uri;
        this.poolName = poolName;
        this.vmName = vmName;
    }

    @Override
    public String name() {
        return "OpenHost";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (LibvirtHost.kind(uri) != LibvirtHost.Kind.REMOTE_SSH) {
            ctx.state().put(HostFiles.KEY, HostFiles.LOCAL);
            return;
        }
        HostTunnels.HostLogin login;
        try {
            login = HostTunnels.loginFromLibvirtUri(uri, System.getProperty("user.name"), System.getenv("SSH_AUTH_SOCK"))
                    .orElseThrow(() -> new IllegalArgumentException("not an SSH transport"));
        } catch (IllegalArgumentException e) {
            throw new StepFailure("libvirt_uri " + uri + ": " + e.getMessage());
        }
        ctx.ui().say("Building on the remote libvirt host " + login.host() + ": the machine's files go to its storage pool "
                + poolName + "; SSH to the machine and its HTTP downloads go through an SSH tunnel as "
                + login.username() + "@" + login.host() + ":" + login.port());
        HostTunnels tunnels;
        try {
            tunnels = HostTunnels.open(login, CONNECT_TIMEOUT);
        } catch (IOException e) {
            throw new StepFailure("cannot open the SSH tunnel to the libvirt host: " + e.getMessage()
                    + "; imgbuild logs in as libvirt's ssh transport does (user, port and ?keyfile= from libvirt_uri,"
                    + " else ssh-agent, else ~/.ssh/id_ed25519, id_ecdsa or id_rsa)");
        }
        ctx.state().put(TUNNELS, tunnels);
        Connect c = ctx.state().get(QemuKeys.LIBVIRT);
        StoragePool pool = LibvirtVolumes.pool(c, poolName);
        String run = ctx.build().runUuid().substring(0, 8);
        ctx.state().put(HostFiles.KEY, new PoolHostFiles(c, pool, "imgbuild-" + run + "-" + vmName));
    }

    /**
     * The port the guest fetches the HTTP server's files from: the server's own on a local host; on a
     * remote one a port on that host's loopback (the guest's 10.0.2.2) forwarded back here.
     */
    static int guestHttpPort(StepContext ctx, int localPort) throws StepFailure {
        HostTunnels tunnels = ctx.state().find(TUNNELS).orElse(null);
        if (tunnels == null) {
            return localPort;
        }
        try {
            return tunnels.forwardRemote(localPort);
        } catch (IOException e) {
            throw new StepFailure("cannot forward the HTTP server to the libvirt host through the SSH tunnel: "
                    + e.getMessage() + "; the host's sshd must allow TCP forwarding (AllowTcpForwarding yes)");
        }
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(HostFiles.KEY).ifPresent(HostFiles::close);
        ctx.state().remove(TUNNELS).ifPresent(t -> {
            try {
                t.close();
            } catch (Exception e) {
                // the session goes with the process anyway
            }
        });
    }
}
