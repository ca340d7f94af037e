package io.imgbuild.builder.virtualbox;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.plugin.BuilderPlugin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code virtualbox-ovf} builder: checks a Packer virtualbox-ovf config at prepare time (see the
 * module README). Building itself is not written yet.
 */
public final class VirtualBoxOvfBuilderPlugin implements BuilderPlugin {

    @Override
    public String type() {
        return "virtualbox-ovf";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        CommunicatorConfig comm = config.bindChecked(CommunicatorConfig.class);
        if (comm != null) {
            comm.check(config, false);
        }
        VirtualBoxOvfConfig own = config.bindChecked(VirtualBoxOvfConfig.class);
        if (own != null) {
            checkSource(config, own);
        }
        VirtualBoxCommonConfig common = config.bindChecked(VirtualBoxCommonConfig.class);
        VirtualBoxChecks.common(config, comm, common, null);
        if (comm == null || own == null || common == null) {
            return null; // some value had the wrong type: the schema check reported it
        }
        return new VirtualBoxBuilder<>(type(), common, own, null, comm);
    }

    /** source_path is a URL, or a local OVF/OVA that must exist; checksum is optional. */
    private static void checkSource(ComponentConfig config, VirtualBoxOvfConfig c) {
        String source = c.sourcePath();
        if (source == null || source.isEmpty()) {
            return; // required: the schema said so
        }
        Path local = IsoConfig.localPath(config, source);
        if (local != null && !Files.isRegularFile(local)) {
            config.error("source_path", "local file \"" + source + "\" " + (Files.isDirectory(local)
                    ? "is a directory, not an OVF or OVA file" : "does not exist") + " (looked at " + local + ")",
                    "give the path of the .ovf or .ova to import (relative to the directory imgbuild runs in), or a URL");
        }
        IsoConfig.checkChecksum(config, "checksum", c.checksum(), source, false);
    }
}
