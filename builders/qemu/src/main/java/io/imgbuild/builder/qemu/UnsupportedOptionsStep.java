package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.net.URI;
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
        if (remote(c.libvirtUri())) {
            out.add("a remote libvirt_uri (" + c.libvirtUri() + "): disks are made on this machine, and copying them"
                    + " to the libvirt host is not built in");
        }
        return out;
    }

    static boolean remote(String uri) {
        try {
            String host = URI.create(uri).getHost();
            return host != null && !host.isEmpty() && !host.equals("localhost") && !host.equals("127.0.0.1");
        } catch (IllegalArgumentException e) {
            return false; // libvirt reports a malformed URI itself
        }
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
