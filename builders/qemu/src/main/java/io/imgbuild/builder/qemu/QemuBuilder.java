package io.imgbuild.builder.qemu;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.step.Step;
import java.util.List;

/**
 * PLACEHOLDER: holds the checked qemu configuration. Building (libvirt, VNC, SSH) is not written yet;
 * the one step says so.
 */
final class QemuBuilder implements Builder {

    private final QemuConfig config;
    private final IsoConfig iso;
    private final CommunicatorConfig communicator;

    QemuBuilder(QemuConfig config, IsoConfig iso, CommunicatorConfig communicator) {
        this.config = config;
        this.iso = iso;
        this.communicator = communicator;
    }

    QemuConfig config() {
        return config;
    }

    IsoConfig iso() {
        return iso;
    }

    CommunicatorConfig communicator() {
        return communicator;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        return List.of(NotYetImplemented.builderStep("qemu"));
    }
}
