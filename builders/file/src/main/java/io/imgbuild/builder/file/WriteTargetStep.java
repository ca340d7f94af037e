package io.imgbuild.builder.file;

import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the target atomically (never a half file at the final path) and refuses to replace an
 * existing one without -force. On a later failure the file stays: it is the build's artifact only
 * once the build succeeds, and post-processors decide what happens to it.
 */
final class WriteTargetStep implements Step {

    static final String BUILDER_ID = "packer.file";
    /** Packer's file artifact id: a fixed word, so {{.ArtifactId}} in an output path is no absolute path. */
    static final String ARTIFACT_ID = "File";

    private final String content;
    private final Path source;
    private final Path target;

    WriteTargetStep(String content, Path source, Path target) {
        this.content = content;
        this.source = source;
        this.target = target;
    }

    @Override
    public String name() {
        return "WriteTarget";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure, IOException {
        if (Files.exists(target) && !ctx.build().force()) {
            throw new StepFailure("target " + target + " already exists; remove it or run with -force to replace it");
        }
        ctx.ui().say(content != null ? "Writing content to " + target : "Copying " + source + " to " + target);
        try (AtomicFile out = AtomicFile.create(target)) {
            if (content != null) {
                Files.writeString(out.temp(), content, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = Files.newInputStream(source); OutputStream os = Files.newOutputStream(out.temp())) {
                    in.transferTo(os);
                }
            }
            out.commit(true);
        }
        ctx.state().put(ArtifactKeys.ARTIFACT, new FileArtifact(BUILDER_ID, ARTIFACT_ID, List.of(target),
                "Stored file: " + target, java.util.Map.of()));
    }
}
