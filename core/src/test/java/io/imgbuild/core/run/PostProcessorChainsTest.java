package io.imgbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.run.RunFixture.TestArtifact;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Packer's keep_input_artifact rules and chain endings. */
class PostProcessorChainsTest {

    private final RunFixture f = new RunFixture();
    private final Cancellation cancellation = Cancellation.root();
    private final TestArtifact builder = new TestArtifact("builder");
    private final Map<String, TestArtifact> made = new LinkedHashMap<>();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    /** A post-processor that makes artifact {@code out} from its input, keeping the input by default if {@code keep}. */
    private PostProcessor making(String out, boolean keep, boolean force) {
        return (ctx, input) -> {
            ran.add(out + "<-" + input.id());
            TestArtifact a = new TestArtifact(out);
            made.put(out, a);
            return new PostProcessorResult(a, keep, force);
        };
    }

    /** A post-processor that hands its input on (like manifest). */
    private PostProcessor passThrough(String name) {
        return (ctx, input) -> {
            ran.add(name + "<-" + input.id());
            return new PostProcessorResult(input, true, false);
        };
    }

    private static PreparedPostProcessor pp(String type, PostProcessor p) {
        return new PreparedPostProcessor(type, null, p, null);
    }

    private static PreparedPostProcessor pp(String type, PostProcessor p, Boolean keepInputArtifact) {
        return new PreparedPostProcessor(type, null, p, keepInputArtifact);
    }

    @SafeVarargs
    @SuppressWarnings("varargs")
    private PostProcessorChains.Outcome run(List<PreparedPostProcessor>... chains) {
        return new PostProcessorChains(RunFixture.info("b"), f.ui.forBuild("b"), cancellation).run(builder, List.of(chains));
    }

    private static List<String> ids(PostProcessorChains.Outcome o) {
        return o.artifacts().stream().map(Artifact::id).toList();
    }

    @Test
    void withoutChainsTheBuilderArtifactIsTheResult() {
        PostProcessorChains.Outcome o = run();
        assertEquals(List.of("builder"), ids(o));
        assertFalse(builder.destroyed);
    }

    @Test
    void theDefaultKeepIsThePostProcessors() {
        PostProcessorChains.Outcome o = run(List.of(pp("compress", making("tgz", false, false))));
        assertEquals(List.of("tgz"), ids(o));
        assertTrue(builder.destroyed);
    }

    @Test
    void aPostProcessorThatKeepsByDefault() {
        PostProcessorChains.Outcome o = run(List.of(pp("vagrant", making("box", true, false))));
        assertEquals(List.of("builder", "box"), ids(o));
        assertFalse(builder.destroyed);
    }

    @Test
    void theUsersKeepInputArtifactOverridesTheDefault() {
        assertEquals(List.of("builder", "tgz"), ids(run(List.of(pp("compress", making("tgz", false, false), true)))));
        assertFalse(builder.destroyed);
        TestArtifact other = new TestArtifact("builder2");
        PostProcessorChains.Outcome o = new PostProcessorChains(RunFixture.info("b"), f.ui.forBuild("b"), cancellation)
                .run(other, List.of(List.of(pp("x", making("x1", true, false), false))));
        assertEquals(List.of("x1"), ids(o));
        assertTrue(other.destroyed);
    }

    @Test
    void forceKeepBeatsTheUsersFalse() {
        PostProcessorChains.Outcome o = run(List.of(pp("vagrant", making("box", true, true), false)));
        assertEquals(List.of("builder", "box"), ids(o));
        assertFalse(builder.destroyed);
        assertTrue(f.lines().stream().anyMatch(l -> l.contains("needs its input kept")), f.lines()::toString);
    }

    @Test
    void theBuilderArtifactIsKeptIfAnyChainsFirstPostProcessorKeepsIt() {
        PostProcessorChains.Outcome o = run(List.of(pp("compress", making("tgz", false, false))),
                List.of(pp("vagrant", making("box", true, false))));
        assertEquals(List.of("builder", "tgz", "box"), ids(o));
        assertFalse(builder.destroyed);
        assertEquals(List.of("tgz<-builder", "box<-builder"), ran);
    }

