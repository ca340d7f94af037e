package io.imgbuild.builder.amazon;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The AMIs a build made, one per region. Its id is Packer's "region:ami,region:ami" (sorted), which
 * the vagrant post-processor's aws provider and the manifest read. Destroying it (when no
 * post-processor keeps it) deregisters the AMIs and deletes their snapshots.
 */
record AmiArtifact(Map<String, String> amis, Ec2Settings settings) implements Artifact {

    static final String BUILDER_ID = "mitchellh.amazonebs";

    AmiArtifact {
        amis = new LinkedHashMap<>(amis);
    }

    @Override
    public String builderId() {
        return BUILDER_ID;
    }

    @Override
    public String id() {
        return amis.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).sorted()
                .collect(Collectors.joining(","));
    }

    @Override
    public List<Path> files() {
        return List.of();
    }

    @Override
    public String description() {
        return "AMIs were created: " + amis.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public Map<String, Object> data() {
        return Map.of("amis", Map.copyOf(amis), "region", settings.region());
    }

    @Override
    public void destroy() throws IOException {
        List<String> failed = new ArrayList<>();
        try (Ec2Access ec2 = new Ec2Access(settings, null)) {
            for (Map.Entry<String, String> ami : amis.entrySet()) {
                try {
                    Images.remove(ec2.ec2(ami.getKey()), ami.getKey(), ami.getValue(), true, null);
                } catch (StepFailure e) {
                    failed.add(e.getMessage());
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new IOException(String.join("; ", failed));
        }
    }
}
