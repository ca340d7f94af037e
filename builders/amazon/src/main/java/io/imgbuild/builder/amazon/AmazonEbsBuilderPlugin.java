package io.imgbuild.builder.amazon;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.BuilderPlugin;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code amazon-ebs} builder: checks a Packer amazon-ebs config at prepare time (see the module
 * README, "Checks beyond the schema"), without calling AWS, then builds the AMI on EC2.
 */
public final class AmazonEbsBuilderPlugin implements BuilderPlugin {

    private final RegionLookup regions;
    private final Map<String, String> environment;

    public AmazonEbsBuilderPlugin() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** With another environment and home directory (where the region may be found), for tests. */
    AmazonEbsBuilderPlugin(Map<String, String> env, Path home) {
        this.regions = new RegionLookup(env, home);
        this.environment = env;
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
            NotSupportedYet.warn(config, c);
        }
        if (c == null || comm == null) {
            return null;
        }
        String region = c.region() != null && !c.region().isBlank() ? c.region()
                : regions.find(c.profile()).map(RegionLookup.Found::region).orElse(null);
        return new AmazonEbsBuilder(c, comm, region, config.renderer(), environment);
    }

}
