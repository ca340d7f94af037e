package io.imgbuild.builder.virtualbox;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.step.Step;
import java.util.List;

/**
 * PLACEHOLDER: holds a checked virtualbox-iso or virtualbox-ovf configuration. Building (VirtualBox
 * web service, SSH) is not written yet; the one step says so.
 *
 * @param <T> the type's own options: {@link VirtualBoxIsoConfig} or {@link VirtualBoxOvfConfig}
 */
final class VirtualBoxBuilder<T> implements Builder {

    private final String type;
    private final VirtualBoxCommonConfig common;
    private final T own;
    private final IsoConfig iso;
    private final CommunicatorConfig communicator;

    /** @param iso the ISO options (virtualbox-iso), or null (virtualbox-ovf) */
    VirtualBoxBuilder(String type, VirtualBoxCommonConfig common, T own, IsoConfig iso, CommunicatorConfig communicator) {
        this.type = type;
        this.common = common;
        this.own = own;
        this.iso = iso;
        this.communicator = communicator;
    }

    VirtualBoxCommonConfig common() {
        return common;
    }

    T own() {
        return own;
    }

    IsoConfig iso() {
        return iso;
    }

    CommunicatorConfig communicator() {
        return communicator;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        return List.of(NotYetImplemented.builderStep(type));
    }
}
