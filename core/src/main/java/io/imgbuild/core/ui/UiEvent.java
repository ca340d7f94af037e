package io.imgbuild.core.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run tells its user, as data. Each output format (human, machine-readable, JSONL, the
 * log) renders these; none of them sees text that did not pass the secret mask first.
 * {@code build} is null for run-level events; {@code component} names a post-processor or
 * provisioner speaking for the build ("checksum"), or is null.
 */
public sealed interface UiEvent {

    Instant time();

    String build();

    /** How important a line of text is: a step header, a detail, an error. */
    enum Level { SAY, MESSAGE, ERROR }

    record Line(Instant time, String build, String component, Level level, String text) implements UiEvent {
    }

    record Progress(Instant time, String build, String component, String label, long done, long total,
                    double bytesPerSecond, boolean finished) implements UiEvent {
    }

    record BuildStarted(Instant time, String build, String type) implements UiEvent {
    }

    enum Status { SUCCEEDED, FAILED, CANCELLED }

    record BuildFinished(Instant time, String build, Status status, Duration elapsed, List<String> errors,
                         boolean cleanupIncomplete) implements UiEvent {
    }

    record ArtifactReady(Instant time, String build, int index, String builderId, String id, String description,
                         List<String> files) implements UiEvent {
    }

    record RunFinished(Instant time, int exitCode, Duration elapsed) implements UiEvent {
        @Override
        public String build() {
            return null;
        }
    }
}
