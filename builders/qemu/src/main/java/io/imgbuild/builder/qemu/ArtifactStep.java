package io.imgbuild.builder.qemu;

import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's result: the disk files in the output directory, with what the vagrant post-processor's
 * libvirt provider needs (Packer's state keys diskName, diskType, diskSize, domainType).
 */
final class ArtifactStep implements Step {

    static final String BUILDER_ID = "transcend.qemu";
    /** Packer's qemu artifact id: always "VM", whatever the vm_name, as {{.ArtifactId}} in templates. */
    static final String ARTIFACT_ID = "VM";

    private final QemuConfig config;
    private final DiskPlan plan;
    private final Path outputDir;

    ArtifactStep(QemuConfig config, DiskPlan plan, Path outputDir) {
        this.config = config;
        this.plan = plan;
        this.outputDir = outputDir;
    }

    @Override
    public String name() {
        return "Artifact";
    }

    @Override
    public void run(StepContext ctx) {
        List<Path> files = new ArrayList<>();
        files.add(ctx.state().get(QemuKeys.OUTPUT_DISK));
        files.addAll(plan.additionalDisks());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("diskName", config.vmName());
        data.put("diskType", plan.finalFormat());
        data.put("diskSize", String.valueOf(DiskImages.bytes(config.diskSize()) >> 20));
        data.put("domainType", ctx.state().get(QemuKeys.DOMAIN_TYPE));
        data.put("outputDirectory", outputDir.toString());
        ctx.state().put(ArtifactKeys.ARTIFACT, new FileArtifact(BUILDER_ID, ARTIFACT_ID, files,
                "VM files in directory: " + outputDir, data));
    }
}
