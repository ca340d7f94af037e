package io.imgbuild.provisioner.salt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.provisioner.TestFiles;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The salt-masterless provisioner's checks, with the corpus's case. */
class SaltMasterlessProvisionerPluginTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corpusFiles() throws IOException {
        TestFiles.corpusHelpers(dir);
    }

    private Prepared<Provisioner> prepare(String json) {
        return PluginConfigs.prepare(new SaltMasterlessProvisionerPlugin(), json, dir);
    }

    @Test
    void corpusSaltMasterlessIsAccepted() {
        var r = prepare("""
                {"type": "salt-masterless", "local_state_tree": "salt/states", "local_pillar_roots": "salt/pillar",
                 "skip_bootstrap": true, "log_level": "info"}""");
        assertEquals(List.of(), r.errorTexts());
        TestFiles.assertNeedsSsh(r.prepared(), "salt-masterless");
    }

    @Test
    void stateTreeMustBeADirectory() {
        var r = prepare("{\"local_state_tree\": \"salt/states/top.sls\"}");
        assertTrue(r.hasError("local_state_tree", "not a directory"), r.errorTexts()::toString);
    }

    @Test
    void remoteTreesCannotBeUsedWithMinionConfig() throws IOException {
        Files.writeString(dir.resolve("minion"), "file_client: local\n");
        var r = prepare("{\"local_state_tree\": \"salt/states\", \"minion_config\": \"minion\","
                + " \"remote_state_tree\": \"/srv/salt\", \"remote_pillar_roots\": \"/srv/pillar\"}");
        assertTrue(r.hasError("remote_state_tree", "minion_config"), r.errorTexts()::toString);
        assertTrue(r.hasError("remote_pillar_roots", "minion_config"), r.errorTexts()::toString);
        assertEquals(List.of(), prepare("{\"local_state_tree\": \"salt/states\", \"minion_config\": \"minion\"}")
                .errorTexts(), "the defaults of the remote trees do not count");
    }

    @Test
    void formulasNeedASubdirectory() {
        var r = prepare("{\"local_state_tree\": \"salt/states\", \"formulas\": ["
                + "\"git::https://github.com/saltstack-formulas/nginx-formula//nginx?ref=v1\","
                + " \"https://github.com/saltstack-formulas/ntp-formula\"]}");
        assertEquals(List.of("formulas[1]: formula \"https://github.com/saltstack-formulas/ntp-formula\" names no"
                + " subdirectory"), r.errorTexts());
    }

    @Test
    void guestOsTypeIsUnixOrWindows() {
        assertEquals(List.of(), prepare("{\"local_state_tree\": \"salt/states\", \"guest_os_type\": \"Windows\"}")
                .errorTexts());
        var r = prepare("{\"local_state_tree\": \"salt/states\", \"guest_os_type\": \"linux\"}");
        assertTrue(r.hasError("guest_os_type", "unix or windows"), r.errorTexts()::toString);
        var typo = prepare("{\"local_state_tree\": \"salt/states\", \"guest_os_type\": \"windwos\"}");
        assertTrue(typo.hasError("guest_os_type", "did you mean \"windows\"?"), typo.errorTexts()::toString);
    }
}
