package io.imgbuild.postprocessor.vagrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VagrantPostProcessorPluginTest {

    @TempDir
    Path dir;

    private Prepared<PostProcessor> prepare(String json) {
        return PluginConfigs.prepare(new VagrantPostProcessorPlugin(), json, dir);
    }

    private static VagrantConfig config(Prepared<PostProcessor> r) {
        return ((VagrantPostProcessor) r.prepared()).config();
    }

    @Test
    void corpusDefaultVagrantIsAccepted() {
        var r = prepare("{\"type\": \"vagrant\"}");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(List.of(), r.warningTexts());
        assertEquals(6, config(r).compressionLevel());
        assertEquals("packer_{{.BuildName}}_{{.Provider}}.box", config(r).output());
    }

    @Test
    void compressionLevelIs0To9() {
        var r = prepare("{\"compression_level\": 10}");
        assertTrue(r.errorTexts().stream().anyMatch(t -> t.startsWith("compression_level")), r.errorTexts()::toString);
        var zero = prepare("{\"compression_level\": 0}");
        assertEquals(List.of(), zero.errorTexts());
        assertTrue(!config(zero).compressed());
    }

    @Test
    void vagrantfileTemplateMustExistUnlessGenerated() throws IOException {
        var r = prepare("{\"vagrantfile_template\": \"Vagrantfile.tpl\"}");
        assertTrue(r.hasError("vagrantfile_template", "does not exist"), r.errorTexts()::toString);
        assertEquals(List.of(), prepare("{\"vagrantfile_template\": \"Vagrantfile.tpl\","
                + " \"vagrantfile_template_generated\": true}").errorTexts());
        Files.writeString(dir.resolve("Vagrantfile.tpl"), "Vagrant.configure(2) {}\n");
        assertEquals(List.of(), prepare("{\"vagrantfile_template\": \"Vagrantfile.tpl\"}").errorTexts());
    }

    @Test
    void missingIncludeIsOnlyAWarning() {
        var r = prepare("{\"include\": [\"info.json\"]}");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("include", "info.json"), r.warningTexts()::toString);
    }

    @Test
    void overridesAreCheckedAndMerged() {
        var r = prepare("{\"compression_level\": 9, \"override\": {\"libvirt\": {\"vagrantfile_template\": \"nope\","
                + " \"compression_level\": 1}, \"virtualbox\": {\"output\": \"vb.box\"}}}");
        assertEquals(List.of("override.libvirt.vagrantfile_template: local file \"nope\" does not exist (looked at "
                + dir.resolve("nope") + ")"), r.errorTexts());
        var ok = prepare("{\"compression_level\": 9, \"override\": {\"libvirt\": {\"compression_level\": 1},"
                + " \"virtualbox\": {\"output\": \"vb.box\"}}}");
        assertEquals(List.of(), ok.errorTexts());
        VagrantConfig c = config(ok);
        assertEquals(1, c.forProvider("libvirt").compressionLevel());
        assertEquals("vb.box", c.forProvider("virtualbox").output());
        assertEquals(9, c.forProvider("virtualbox").compressionLevel());
        assertEquals(9, c.forProvider("aws").compressionLevel());
    }

    @Test
    void unknownProviderIsRejectedByTheSchema() {
        var r = prepare("{\"provider_override\": \"kvm\"}");
        assertTrue(r.errorTexts().stream().anyMatch(t -> t.startsWith("provider_override")), r.errorTexts()::toString);
    }

    @Test
    void catalogNeedsANameAndAVagrantVersion() {
        var r = prepare("{\"catalog\": {\"version\": \"1.x y\"}}");
        assertTrue(r.errorTexts().stream().anyMatch(t -> t.startsWith("catalog") && t.contains("name")),
                r.errorTexts()::toString);
        assertTrue(r.hasError("catalog.version", "not a version Vagrant accepts"), r.errorTexts()::toString);
        var ok = prepare("{\"catalog\": {\"name\": \"acme/deb\"}}");
        assertEquals(List.of(), ok.errorTexts());
        assertTrue(config(ok).catalog().version().matches("2\\d{7}\\.\\d{6}"), config(ok).catalog().version());
    }
}
