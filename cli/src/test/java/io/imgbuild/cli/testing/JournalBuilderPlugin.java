package io.imgbuild.cli.testing;

import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.artifact.FileArtifact;
import io.imgbuild.core.build.Builder;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.plugin.BuilderPlugin;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test-only builder {@code test-journal}: each of its steps creates a marker file (a stand-in for a
 * VM or cloud resource) and writes "run NAME" to a journal; its cleanup deletes the marker and
 * writes "cleanup NAME". Tests then read the journal to see which cleanups ran, in what order.
 */
public final class JournalBuilderPlugin implements BuilderPlugin {

    @Override
    public String type() {
        return "test-journal";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        Path journal = config.resolvePath(config.node().get("journal").asString());
        long cleanupDelayMillis = config.node().path("cleanup_delay_ms").asLong(0);
        List<String> before = new ArrayList<>();
        config.node().path("steps").forEach(s -> before.add(s.asString()));
        return ctx -> {
            List<Step> steps = new ArrayList<>();
            for (String name : before) {
                steps.add(new MarkerStep(name, journal, cleanupDelayMillis));
            }
            steps.add(ctx.provisionStep());
            steps.add(new Step() {
                @Override
                public void run(StepContext c) {
                    c.state().put(ArtifactKeys.ARTIFACT, new FileArtifact("test.journal", "journal", List.of(),
                            "journal build", Map.of()));
                }
            });
            return steps;
        };
    }

    record MarkerStep(String name, Path journal, long cleanupDelayMillis) implements Step {
        @Override
        public void run(StepContext ctx) throws IOException {
            append("run " + name);
            Files.writeString(journal.resolveSibling("marker-" + name), "resource");
        }

        @Override
        public void cleanup(StepContext ctx) throws IOException, InterruptedException {
            append("cleaning " + name);
            Thread.sleep(cleanupDelayMillis);
            Files.deleteIfExists(journal.resolveSibling("marker-" + name));
            append("cleaned " + name + (ctx.cancelled() ? " (cancelled)" : ctx.halted() ? " (halted)" : ""));
        }

        private void append(String line) throws IOException {
            Files.writeString(journal, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
