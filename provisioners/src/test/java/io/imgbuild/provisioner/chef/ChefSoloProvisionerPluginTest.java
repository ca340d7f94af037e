package io.imgbuild.provisioner.chef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.provisioner.TestFiles;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chef-solo provisioner's checks, with the corpus's case. */
class ChefSoloProvisionerPluginTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corpusFiles() throws IOException {
        TestFiles.corpusHelpers(dir);
    }

    private Prepared<Provisioner> prepare(String json) {
        return PluginConfigs.prepare(new ChefSoloProvisionerPlugin(), json, dir);
    }

    @Test
    void corpusChefSoloIsAccepted() {
        var r = prepare("""
                {"type": "chef-solo", "cookbook_paths": ["cookbooks"], "run_list": ["recipe[base]"],
                 "skip_install": true, "json": {"base": {"x": 1}}}""");
        assertEquals(List.of(), r.errorTexts());
        ChefSoloConfig c = r.config().bind(ChefSoloConfig.class);
        assertEquals(1, c.json().path("base").path("x").asInt());
        assertNull(c.effectiveChefLicense());
        TestFiles.assertNeedsSsh(r.prepared(), "chef-solo");
    }

    @Test
    void pathsAreChecked() throws IOException {
        Files.createDirectories(dir.resolve("tpl"));
        var r = prepare("{\"cookbook_paths\": [\"cookbooks\", \"nope\"], \"roles_path\": \"files/motd\","
                + " \"config_template\": \"tpl\"}");
        assertTrue(r.hasError("cookbook_paths[1]", "does not exist"), r.errorTexts()::toString);
        assertTrue(r.hasError("roles_path", "not a directory"), r.errorTexts()::toString);
        assertTrue(r.hasError("config_template", "is a directory"), r.errorTexts()::toString);
    }

    @Test
    void licenseDefaultsToAcceptSilentWithTheDefaultInstall() {
        var r = prepare("{\"run_list\": [\"recipe[base]\"]}");
        assertEquals("accept-silent", r.config().bind(ChefSoloConfig.class).effectiveChefLicense());
    }

    @Test
    void guestOsType() {
        assertTrue(prepare("{\"guest_os_type\": \"darwin\"}").hasError("guest_os_type", "unix or windows"));
        assertEquals(List.of(), prepare("{\"guest_os_type\": \"UNIX\"}").errorTexts());
    }

    @Test
    void userVariablesInJsonAreRendered() {
        var r = PluginConfigs.prepare(new ChefSoloProvisionerPlugin(), "{\"json\": {\"a\": [\"{{user `v`}}\"]}}",
                io.imgbuild.core.interpolate.InterpolationContext.builder().workingDir(dir).templateDir(dir)
                        .buildName("b").buildType("qemu").declaredVariables(Map.of("v", "rendered")).build());
        assertEquals(List.of(), r.errorTexts());
        assertEquals("rendered", r.config().bind(ChefSoloConfig.class).json().path("a").path(0).asString());
    }
}
