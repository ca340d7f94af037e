package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the build's libvirt connection. Its cleanup, which runs last, closes it: the machine is
 * started with libvirt's auto-destroy flag, so even a build process killed outright leaves no guest
 * running once libvirt sees the connection drop.
 */
final class OpenLibvirtStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(OpenLibvirtStep.class);

    private final String uri;

    OpenLibvirtStep(String uri) {
        this.uri = uri;
    }

    @Override
    public String name() {
        return "OpenLibvirt";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        LibvirtErrors.silence();
        Connect c;
        try {
            c = new Connect(uri);
        } catch (LibvirtException e) {
            throw new StepFailure("cannot connect to libvirt at " + uri + ": " + LibvirtErrors.message(e)
                    + "; start the libvirt daemon (on Debian: apt-get install libvirt-daemon-driver-qemu, then libvirtd -d,"
                    + " or scripts/start-libvirtd from imgbuild's checkout) or set libvirt_uri");
        }
        ctx.state().put(QemuKeys.LIBVIRT, c);
        LOG.debug("connected to libvirt {} (library {}, hypervisor {})", uri, c.getLibVersion(), c.getVersion());
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(QemuKeys.LIBVIRT).ifPresent(c -> {
            try {
                c.close();
            } catch (LibvirtException e) {
                LOG.debug("closing the libvirt connection failed", e);
            }
        });
    }
}
