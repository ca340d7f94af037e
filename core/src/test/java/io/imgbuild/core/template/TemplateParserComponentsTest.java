package io.imgbuild.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builds, provisioners and post-processors: names, only/except/override, meta keys, shapes. */
class TemplateParserComponentsTest {

    private static final String TWO_BUILDS = "\"builders\": [{\"type\": \"qemu\"}, {\"type\": \"amazon-ebs\", \"name\": "
            + "\"aws\", \"region\": \"x\"}]";

    @Test
    void buildNamesDefaultToTheTypeAndMetaKeysAreRemoved() {
        Template t = TemplateFixture.valid("{" + TWO_BUILDS + "}");
        assertEquals(List.of("qemu", "aws"), t.buildNames());
        BuilderDef aws = t.builders().get(1);
        assertEquals("amazon-ebs", aws.type());
        assertEquals(1, aws.index());
        assertEquals("{\"region\":\"x\"}", aws.config().toString());
        assertEquals("builders[1]", aws.path().toString());
    }

    @Test
    void duplicateBuildNames() {
        TemplateFixture f = TemplateFixture.parse("{\"builders\": [{\"type\": \"null\"},\n {\"type\": \"qemu\", \"name\": "
                + "\"null\"}]}");
        Problem p = f.errorAt("builders[1].name");
        assertEquals("two builds are named \"null\" (the other is builders[0])", p.message());
        assertEquals(2, p.location().line());
        assertEquals(List.of("null"), f.template.buildNames());
    }

    @Test
    void duplicateUnnamedBuildsPointAtTheBuilder() {
        TemplateFixture f = TemplateFixture.parse("{\"builders\": [{\"type\": \"null\"}, {\"type\": \"null\"}]}");
        assertEquals(List.of("builders[1]: two builds are named \"null\" (the other is builders[0])"), f.errors());
    }

    @Test
    void provisionerMetaKeysAreSeparated() {
        Template t = TemplateFixture.valid("{" + TWO_BUILDS + ", \"provisioners\": [{\"type\": \"shell\", \"inline\": "
                + "[\"a\"], \"only\": [\"qemu\"], \"pause_before\": \"1s\", \"timeout\": \"5m\", \"max_retries\": 2, "
                + "\"override\": {\"qemu\": {\"inline\": [\"b\"]}}}]}");
        ProvisionerDef p = t.provisioners().get(0);
        assertEquals("shell", p.type());
        assertEquals("{\"inline\":[\"a\"]}", p.config().toString());
        assertEquals(List.of("qemu"), p.only());
        assertEquals(List.of(), p.except());
        assertEquals("1s", p.pauseBefore());
        assertEquals("5m", p.timeout());
        assertEquals("2", p.maxRetries());
        assertEquals("{\"inline\":[\"b\"]}", p.overrides().get("qemu").toString());
    }

