package io.imgbuild.core.artifact;

import io.imgbuild.core.step.Key;

/** State keys for what a build produces. */
public final class ArtifactKeys {

    /** The builder's artifact; its last step puts it. A build without it produced nothing. */
    public static final Key<Artifact> ARTIFACT = new Key<>("artifact");

    private ArtifactKeys() {
    }
}
