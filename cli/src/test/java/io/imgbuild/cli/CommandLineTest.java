package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.core.run.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packer's flags and habits, and where imgbuild is deliberately stricter. */
class CommandLineTest {

    private static final String TWO_BUILDS = """
            {"variables": {"greeting": "default"},
             "builders": [{"type": "null", "name": "alpha", "communicator": "none"},
                          {"type": "null", "name": "zeta", "communicator": "none"}],
             "provisioners": [{"type": "shell-local", "inline": ["echo {{build_name}} says {{user `greeting`}}"]}]}
            """;

    @Test
    void onlyThatMatchesNothingIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), TWO_BUILDS);
        CliRun.Result r = CliRun.in(dir, "build", "-only=alhpa", "t.json");
        assertEquals(ExitCodes.INVALID_TEMPLATE, r.exitCode(), r.all());
        assertTrue(r.err().contains("-only: \"alhpa\" matches no build; did you mean \"alpha\"?"), r.err());
    }

    @Test
    void onlyTakesGlobsAndBuildsRunInTemplateOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "name": "zeta", "communicator": "none"},
                              {"type": "null", "name": "alpha", "communicator": "none"},
                              {"type": "null", "name": "other", "communicator": "none"}],
                 "provisioners": [{"type": "shell-local", "inline": ["echo ran {{build_name}} >> order.txt"]}]}
                """);
        CliRun.Result r = CliRun.in(dir, "build", "-parallel-builds=1", "-only", "zeta,al*", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("ran zeta\nran alpha\n", Files.readString(dir.resolve("order.txt")));
    }

    @Test
    void theLaterVariableFlagWinsWhateverItsKind(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), TWO_BUILDS);
        Files.writeString(dir.resolve("vars.json"), "{\"greeting\": \"from-file\"}");
        CliRun.Result fileLast = CliRun.in(dir, "build", "-only=alpha", "-var", "greeting=from-flag", "-var-file=vars.json",
                "t.json");
        assertTrue(fileLast.out().contains("alpha says from-file"), fileLast.out());
        CliRun.Result flagLast = CliRun.in(dir, "build", "-only=alpha", "-var-file=vars.json", "-var", "greeting=from-flag",
                "t.json");
        assertTrue(flagLast.out().contains("alpha says from-flag"), flagLast.out());
    }

    @Test
    void variableFlagsRepeatAndTheLastOfANameWins(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), TWO_BUILDS);
        CliRun.Result r = CliRun.in(dir, "build", "-only=alpha", "-var", "greeting=first",
                "-var", "greeting=second", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("alpha says second"), r.out());
    }

    @Test
    void gnuStyleFlagsWorkToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), TWO_BUILDS);
        CliRun.Result r = CliRun.in(dir, "build", "--only=zeta", "--var", "greeting=hi", "--color=false", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("zeta says hi"), r.out());
    }

    @Test
    void syntaxOnlyChecksStructureButNotPluginSettings(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "communicator": "none", "bogus_key": 1}]}
                """);
        assertEquals(0, CliRun.in(dir, "validate", "-syntax-only", "t.json").exitCode());
        CliRun.Result full = CliRun.in(dir, "validate", "t.json");
        assertEquals(1, full.exitCode());
        assertTrue(full.err().contains("t.json:1:56: builders[0].bogus_key: unknown key \"bogus_key\""), full.err());
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {
                  "builders": [
                    {"type": "null", "communicator": "none", "ssh_tiemout": "5m"},
                    {"type": "file", "name": "f", "content": "{{user `missing`}}"}
                  ],
                  "provisioners": [{"type": "shell-local", "inline": ["x"], "pause_before": "soon"}]
                }
                """);
        CliRun.Result r = CliRun.in(dir, "validate", "t.json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("builders[0].ssh_tiemout: unknown key \"ssh_tiemout\"; did you mean \"ssh_timeout\"?"),
                r.err());
        assertTrue(r.err().contains("t.json:4:54: builders[1].content: undeclared variable \"missing\""), r.err());
        assertTrue(r.err().contains("builders[1].target: missing required key \"target\""), r.err());
        assertTrue(r.err().contains("provisioners[0].pause_before: \"soon\" is not a duration"), r.err());
        assertTrue(r.err().contains("4 errors."), r.err());
    }

    @Test
    void aTemplateErrorExitsWithTheInvalidTemplateCodeAndNoStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), "{\"builders\": [{\"type\": \"null\",}]}");
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(ExitCodes.INVALID_TEMPLATE, r.exitCode());
        assertTrue(r.err().contains("t.json:1:31: invalid JSON"), r.err());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    @Test
    void requiredVariableMissingSaysHowToSetIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"variables": {"region": null}, "builders": [{"type": "null", "communicator": "none"}]}
                """);
        CliRun.Result r = CliRun.in(dir, "validate", "t.json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("variables.region: required variable \"region\" is not set"), r.err());
        assertTrue(r.err().contains("-var 'region=VALUE'"), r.err());
    }

    @Test
    void aFailingProvisionerFailsTheBuildWithItsExitCode(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "communicator": "none"}],
                 "provisioners": [{"type": "shell-local", "inline": ["exit 3"]}]}
                """);
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertTrue(r.out().contains("script exited with status 3; allowed exit codes are [0]"), r.out());
    }

    @Test
    void retriesWithPauseAndTimeoutAllApply(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "communicator": "none"}],
                 "provisioners": [{"type": "shell-local", "pause_before": "1s", "timeout": "1s", "max_retries": 1,
                                   "inline": ["echo try >> tries.txt", "sleep 30"]}]}
                """);
        long start = System.nanoTime();
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertEquals(2, Files.readAllLines(dir.resolve("tries.txt")).size(), "one try and one retry");
        assertTrue(r.out().contains("Pausing 1s before the next provisioner"), r.out());
        assertTrue(r.out().contains("timed out after 1s (gave up after 2 tries)"), r.out());
        assertTrue(seconds < 25, "the timeout stopped the 30 s sleeps; took " + seconds + " s");
    }

    @Test
    void inspectListsWhatTheTemplateDeclares(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"description": "Base image", "variables": {"a": "1", "secret": "hunter2", "req": null},
                 "sensitive-variables": ["secret"],
                 "builders": [{"type": "null", "name": "n", "communicator": "none"}],
                 "post-processors": [["checksum", "manifest"], {"type": "shell-local", "name": "notify", "inline": ["x"]}]}
                """);
        CliRun.Result r = CliRun.in(dir, "inspect", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Base image"));
        assertTrue(r.out().contains("secret = <sensitive>"), r.out());
        assertFalse(r.out().contains("hunter2"));
        assertTrue(r.out().contains("1: checksum -> manifest"), r.out());
        assertTrue(r.out().contains("  n (null)"), r.out());
        CliRun.Result m = CliRun.in(dir, "inspect", "-machine-readable", "t.json");
        assertTrue(m.out().contains(",,template-variable,req,,1"), m.out());
        assertTrue(m.out().contains(",,template-builder,n,null"), m.out());
    }

    @Test
    void fixUpgradesOldKeysAndKeepsOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "communicator": "none", "ssh_wait_timeout": "10m",
                               "ssh_key_path": "k", "name": "a"}]}
                """);
        CliRun.Result r = CliRun.in(dir, "fix", "-validate=false", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        String out = r.out().replaceAll("\\s+", " ");
        assertTrue(out.contains("\"ssh_timeout\" : \"10m\", \"ssh_private_key_file\" : \"k\", \"name\" : \"a\""), out);
        assertTrue(r.err().contains("fixed (ssh-wait-timeout)"), r.err());
    }

    @Test
    void helpAndVersionAndCompletion(@TempDir Path dir) {
        CliRun.Result help = CliRun.in(dir, "build", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("-on-error"), help.out());
        CliRun.Result version = CliRun.in(dir, "version");
        assertTrue(version.out().startsWith("imgbuild "), version.out());
        CliRun.Result completion = CliRun.in(dir, "completion", "bash");
        assertTrue(completion.out().contains("complete -F"), completion.out());
        assertTrue(completion.out().contains("validate"), "every command is completed");
        CliRun.Result unknown = CliRun.in(dir, "biuld");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
    }
}