    @Test
    void onlyAndExceptTogether() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"provisioners\": [{\"type\": \"shell\", "
                + "\"only\": [\"qemu\"], \"except\": [\"aws\"]}]}");
        assertEquals(List.of("provisioners[0].except: only one of \"only\" and \"except\" may be set"), f.errors());
    }

    @Test
    void onlyAndExceptTogetherOnAPostProcessor() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"post-processors\": [{\"type\": \"manifest\", "
                + "\"only\": [\"qemu\"], \"except\": [\"aws\"]}]}");
        assertEquals(List.of("post-processors[0].except: only one of \"only\" and \"except\" may be set"), f.errors());
    }

    @Test
    void onlyNamingAnUnknownBuild() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"provisioners\": [{\"type\": \"shell\", "
                + "\"only\": [\"qemo\"]}]}");
        Problem p = f.errorAt("provisioners[0].only[0]");
        assertEquals("\"only\" names build \"qemo\", which does not exist; did you mean \"qemu\"?", p.message());
        assertEquals("the builds are: qemu, aws", p.hint());
    }

    @Test
    void exceptNamingAnUnknownBuild() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"post-processors\": [[{\"type\": \"manifest\", "
                + "\"except\": [\"azure\"]}]]}");
        assertEquals(List.of("post-processors[0][0].except[0]: \"except\" names build \"azure\", which does not exist"),
                f.errors());
    }

    @Test
    void globsAreAllowedWhenTheyMatchABuild() {
        Template t = TemplateFixture.valid("{" + TWO_BUILDS + ", \"provisioners\": [{\"type\": \"shell\", "
                + "\"only\": [\"q*\", \"a?s\"]}]}");
        assertEquals(List.of("q*", "a?s"), t.provisioners().get(0).only());
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"provisioners\": [{\"type\": \"shell\", "
                + "\"except\": [\"z*\"]}]}");
        // No did-you-mean for a pattern.
        assertEquals(List.of("provisioners[0].except[0]: \"except\" names build \"z*\", which does not exist"), f.errors());
    }

    @Test
    void overrideNamingAnUnknownBuild() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"provisioners\": [{\"type\": \"shell\", "
                + "\"override\": {\"qemo\": {}, \"aws\": {\"inline\": []}}}]}");
        assertEquals(List.of("provisioners[0].override.qemo: override names build \"qemo\", which does not exist; did you "
                + "mean \"qemu\"?"), f.errors());
        assertEquals(List.of("aws"), List.copyOf(f.template.provisioners().get(0).overrides().keySet()));
    }

    @Test
    void errorCleanupProvisionerIsChecked() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"error-cleanup-provisioner\": {\"type\": "
                + "\"shell-local\", \"only\": [\"nope\"]}}");
        assertEquals("shell-local", f.template.errorCleanupProvisioner().type());
        f.errorAt("error-cleanup-provisioner.only[0]");
    }

    @Test
    void postProcessorForms() {
        Template t = TemplateFixture.valid("{" + TWO_BUILDS + ", \"post-processors\": [\"manifest\", {\"type\": "
                + "\"compress\", \"name\": \"zip\", \"keep_input_artifact\": true, \"output\": \"x.tgz\"}, "
                + "[{\"type\": \"compress\"}, \"checksum\"]]}");
        List<List<PostProcessorDef>> chains = t.postProcessors();
        assertEquals(3, chains.size());
        PostProcessorDef manifest = chains.get(0).get(0);
        assertEquals("manifest", manifest.type());
        assertNull(manifest.name());
        assertTrue(manifest.config().isEmpty());
        assertNull(manifest.keepInputArtifact());
        assertEquals("post-processors[0]", manifest.path().toString());
        PostProcessorDef zip = chains.get(1).get(0);
        assertEquals("zip", zip.displayName());
        assertEquals(Boolean.TRUE, zip.keepInputArtifact());
        assertEquals("{\"output\":\"x.tgz\"}", zip.config().toString());
        assertEquals(List.of("compress", "checksum"), chains.get(2).stream().map(PostProcessorDef::type).toList());
        assertEquals("post-processors[2][1]", chains.get(2).get(1).path().toString());
    }

    @Test
    void aSequenceInsideASequenceIsOneClearError() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"post-processors\": [[\"compress\", "
                + "[\"checksum\"]]]}");
        assertEquals(List.of("post-processors[0][1]: a post-processor sequence cannot contain another sequence"),
                f.errors());
        assertEquals(List.of("compress"), f.template.postProcessors().get(0).stream().map(PostProcessorDef::type).toList());
    }

    @Test
    void aPostProcessorWithoutTypeIsASchemaError() {
        TemplateFixture f = TemplateFixture.parse("{" + TWO_BUILDS + ", \"post-processors\": [{\"output\": \"x\"}]}");
        assertFalse(f.errors().isEmpty());
        assertTrue(f.template.postProcessors().isEmpty());
    }
}
