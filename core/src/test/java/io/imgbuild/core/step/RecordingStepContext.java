package io.imgbuild.core.step;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A real step context for other packages' step tests: its UI records each line as "LEVEL text". */
public final class RecordingStepContext {

    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    public final Cancellation cancellation = Cancellation.root();
    public final StepContext ctx;

    /** A build named "b" whose working directory is {@code workingDir}. */
    public RecordingStepContext(Path workingDir) {
        Ui ui = new Ui(new Secrets(), List.of(e -> {
            if (e instanceof UiEvent.Line l) {
                lines.add(l.level() + " " + l.text());
            }
        }), Clock.systemUTC());
        BuildInfo info = new BuildInfo("b", "boot-test", "uuid", Instant.EPOCH, workingDir, workingDir, false, false,
                OnError.CLEANUP);
        ctx = new StepContext(info, new State(), ui.forBuild("b"), cancellation);
    }

    public State state() {
        return ctx.state();
    }

    /** The lines logged so far at {@code level} (SAY, MESSAGE, ERROR), without the level. */
    public List<String> lines(String level) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1))
                    .toList();
        }
    }
}
