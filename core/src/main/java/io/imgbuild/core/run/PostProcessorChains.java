package io.imgbuild.core.run;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.Errors;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a build's post-processor chains, each from the builder's artifact, with Packer's rules for
 * which artifacts survive: a post-processor says whether its input is kept by default, the
 * template's keep_input_artifact overrides that unless the post-processor forces a keep, and the
 * builder's artifact stays if the first post-processor of any chain keeps it. A failing
 * post-processor ends its chain only.
 */
final class PostProcessorChains {

    private static final Logger LOG = LoggerFactory.getLogger(PostProcessorChains.class);

    record Outcome(List<Artifact> artifacts, List<String> errors) {
    }

    private final BuildInfo build;
    private final BuildUi ui;
    private final Cancellation cancellation;

    PostProcessorChains(BuildInfo build, BuildUi ui, Cancellation cancellation) {
        this.build = build;
        this.ui = ui;
        this.cancellation = cancellation;
    }

    Outcome run(Artifact builderArtifact, List<List<PreparedPostProcessor>> chains) {
        List<Artifact> artifacts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (chains.isEmpty()) {
            artifacts.add(builderArtifact);
            return new Outcome(artifacts, errors);
        }
        boolean keepOriginal = false;
        for (List<PreparedPostProcessor> chain : chains) {
            Artifact prior = builderArtifact;
            for (int i = 0; i < chain.size() && !cancellation.isCancelled(); i++) {
                PreparedPostProcessor pp = chain.get(i);
                BuildUi ppUi = ui.forComponent(pp.label());
                ui.say("Running post-processor: " + pp.label());
                PostProcessorResult result = null;
                try {
                    result = pp.postProcessor().process(context(ppUi), prior);
                } catch (Exception e) {
                    String msg = message(e);
                    if (!(e instanceof StepFailure)) {
                        LOG.error("post-processor {} failed unexpectedly", pp.label(), e);
                    }
                    errors.add("post-processor " + pp.label() + " failed: " + msg);
                    ppUi.error(msg);
                }
                if (result == null || result.artifact() == null) {
                    // The chain ends here and its input survives: nothing replaced it.
                    if (prior == builderArtifact) {
                        keepOriginal = true;
                    } else {
                        artifacts.add(prior);
                    }
                    prior = null;
                    break;
                }
                if (result.artifact() == prior) {
                    // Passed its input through (manifest, shell-local): it neither keeps nor consumes it;
                    // the next post-processor decides, or the chain ends with it.
                    continue;
                }
                boolean keep = keep(result, pp, ppUi);
                if (prior == builderArtifact) {
                    // The first post-processor that consumes the builder's artifact (not always the
                    // chain's first: a manifest may come before) votes on keeping it; other chains may
                    // still need it, so it is destroyed, if at all, after every chain ran.
                    keepOriginal |= keep;
                } else if (keep) {
                    artifacts.add(prior);
                } else {
                    destroy(prior, ppUi);
                }
                prior = result.artifact();
            }
            if (prior == builderArtifact) {
                keepOriginal = true; // the chain's result is the builder's artifact itself
            } else if (prior != null) {
                artifacts.add(prior);
            }
        }
        if (keepOriginal) {
            artifacts.add(0, builderArtifact);
        } else {
            destroy(builderArtifact, ui);
        }
        return new Outcome(artifacts, errors);
    }

    private static boolean keep(PostProcessorResult result, PreparedPostProcessor pp, BuildUi ppUi) {
        if (pp.keepInputArtifact() == null) {
            return result.keepInput();
        }
        if (result.forceKeep() && !pp.keepInputArtifact()) {
            ppUi.message("keep_input_artifact is false, but this post-processor needs its input kept; keeping it");
            return true;
        }
        return pp.keepInputArtifact();
    }

    private void destroy(Artifact a, BuildUi who) {
        try {
            a.destroy();
        } catch (Exception e) {
            who.error("could not delete intermediate artifact " + a.id() + ": " + message(e));
        }
    }

    private PostProcessorContext context(BuildUi ppUi) {
        return PostProcessorContext.of(build, ppUi, cancellation);
    }

    private static String message(Exception e) {
        return e instanceof StepFailure ? e.getMessage() : Errors.describe(e);
    }
}
