package io.imgbuild.postprocessor.compress;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.ProgressBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the artifact's files into one archive, reading each file once: tar formats hold every file
 * (directories walked, names relative), bare .gz/.zst/.xz/.lz4/.bgzf exactly one, zip any number. The
 * archive is written under a temporary name and renamed when complete; an existing file is replaced
 * only with -force. The input artifact is not kept unless keep_input_artifact says so, as in Packer.
 *
 * @param level the compression level to use (the format's range was checked); 0 stores
 */
record CompressPostProcessor(String output, ArchiveFormat format, int level, Renderer renderer)
        implements PostProcessor {

    static final String BUILDER_ID = "packer.post-processor.compress";

    @Override
    public PostProcessorResult process(PostProcessorContext ctx, Artifact input) throws Exception {
        Path target = target(ctx);
        if (Files.exists(target) && !ctx.build().force()) {
            throw new StepFailure("the archive " + target + " already exists; remove it or run with -force");
        }
        ArchiveInputs inputs = inputs(input, target);
        ctx.ui().say("Compressing " + inputs.entries().size() + " file(s) into " + target + " (" + format.describe()
                + (format.hasLevels() ? ", level " + level : "") + ")");
        long start = System.nanoTime();
        try (AtomicFile out = AtomicFile.create(target);
             ProgressBar bar = ctx.ui().progress("Compressing to " + target.getFileName(), inputs.totalBytes())) {
            new ArchiveWriter(format, level, ctx.cancellation()).write(inputs, out.temp(), bar::advance);
            out.commit(ctx.build().force());
        }
        ctx.ui().message(CompressionSummary.line(inputs.totalBytes(), Files.size(target), System.nanoTime() - start));
        FileArtifact archive = new FileArtifact(BUILDER_ID, target.toString(), List.of(target),
                "compressed artifacts in: " + target, Map.of());
        return new PostProcessorResult(archive, false, false);
    }

    private Path target(PostProcessorContext ctx) throws StepFailure {
        String rendered = renderer.render(output, Map.of("BuildName", ctx.build().name(), "BuilderType",
                ctx.build().type()));
        if (rendered.isBlank()) {
            throw new StepFailure("output is empty once rendered (\"" + output + "\"); give the archive a name");
        }
        return ctx.build().workingDir().resolve(rendered).toAbsolutePath().normalize();
    }

    private ArchiveInputs inputs(Artifact input, Path target) throws IOException, StepFailure {
        ArchiveInputs inputs = ArchiveInputs.of(input.files());
        if (inputs.entries().isEmpty()) {
            throw new StepFailure("the artifact has no files to compress (" + input.description() + ")");
        }
        if (format.singleFile() && inputs.entries().size() != 1) {
            throw new StepFailure("a ." + format.extension() + " file holds exactly one file, but the artifact has "
                    + inputs.entries().size() + " (" + String.join(", ", inputs.entries().stream()
                    .map(ArchiveInputs.Entry::name).limit(5).toList()) + (inputs.entries().size() > 5 ? ", ..." : "")
                    + "); use .tar." + format.extension() + " to archive them all, or .zip");
        }
        for (ArchiveInputs.Entry e : inputs.entries()) {
            if (e.file().equals(target)) {
                throw new StepFailure("output " + target + " is one of the artifact's own files; choose another name");
            }
        }
        return inputs;
    }
}
