package io.imgbuild.core.run;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepGate;
import io.imgbuild.core.step.StepOutcome;
import io.imgbuild.core.step.StepRunner;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one build from start to end: the builder's steps (with provisioning), then post-processing. */
final class BuildExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BuildExecutor.class);

    private final Ui ui;
    private final StepGate gate;
    private final Backoff backoff;

    BuildExecutor(Ui ui, StepGate gate, Backoff backoff) {
        this.ui = ui;
        this.gate = gate;
        this.backoff = backoff;
    }

    BuildResult run(PreparedBuild build, Cancellation cancellation) {
        BuildInfo info = build.info();
        BuildUi bui = ui.forBuild(info.name());
        Instant start = ui.clock().instant();
        List<String> errors = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        StepOutcome outcome;
        State state = new State();
        StepContext ctx = new StepContext(info, state, bui, cancellation);
        try {
            List<Step> steps = build.builder().steps(new BuilderContext() {
                @Override
                public BuildInfo build() {
                    return info;
                }

                @Override
                public Step provisionStep() {
                    return new ProvisionStep(build.provisioners(), build.errorCleanupProvisioner(), backoff);
                }
            });
            outcome = new StepRunner(steps, info.onError(), info.debug(), gate).run(ctx);
        } catch (RuntimeException e) {
            LOG.error("build {} could not start", info.name(), e);
            outcome = new StepOutcome(StepOutcome.Result.FAILED, "could not start: " + e.getMessage(), List.of());
        }
        if (outcome.error() != null) {
            errors.add(outcome.error());
            bui.error("Build failed: " + outcome.error());
        }
        UiEvent.Status status = switch (outcome.result()) {
            case SUCCEEDED -> UiEvent.Status.SUCCEEDED;
            case FAILED -> UiEvent.Status.FAILED;
            case CANCELLED -> UiEvent.Status.CANCELLED;
        };
        if (outcome.succeeded() && !cancellation.isCancelled()) {
            Artifact artifact = state.find(ArtifactKeys.ARTIFACT).orElse(null);
            if (artifact != null) {
                PostProcessorChains.Outcome pp = new PostProcessorChains(info, bui, cancellation).run(artifact, build.chains());
                artifacts.addAll(pp.artifacts());
                errors.addAll(pp.errors());
                if (!pp.errors().isEmpty()) {
                    status = UiEvent.Status.FAILED;
                }
            }
            if (cancellation.isCancelled()) {
                status = UiEvent.Status.CANCELLED;
            }
        } else if (cancellation.isCancelled()) {
            status = UiEvent.Status.CANCELLED;
        }
        errors.addAll(outcome.cleanupFailures());
        Duration elapsed = Duration.between(start, ui.clock().instant());
        if (status == UiEvent.Status.SUCCEEDED) {
            for (int i = 0; i < artifacts.size(); i++) {
                Artifact a = artifacts.get(i);
                ui.emit(new UiEvent.ArtifactReady(ui.clock().instant(), info.name(), i, a.builderId(), a.id(),
                        a.description(), a.files().stream().map(Object::toString).toList()));
            }
        }
        boolean cleanupIncomplete = !outcome.cleanupFailures().isEmpty();
        ui.emit(new UiEvent.BuildFinished(ui.clock().instant(), info.name(), status, elapsed, List.copyOf(errors),
                cleanupIncomplete));
        return new BuildResult(info.name(), status, List.copyOf(artifacts), List.copyOf(errors), cleanupIncomplete, elapsed);
    }
}
