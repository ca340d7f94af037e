package io.imgbuild.core.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a builder or post-processor produced: files on disk, or a cloud resource such as an AMI.
 * Post-processors read {@link #data()} for details a builder leaves for them (disk format, regions).
 */
public interface Artifact {

    /** Packer's builder id, e.g. {@code transcend.qemu}; the vagrant post-processor picks a provider from it. */
    String builderId();

    /**
     * Packer's Artifact.Id(), which templates see as {{.ArtifactId}} and the manifest as artifact_id: an
     * AMI list "us-east-1:ami-123", a vagrant provider, or a fixed word ("File", "VM", "Null") where the
     * result has no identity of its own.
     */
    String id();

    /** Local files, if any. */
    List<Path> files();

    /** One line for the end-of-run summary. */
    String description();

    /** Builder-specific details for post-processors (never secrets). */
    default Map<String, Object> data() {
        return Map.of();
    }

    /** Removes what the artifact is (files, images) when no one keeps it. */
    void destroy() throws IOException;
}
