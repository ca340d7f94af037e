package io.imgbuild.provisioner.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.provisioner.TestFiles;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell provisioner's checks, with the corpus's cases. */
class ShellProvisionerPluginTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corpusFiles() throws IOException {
        TestFiles.corpusHelpers(dir);
    }

    private Prepared<Provisioner> prepare(String json) {
        return PluginConfigs.prepare(new ShellProvisionerPlugin(), json, dir);
    }

    @Test
    void corpusShellNoSourceIsRejected() {
        var r = prepare("{\"type\": \"shell\"}");
        assertEquals(List.of("nothing to run: set one of inline, script or scripts"), r.errorTexts());
        assertTrue(r.errors().get(0).hint().contains("inline"));
    }

    @Test
    void corpusShellScriptsIsAccepted() {
        var r = prepare("{\"type\": \"shell\", \"scripts\": [\"scripts/a.sh\", \"scripts/b.sh\"]}");
        assertEquals(List.of(), r.errorTexts());
        TestFiles.assertNeedsConnection(r.prepared(), "shell", dir);
    }

    @Test
    void corpusShellProvisionerOptionsAreAccepted() {
        var r = prepare("""
                {"type": "shell", "inline": ["echo a", "echo b"], "environment_vars": ["A=1", "B=two words"],
                 "execute_command": "echo 'vagrant' | {{.Vars}} sudo -S -E sh -eux '{{.Path}}'",
                 "expect_disconnect": true, "pause_before": "2s", "max_retries": 2, "timeout": "5m",
                 "valid_exit_codes": [0, 2]}""");
        assertEquals(List.of(), r.errorTexts());
        ShellConfig c = r.config().bind(ShellConfig.class);
        assertEquals(Map.of("A", "1", "B", "two words"), c.environment());
        assertEquals(List.of(0, 2), c.validExitCodes());
    }

    @Test
    void corpusInlineWithOnlyOrExceptIsAccepted() {
        assertEquals(List.of(), prepare("{\"type\": \"shell\", \"inline\": [\"echo hi\"], \"only\": [\"kvm\"]}")
                .errorTexts());
    }

    @Test
    void emptyInlineCountsAsUnset() {
        assertEquals(List.of("nothing to run: set one of inline, script or scripts"),
                prepare("{\"inline\": []}").errorTexts());
    }

    @Test
    void onlyOneSource() {
        var r = prepare("{\"inline\": [\"x\"], \"script\": \"scripts/a.sh\", \"scripts\": [\"scripts/b.sh\"]}");
        assertEquals(List.of("script: only one of inline, script or scripts can be used, and this provisioner sets"
                + " inline and script and scripts"), r.errorTexts());
    }

    @Test
    void missingScriptIsRejectedByTheSchemasPathCheck() {
        var r = prepare("{\"script\": \"scripts/nope.sh\"}");
        assertTrue(r.hasError("script", "does not exist"), r.errorTexts()::toString);
    }

    @Test
    void environmentVariablesNeedANameAndAnEquals() {
        var r = prepare("{\"inline\": [\"x\"], \"environment_vars\": [\"A=1\", \"B\", \"=c\", \"D=\"],"
                + " \"env\": {\"\": \"x\", \"E\": \"y\"}}");
        assertTrue(r.hasError("environment_vars[1]", "not NAME=value"), r.errorTexts()::toString);
        assertTrue(r.hasError("environment_vars[2]", "not NAME=value"), r.errorTexts()::toString);
        assertTrue(r.hasError("env[\"\"]", "needs a name"), r.errorTexts()::toString);
        assertEquals(3, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void envVarFormatMustTakeANameAndAValue() {
        var r = prepare("{\"inline\": [\"x\"], \"env_var_format\": \"%s=%d \"}");
        assertTrue(r.hasError("env_var_format", "not a usable format"), r.errorTexts()::toString);
        assertEquals(List.of(), prepare("{\"inline\": [\"x\"], \"env_var_format\": \"export %s=\\\"%s\\\"; \"}")
                .errorTexts());
    }
}
