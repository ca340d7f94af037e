package io.imgbuild.core.step;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.core.ui.UiSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A build context with a recording UI, and steps that log what happens to them. */
final class StepFixture {

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Cancellation cancellation = Cancellation.root();
    final StepContext ctx;

    StepFixture() {
        UiSink sink = e -> {
            if (e instanceof UiEvent.Line l) {
                lines.add(l.level() + " " + l.text());
            }
        };
        Ui ui = new Ui(new Secrets(), List.of(sink), Clock.systemUTC());
        BuildInfo info = new BuildInfo("b", "null", "uuid", Instant.EPOCH, Path.of("."), Path.of("."), false, false,
                OnError.CLEANUP);
        ctx = new StepContext(info, new State(), ui.forBuild("b"), cancellation);
    }

    StepOutcome run(OnError onError, StepGate gate, Step... steps) {
        return new StepRunner(List.of(steps), onError, false, gate).run(ctx);
    }

    StepOutcome run(Step... steps) {
        return run(OnError.CLEANUP, StepGate.NONE, steps);
    }

    interface Body {
        void run(StepContext ctx) throws Exception;
    }

    /** A step that logs "run NAME" and "cleanup NAME (halted=...)" and does {@code body}. */
    Step step(String name, Body body) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(StepContext c) throws Exception {
                log.add("run " + name);
                body.run(c);
            }

            @Override
            public void cleanup(StepContext c) {
                log.add("cleanup " + name + (c.halted() ? " halted" : ""));
            }
        };
    }

    Step ok(String name) {
        return step(name, c -> { });
    }

    Step failing(String name, String why) {
        return step(name, c -> {
            throw new StepFailure(why);
        });
    }
}