    @Test
    void intermediateArtifactsAreDestroyedUnlessKept() {
        PostProcessorChains.Outcome o = run(List.of(pp("compress", making("tgz", false, false)),
                pp("checksum", making("sum", false, false))));
        assertEquals(List.of("sum"), ids(o));
        assertTrue(made.get("tgz").destroyed);
        assertTrue(builder.destroyed);
        assertEquals(List.of("tgz<-builder", "sum<-tgz"), ran);
    }

    @Test
    void anIntermediateArtifactKeptByTheNextPostProcessorIsListed() {
        PostProcessorChains.Outcome o = run(List.of(pp("compress", making("tgz", false, false)),
                pp("checksum", making("sum", false, false), true)));
        assertEquals(List.of("tgz", "sum"), ids(o));
        assertFalse(made.get("tgz").destroyed);
    }

    @Test
    void aFailingPostProcessorEndsOnlyItsChain() {
        PostProcessor failing = (ctx, input) -> {
            throw new StepFailure("disk full");
        };
        PostProcessorChains.Outcome o = run(List.of(pp("compress", failing), pp("checksum", making("sum", false, false))),
                List.of(pp("vagrant", making("box", false, false))));
        assertEquals(List.of("post-processor compress failed: disk full"), o.errors());
        assertEquals(List.of("box<-builder"), ran);
        // Nothing replaced the builder's artifact in the failed chain, so it survives.
        assertEquals(List.of("builder", "box"), ids(o));
        assertFalse(builder.destroyed);
    }

    @Test
    void aFailureLaterInAChainKeepsItsInput() {
        PostProcessor failing = (ctx, input) -> {
            throw new IllegalStateException("bug");
        };
        PostProcessorChains.Outcome o = run(List.of(pp("compress", making("tgz", false, false)), pp("upload", failing)));
        assertEquals(List.of("tgz"), ids(o));
        assertFalse(made.get("tgz").destroyed);
        assertEquals(1, o.errors().size());
    }

    @Test
    void aNullResultEndsTheChainQuietly() {
        PostProcessor nothing = (ctx, input) -> {
            ran.add("nothing<-" + input.id());
            return null;
        };
        PostProcessor noArtifact = (ctx, input) -> new PostProcessorResult(null, false, false);
        PostProcessorChains.Outcome o = run(List.of(pp("a", nothing), pp("b", making("never", false, false))),
                List.of(pp("c", noArtifact)));
        assertEquals(List.of("nothing<-builder"), ran);
        assertEquals(List.of(), o.errors());
        assertEquals(List.of("builder"), ids(o));
    }

    @Test
    void aPassThroughBeforeACompressDoesNotDestroyAListedArtifact() {
        PostProcessorChains.Outcome o = run(List.of(pp("manifest", passThrough("manifest")),
                pp("compress", making("tgz", false, false))));
        assertEquals(List.of("manifest<-builder", "tgz<-builder"), ran);
        for (Artifact a : o.artifacts()) {
            assertFalse(((TestArtifact) a).destroyed, a + " is listed but was destroyed");
        }
        assertEquals(List.of("tgz"), ids(o));
    }

    @Test
    void aPassThroughAfterACompressListsItsArtifactOnce() {
        PostProcessorChains.Outcome o = run(List.of(pp("compress", making("tgz", false, false)),
                pp("manifest", passThrough("manifest"))));
        assertEquals(List.of("tgz"), ids(o));
        assertFalse(made.get("tgz").destroyed);
    }

    @Test
    void aChainOfOnlyPassThroughsKeepsTheBuilderArtifact() {
        PostProcessorChains.Outcome o = run(List.of(pp("manifest", passThrough("manifest"))));
        assertEquals(List.of("builder"), ids(o));
        assertFalse(builder.destroyed);
    }

    @Test
    void aNamedPostProcessorIsAnnouncedWithItsType() {
        run(List.of(new PreparedPostProcessor("compress", "zip", making("tgz", false, false), null)));
        assertTrue(f.lines().contains("SAY Running post-processor: zip (compress)"), f.lines()::toString);
    }

    @Test
    void afterACancelNoFurtherPostProcessorRuns() {
        PostProcessor cancels = (ctx, input) -> {
            ran.add("first");
            cancellation.cancel("Ctrl-C");
            return new PostProcessorResult(new TestArtifact("x"), false, false);
        };
        run(List.of(pp("a", cancels), pp("b", making("never", false, false))), List.of(pp("c", making("never2", false,
                false))));
        assertEquals(List.of("first"), ran);
    }
}
