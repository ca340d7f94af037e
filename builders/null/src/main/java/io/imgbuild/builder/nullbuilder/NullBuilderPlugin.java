package io.imgbuild.builder.nullbuilder;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.BuilderPlugin;

/** The {@code null} builder: provisioners on an existing host (ssh_host) or on nothing (communicator none). */
public final class NullBuilderPlugin implements BuilderPlugin {

    @Override
    public String type() {
        return "null";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        CommunicatorConfig communicator = CommunicatorConfig.from(config);
        communicator.check(config, true);
        return new NullBuilder(communicator);
    }
}
