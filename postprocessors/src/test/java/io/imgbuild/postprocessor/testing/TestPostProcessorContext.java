package io.imgbuild.postprocessor.testing;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link PostProcessorContext} for tests: a real {@link Ui} whose sink records every event (and can
 * react to one, e.g. cancel on the first progress), a build named {@code b} of type {@code file}, and
 * a cancellation the test controls.
 */
public final class TestPostProcessorContext implements PostProcessorContext {

    private final List<UiEvent> events = new ArrayList<>();
    private final Cancellation cancellation = Cancellation.root();
    private final BuildInfo build;
    private final BuildUi ui;
    private volatile Consumer<UiEvent> onEvent = e -> { };

    public TestPostProcessorContext(Path workingDir, boolean force) {
        this.build = new BuildInfo("b", "file", "run-uuid-1", Instant.EPOCH, workingDir, workingDir, force, false,
                OnError.CLEANUP);
        this.ui = new Ui(new Secrets(), List.of(this::record), Clock.systemUTC()).forBuild("b").forComponent("pp");
    }

    /** Calls {@code action} on every later event, on the thread that emits it. */
    public TestPostProcessorContext onEvent(Consumer<UiEvent> action) {
        this.onEvent = action;
        return this;
    }

    private void record(UiEvent e) {
        synchronized (events) {
            events.add(e);
        }
        onEvent.accept(e);
    }

    /** The text of every line said so far. */
    public List<String> lines() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof UiEvent.Line).map(e -> ((UiEvent.Line) e).text()).toList();
        }
    }

    public List<UiEvent.Progress> progress() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof UiEvent.Progress).map(e -> (UiEvent.Progress) e).toList();
        }
    }

    @Override
    public BuildInfo build() {
        return build;
    }

    @Override
    public BuildUi ui() {
        return ui;
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }
}
