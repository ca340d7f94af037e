package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a build at once, before anything is made, when the template uses a qemu option that this
 * version of imgbuild checks but cannot carry out yet: better than a build that ignores it.
 */
final class UnsupportedOptionsStep implements Step {

    private final QemuConfig config;

    UnsupportedOptionsStep(QemuConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "UnsupportedOptions";
    }

    /** The options set that cannot be carried out yet, each with why; empty when all is well. */
    static List<String> unsupported(QemuConfig c) {
        List<String> out = new ArrayList<>();
        if (c.netBridge() != null && !c.netBridge().isEmpty()) {
            out.add("net_bridge (" + c.netBridge() + "): only user-mode networking is built in, and QEMU under libvirt may"
                    + " not start qemu-bridge-helper");
        }
        if (c.libvirtUri().toLowerCase(java.util.Locale.ROOT).matches("[a-z0-9]+\\+libssh:.*")) {
            // Seen with libvirt 9.0: the connection opens, then the first call never returns.
            out.add("libvirt_uri over libvirt's libssh transport (" + c.libvirtUri() + "): it hangs inside a Java"
                    + " process; use qemu+ssh:// (OpenSSH's client) or qemu+libssh2:// instead");
        }
        if (LibvirtHost.kind(c.libvirtUri()) == LibvirtHost.Kind.REMOTE_OTHER) {
            out.add("a remote libvirt_uri over tcp or tls (" + c.libvirtUri() + "): the machine's SSH port and the HTTP"
                    + " server reach a remote host through SSH only; use qemu+ssh://[user@]host/system");
        }
        return out;
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        List<String> missing = unsupported(config);
        if (!missing.isEmpty()) {
            throw new StepFailure("this version of imgbuild's qemu builder cannot do " + String.join("; ", missing)
                    + " yet: remove " + (missing.size() == 1 ? "it" : "them") + " from the template");
        }
    }
}
