package io.imgbuild.postprocessor.checksum;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each artifact file once, computing every requested checksum, then writes one file per
 * algorithm in the {@code sha256sum} format ({@code HASH  PATH}, paths relative to the checksum
 * file) so {@code sha256sum -c} verifies it. Files are written atomically and never replace an
 * existing one without -force.
 */
final class ChecksumPostProcessor implements PostProcessor {

    static final String BUILDER_ID = "packer.post-processor.checksum";

    private final List<Algorithm> algorithms;
    private final String output;
    private final Renderer renderer;

    ChecksumPostProcessor(List<Algorithm> algorithms, String output, Renderer renderer) {
        this.algorithms = algorithms;
        this.output = output;
        this.renderer = renderer;
    }

    @Override
    public PostProcessorResult process(PostProcessorContext ctx, Artifact input) throws Exception {
        if (input.files().stream().noneMatch(Files::isRegularFile)) {
            ctx.ui().message("The artifact has no files; no checksums written");
            return new PostProcessorResult(input, true, false);
        }
        Map<Algorithm, Path> targets = new LinkedHashMap<>();
        for (Algorithm a : algorithms) {
            String rendered = renderer.render(output, Map.of("BuildName", ctx.build().name(), "BuilderType",
                    ctx.build().type(), "ChecksumType", a.templateName));
            Path target = ctx.build().workingDir().resolve(rendered).normalize();
            if (Files.exists(target) && !ctx.build().force()) {
                throw new StepFailure("checksum file " + target + " already exists; remove it or run with -force");
            }
            targets.put(a, target);
        }
        Map<Path, Map<Algorithm, String>> sums = hashAll(ctx, input.files());
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Algorithm, Path> t : targets.entrySet()) {
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<Path, Map<Algorithm, String>> f : sums.entrySet()) {
                Path shown = relative(t.getValue().getParent(), f.getKey());
                lines.append(f.getValue().get(t.getKey())).append("  ").append(shown).append('\n');
            }
            try (AtomicFile out = AtomicFile.create(t.getValue())) {
                Files.writeString(out.temp(), lines.toString(), StandardCharsets.UTF_8);
                out.commit(ctx.build().force());
            }
            ctx.ui().message("Wrote " + t.getKey().templateName + " checksums to " + t.getValue());
            written.add(t.getValue());
        }
        List<Path> files = new ArrayList<>(input.files());
        files.addAll(written);
        return new PostProcessorResult(new FileArtifact(BUILDER_ID, input.id(), files,
                "Checksums (" + String.join(", ", algorithms.stream().map(a -> a.templateName).toList()) + ") of "
                        + input.files().size() + " file(s) in " + written, Map.of()), true, false);
    }

    private Map<Path, Map<Algorithm, String>> hashAll(PostProcessorContext ctx, List<Path> files)
            throws IOException, io.imgbuild.core.step.CancelledException {
        Map<Path, Map<Algorithm, String>> sums = new LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try (ProgressBar bar = ctx.ui().progress("Hashing " + f.getFileName(), Files.size(f))) {
                sums.put(f, FileHasher.hash(f, algorithms, bar, ctx.cancellation()));
            }
        }
        return sums;
    }

    private static Path relative(Path from, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return from.toAbsolutePath().normalize().relativize(abs);
        } catch (IllegalArgumentException e) {
            return abs;
        }
    }
}
