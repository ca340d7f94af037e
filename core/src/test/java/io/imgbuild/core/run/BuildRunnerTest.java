package io.imgbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.run.RunFixture.TestArtifact;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.step.StepGate;
import io.imgbuild.core.ui.UiEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole runs: order, parallelism, results, events and exit codes. */
@Timeout(30)
class BuildRunnerTest {

    private final RunFixture f = new RunFixture();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final BuildRunner runner = new BuildRunner(f.ui, StepGate.NONE, RunFixture.TINY, Cancellation.root());

    interface Body {
        void run(StepContext ctx) throws Exception;
    }

    private static Step step(String name, Body run, Body cleanup) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(StepContext ctx) throws Exception {
                run.run(ctx);
            }

            @Override
            public void cleanup(StepContext ctx) throws Exception {
                cleanup.run(ctx);
            }
        };
    }

    /** A builder that logs start and end, waits a little, and leaves an artifact. */
    private Builder builder(String name, Body extra) {
        return context -> List.of(step("make", ctx -> {
            log.add("start " + name);
            Thread.sleep(30);
            extra.run(ctx);
            ctx.state().put(ArtifactKeys.ARTIFACT, new TestArtifact(name + "-artifact"));
            log.add("end " + name);
        }, ctx -> { }), context.provisionStep());
    }

    private PreparedBuild build(String name, Body extra) {
        return new PreparedBuild(RunFixture.info(name), builder(name, extra), List.of(), null, List.of());
    }

    private PreparedBuild build(String name) {
        return build(name, ctx -> { });
    }

    @Test
    void oneAtATimeInTemplateOrder() {
        RunResult r = runner.run(List.of(build("zeta"), build("alpha"), build("mid")), 1);
        assertEquals(List.of("start zeta", "end zeta", "start alpha", "end alpha", "start mid", "end mid"), log);
        assertEquals(List.of("zeta", "alpha", "mid"), r.builds().stream().map(BuildResult::name).toList());
        assertEquals(ExitCodes.OK, r.exitCode());
    }

    @Test
    void allAtOnceByDefault() {
        CountDownLatch both = new CountDownLatch(2);
        Body meet = ctx -> {
            both.countDown();
            if (!both.await(10, TimeUnit.SECONDS)) {
                throw new StepFailure("the other build never started");
            }
        };
        RunResult r = runner.run(List.of(build("a", meet), build("b", meet)), 0);
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    }

    @Test
    void artifactsAndEventsOfASuccessfulRun() {
        RunResult r = runner.run(List.of(build("a")), 0);
        assertEquals(List.of("a-artifact"), r.builds().get(0).artifacts().stream().map(x -> x.id()).toList());
        List<String> kinds = f.events.stream().filter(e -> !(e instanceof UiEvent.Line))
                .map(e -> e.getClass().getSimpleName()).toList();
        assertEquals(List.of("BuildStarted", "ArtifactReady", "BuildFinished", "RunFinished"), kinds);
        UiEvent.RunFinished end = (UiEvent.RunFinished) f.events.get(f.events.size() - 1);
        assertEquals(0, end.exitCode());
    }

    @Test
    void aFailedBuildDoesNotStopTheOthers() {
        RunResult r = runner.run(List.of(build("bad", ctx -> {
            throw new StepFailure("no space left");
        }), build("good")), 1);
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode());
        assertEquals(UiEvent.Status.FAILED, r.builds().get(0).status());
        assertEquals(List.of("no space left"), r.builds().get(0).errors());
        assertEquals(List.of(), r.builds().get(0).artifacts());
        assertEquals(UiEvent.Status.SUCCEEDED, r.builds().get(1).status());
    }

    @Test
    void aFailedCleanupMakesExitCodeFour() {
        PreparedBuild b = new PreparedBuild(RunFixture.info("leaky"), context -> List.of(step("vol", ctx -> { },
                ctx -> {
                    throw new StepFailure("volume vol-1 could not be deleted");
                })), List.of(), null, List.of());
        RunResult r = runner.run(List.of(b), 0);
        assertEquals(ExitCodes.CLEANUP_INCOMPLETE, r.exitCode());
        assertTrue(r.builds().get(0).cleanupIncomplete());
    }

    @Test
    void aCancelStopsRunningBuildsAndSkipsWaitingOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    runner.cancel("interrupted");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        RunResult r = runner.run(List.of(build("first", ctx -> {
            started.countDown();
            ctx.cancellation().sleep(Duration.ofMinutes(1));
        }), build("second")), 1);
        canceller.join();
        assertEquals(ExitCodes.INTERRUPTED, r.exitCode());
        assertEquals(List.of(UiEvent.Status.CANCELLED, UiEvent.Status.CANCELLED),
                r.builds().stream().map(BuildResult::status).toList());
        assertTrue(log.stream().noneMatch(l -> l.contains("second")), log::toString);
    }

    @Test
    void postProcessorsRunAfterTheBuild() {
        PreparedPostProcessor compress = new PreparedPostProcessor("compress", null,
                (ctx, in) -> new PostProcessorResult(new TestArtifact(in.id() + ".tgz"), false, false), null);
        PreparedBuild b = new PreparedBuild(RunFixture.info("a"), builder("a", ctx -> { }), List.of(), null,
                List.of(List.of(compress)));
        RunResult r = runner.run(List.of(b), 0);
        assertEquals(List.of("a-artifact.tgz"), r.builds().get(0).artifacts().stream().map(x -> x.id()).toList());
    }

    @Test
    void aFailingPostProcessorFailsTheBuild() {
        PreparedPostProcessor broken = new PreparedPostProcessor("compress", null, (ctx, in) -> {
            throw new StepFailure("zstd missing");
        }, null);
        PreparedBuild b = new PreparedBuild(RunFixture.info("a"), builder("a", ctx -> { }), List.of(), null,
                List.of(List.of(broken)));
        RunResult r = runner.run(List.of(b), 0);
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode());
        assertEquals(List.of("post-processor compress failed: zstd missing"), r.builds().get(0).errors());
    }

    @Test
    void aBuilderThatCannotLayOutItsStepsFailsItsBuildOnly() {
        PreparedBuild broken = new PreparedBuild(RunFixture.info("broken"), context -> {
            throw new IllegalStateException("no steps");
        }, List.of(), null, List.of());
        RunResult r = runner.run(List.of(broken, build("ok")), 1);
        assertEquals(UiEvent.Status.FAILED, r.builds().get(0).status());
        assertEquals(UiEvent.Status.SUCCEEDED, r.builds().get(1).status());
    }
}
