package io.imgbuild.core.run;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.core.ui.UiSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A recording UI and small artifacts for the run package's tests. */
final class RunFixture {

    static final Backoff TINY = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));

    final List<UiEvent> events = Collections.synchronizedList(new ArrayList<>());
    final Ui ui;

    RunFixture() {
        UiSink sink = events::add;
        ui = new Ui(new Secrets(), List.of(sink), Clock.systemUTC());
    }

    static BuildInfo info(String name) {
        return new BuildInfo(name, "null", "run-uuid", Instant.EPOCH, Path.of("."), Path.of("."), false, false,
                OnError.CLEANUP);
    }

    /** "LEVEL [component] text" for every line. */
    List<String> lines() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof UiEvent.Line).map(e -> (UiEvent.Line) e)
                    .map(l -> l.level() + (l.component() == null ? "" : " [" + l.component() + "]") + " " + l.text())
                    .toList();
        }
    }

    /** An artifact that records whether it was destroyed. */
    static final class TestArtifact implements Artifact {
        final String id;
        volatile boolean destroyed;

        TestArtifact(String id) {
            this.id = id;
        }

        @Override
        public String builderId() {
            return "test." + id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Path> files() {
            return List.of(Path.of("/tmp/" + id));
        }

        @Override
        public String description() {
            return "artifact " + id;
        }

        @Override
        public void destroy() {
            destroyed = true;
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
