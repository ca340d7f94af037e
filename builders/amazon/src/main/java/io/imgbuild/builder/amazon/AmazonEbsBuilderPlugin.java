package io.imgbuild.builder.amazon;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.BuilderPlugin;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code amazon-ebs} builder: checks a Packer amazon-ebs config at prepare time (see the module
 * README, "Checks beyond the schema"), without calling AWS. Building itself is not written yet.
 */
public final class AmazonEbsBuilderPlugin implements BuilderPlugin {

    private final RegionLookup regions;

    public AmazonEbsBuilderPlugin() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** With another environment and home directory (where the region may be found), for tests. */
    AmazonEbsBuilderPlugin(Map<String, String> env, Path home) {
        this.regions = new RegionLookup(env, home);
    }

    @Override
    public String type() {
        return "amazon-ebs";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        CommunicatorConfig comm = config.bindChecked(CommunicatorConfig.class);
        if (comm != null) {
            comm.check(config, false);
        }
        AmazonEbsConfig c = config.bindChecked(AmazonEbsConfig.class);
        if (c != null) {
            new AmazonEbsChecks(config, c).all(regions);
        }
        return c == null || comm == null ? null : new AmazonEbsBuilder(c, comm);
    }

}
