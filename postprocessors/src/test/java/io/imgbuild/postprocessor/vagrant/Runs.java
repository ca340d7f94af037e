package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.testkit.Commands;
import io.imgbuild.testkit.PluginConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Runs the vagrant post-processor as a build would: a config from JSON, a context, an artifact. */
final class Runs {

    final Path dir;
    final List<UiEvent> events = new CopyOnWriteArrayList<>();
    final Cancellation cancellation = Cancellation.root();
    boolean force;
    private Consumer<UiEvent> onEvent = e -> { };

    Runs(Path dir) {
        this.dir = dir;
    }

    /** Also does this with every UI event (e.g. cancel when the progress bar moves). */
    Runs onEvent(Consumer<UiEvent> action) {
        this.onEvent = action;
        return this;
    }

    PostProcessorResult run(String json, Artifact input) throws Exception {
        PostProcessor pp = PluginConfigs.prepare(new VagrantPostProcessorPlugin(), json, dir).requireNoErrors().prepared();
        return pp.process(context(), input);
    }

    /** The lines the post-processor said, for assertion messages. */
    String said() {
        return String.join("\n", events.stream().filter(e -> e instanceof UiEvent.Line).map(Object::toString).toList());
    }

    private PostProcessorContext context() {
        Ui ui = new Ui(new Secrets(), List.of(e -> {
            events.add(e);
            onEvent.accept(e);
        }), Clock.systemUTC());
        BuildInfo build = new BuildInfo("deb", "qemu", "run-1", Instant.parse("2026-11-22T06:15:00Z"), dir, dir, force,
                false, OnError.CLEANUP);
        return PostProcessorContext.of(build, ui.forBuild("deb").forComponent("vagrant"), cancellation);
    }

    /**
     * Unpacks a box with tar (-xf reads gzip'd and plain tars alike) into a new directory under
     * {@code dir} and returns it.
     */
    Path unpack(String box) throws IOException, InterruptedException {
        Path to = java.nio.file.Files.createTempDirectory(dir, "unpacked-");
        sh("tar", "-xf", dir.resolve(box).toString(), "-C", to.toString());
        return to;
    }

    /** Runs a command in {@code dir}, failing with its output if it fails. */
    String sh(String... command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", dir.toString()));
        c.addAll(List.of(command));
        return Commands.check(c);
    }
}
