package io.imgbuild.core.run;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.ui.UiEvent;
import java.time.Duration;
import java.util.List;

/** How one build ended and what it left. */
public record BuildResult(String name, UiEvent.Status status, List<Artifact> artifacts, List<String> errors,
                          boolean cleanupIncomplete, Duration elapsed) {
}
