package io.imgbuild.provisioner.shell;

import static io.imgbuild.provisioner.TestFiles.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.UiEvent.Level;
import io.imgbuild.provisioner.Guest;
import io.imgbuild.provisioner.TestContext;
import io.imgbuild.testkit.PluginConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell provisioner against a real sshd: scripts really run on the "guest" (this machine). */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ShellProvisionerGuestTest {

    private static Guest guest;

    @TempDir
    Path work;

    private TestContext ctx;
    private String folder;

    @BeforeAll
    static void startGuest() throws Exception {
        guest = Guest.start();
    }

    @AfterAll
    static void stopGuest() {
        if (guest != null) {
            guest.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        ctx = guest.connect(work);
        folder = guest.newDir(ctx.comm(), "shell");
    }

    @AfterEach
    void disconnect() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private Provisioner prepare(String json) {
        return PluginConfigs.prepare(new ShellProvisionerPlugin(), json, work).requireNoErrors().prepared();
    }

    private void run(String json) throws Exception {
        prepare(json).provision(ctx);
    }

    private StepFailure fails(String json) {
        Provisioner p = prepare(json);
        return assertThrows(StepFailure.class, () -> p.provision(ctx), ctx::dump);
    }

    private List<String> out() {
        return ctx.lines(Level.MESSAGE);
    }

    private List<String> folderContents() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(folder))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** One line per variable: printf 'NAME=[%s]\n' "$NAME". */
    private static final List<String> PRINT_TRICKY = Stream.of("SPACES", "QUOTES", "DOLLAR", "BACKSLASH", "UNICODE",
            "NEWLINE", "EMPTY", "EQUALS", "FROM_ENV", "CLASH", "PACKER_BUILD_NAME", "PACKER_BUILDER_TYPE",
            "PACKER_HTTP_ADDR", "PACKER_RUN_UUID").map(v -> "printf '" + v + "=[%s]\\n' \"$" + v + "\"").toList();

    private static final List<String> TRICKY_VARS = List.of(
            "SPACES=two  spaces and\ta tab",
            "QUOTES=it's \"double\" and 'single'",
            "DOLLAR=$HOME and ${USER} and $(id -u) and `id -u`",
            "BACKSLASH=a\\b\\\\c\\n",
            "UNICODE=héllo wörld ✓ 日本語",
            "NEWLINE=line1\nline2",
            "EMPTY=",
            "EQUALS=a=b=c",
            "CLASH=from environment_vars");

    private static final Map<String, String> TRICKY_ENV = Map.of("FROM_ENV", "map value", "CLASH", "from env");

    private static final List<String> TRICKY_EXPECTED = List.of(
            "SPACES=[two  spaces and\ta tab]",
            "QUOTES=[it's \"double\" and 'single']",
            "DOLLAR=[$HOME and ${USER} and $(id -u) and `id -u`]",
            "BACKSLASH=[a\\b\\\\c\\n]",
            "UNICODE=[héllo wörld ✓ 日本語]",
            "NEWLINE=[line1",
            "line2]",
            "EMPTY=[]",
            "EQUALS=[a=b=c]",
            "FROM_ENV=[map value]",
            "CLASH=[from env]",
            "PACKER_BUILD_NAME=[test-build]",
            "PACKER_BUILDER_TYPE=[null]",
            "PACKER_HTTP_ADDR=[10.0.2.2:8123]",
            "PACKER_RUN_UUID=[run-uuid-1]");

    @Test
    void inlineGetsTrickyEnvironmentValuesUnchanged() throws Exception {
        run(json("inline", PRINT_TRICKY, "environment_vars", TRICKY_VARS, "env", TRICKY_ENV, "remote_folder", folder));
        assertEquals(TRICKY_EXPECTED, out(), ctx::dump);
        assertTrue(ctx.lines(Level.SAY).contains("Provisioning with shell script: inline script"), ctx::dump);
        assertEquals(List.of(), folderContents(), "the uploaded script is removed");
    }

    @Test
    void useEnvVarFileSourcesTheVariablesFromAFileAndRemovesIt() throws Exception {
        run(json("inline", PRINT_TRICKY, "environment_vars", TRICKY_VARS, "env", TRICKY_ENV, "use_env_var_file", true,
                "remote_folder", folder));
        assertEquals(TRICKY_EXPECTED, out(), ctx::dump);
        assertEquals(List.of(), folderContents(), "script and variable file are removed");
    }

    @Test
    void useEnvVarFileWithSkipCleanLeavesAPrivateFileOfExports() throws Exception {
        run(json("inline", List.of("echo \"run by $0\"", "echo \"a=$A\""), "environment_vars", List.of("A=it's"),
                "use_env_var_file", true, "skip_clean", true, "remote_folder", folder));
        assertEquals("a=it's", out().get(1), ctx::dump);
        List<String> files = folderContents();
        String varFile = files.stream().filter(f -> f.matches("varfile_\\d{4}\\.sh")).findFirst()
                .orElseThrow(() -> new AssertionError(files));
        Path vf = Path.of(folder, varFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(vf)));
        String content = Files.readString(vf);
        assertTrue(content.contains("export A='it'\"'\"'s'\n"), content);
        assertTrue(content.contains("export PACKER_BUILD_NAME='test-build'\n"), content);
    }

    @Test
    void buildFunctionInInlineIsRenderedWhenTheScriptRuns() throws Exception {
        run(json("inline", List.of("echo \"host={{ build `Host` }}\"", "echo \"name=$BUILD_NAME\""),
                "environment_vars", List.of("BUILD_NAME={{ build `BuildName` }}"), "remote_folder", folder));
        assertEquals(List.of("host=guest.example", "name=test-build"), out(), ctx::dump);
    }

    @Test
    void scriptAndScriptsRunInOrderAndAreRemoved() throws Exception {
        Files.createDirectories(work.resolve("scripts"));
        Files.writeString(work.resolve("scripts/a.sh"), "#!/bin/sh\necho from-a\n");
        Files.writeString(work.resolve("scripts/b.sh"), "#!/bin/sh\necho from-b\necho to-stderr >&2\n");
        run(json("scripts", List.of("scripts/a.sh", "scripts/b.sh"), "remote_folder", folder));
        assertEquals(List.of("from-a", "from-b"), out(), ctx::dump);
        assertEquals(List.of("to-stderr"), ctx.lines(Level.ERROR), "standard error is shown as errors");
        List<String> says = ctx.lines(Level.SAY);
        assertTrue(says.indexOf("Provisioning with shell script: scripts/a.sh") >= 0
                && says.indexOf("Provisioning with shell script: scripts/a.sh")
                < says.indexOf("Provisioning with shell script: scripts/b.sh"), ctx::dump);
        assertEquals(List.of(), folderContents());

        run(json("script", "scripts/a.sh", "remote_folder", folder));
        assertEquals("from-a", out().get(out().size() - 1));
    }

    @Test
    void severalScriptsGetTheirOwnRandomNames() throws Exception {
        Files.writeString(work.resolve("a.sh"), "#!/bin/sh\necho \"$0\"\n");
        Files.writeString(work.resolve("b.sh"), "#!/bin/sh\necho \"$0\"\n");
        run(json("scripts", List.of("a.sh", "b.sh"), "remote_folder", folder + "/"));
        List<String> paths = out();
        assertEquals(2, paths.size(), ctx::dump);
        for (String p : paths) {
            assertTrue(p.matches(java.util.regex.Pattern.quote(folder) + "/script_\\d{4}\\.sh"), p);
        }
        assertFalse(paths.get(0).equals(paths.get(1)), paths::toString);
    }

    @Test
    void customExecuteCommandGetsVarsAndPath() throws Exception {
        Files.writeString(work.resolve("greet.sh"), "echo \"arg=$1 greeting=$GREETING\"\n");
        run(json("script", "greet.sh", "environment_vars", List.of("GREETING=hello world"), "remote_folder", folder,
                "execute_command", "{{.Vars}} /bin/sh -x {{.Path}} first-arg"));
        assertEquals(List.of("arg=first-arg greeting=hello world"), out(), ctx::dump);
        assertTrue(ctx.lines(Level.ERROR).stream().anyMatch(l -> l.startsWith("+ echo")), "sh -x traces on stderr: "
                + ctx.dump());
    }

    @Test
    void validExitCodesAllowOtherStatuses() throws Exception {
        run(json("inline", List.of("exit 2"), "valid_exit_codes", List.of(0, 2), "remote_folder", folder));
        StepFailure f = fails(json("inline", List.of("exit 3"), "valid_exit_codes", List.of(0, 2),
                "remote_folder", folder));
        assertEquals("script inline script exited with status 3; allowed: [0, 2]", f.getMessage());
    }

    @Test
    void aNonZeroExitFailsAndNamesTheScript() throws Exception {
        Files.writeString(work.resolve("bad.sh"), "#!/bin/sh\necho failing >&2\nexit 1\n");
        StepFailure f = fails(json("script", "bad.sh", "remote_folder", folder));
        assertEquals("script bad.sh exited with status 1; allowed: [0]", f.getMessage());
        assertTrue(ctx.lines(Level.ERROR).contains("failing"), ctx::dump);
    }

    @Test
    void skipCleanLeavesTheScriptAndTheDefaultRemovesIt() throws Exception {
        String kept = folder + "/kept.sh";
        run(json("inline", List.of("echo hi"), "remote_path", kept, "skip_clean", true));
        Path p = Path.of(kept);
        assertTrue(Files.exists(p), ctx::dump);
        assertEquals("#!/bin/sh -e\necho hi\n", Files.readString(p));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));

        String removed = folder + "/removed.sh";
        run(json("inline", List.of("echo hi"), "remote_path", removed));
        assertFalse(Files.exists(Path.of(removed)));
        assertEquals(List.of("kept.sh"), folderContents());
    }

    @Test
    void inlineShebangAndRemoteFileAreUsed() throws Exception {
        run(json("inline", List.of("echo \"$0\"", "echo $BASH_VERSION | cut -c1"), "inline_shebang", "/bin/bash -e",
                "remote_folder", folder, "remote_file", "fixed-name.sh"));
        assertEquals(folder + "/fixed-name.sh", out().get(0), ctx::dump);
        assertTrue(out().get(1).matches("\\d"), "bash ran it: " + ctx.dump());
        assertEquals(List.of(), folderContents(), "removed");
    }

    @Test
    void expectDisconnectAcceptsAConnectionThatDrops() throws Exception {
        runUntilSessionsAreKilled(json("inline", List.of("echo started", "sleep 60"), "expect_disconnect", true,
                "remote_folder", folder));
        assertTrue(out().stream().anyMatch(l -> l.contains("as expected")), ctx::dump);
        assertEquals(List.of(), folderContents(), "the script is removed after reconnecting");
    }

    @Test
    void packersDisconnectExitCodeAcceptsADisconnectToo() throws Exception {
        runUntilSessionsAreKilled(json("inline", List.of("echo started", "sleep 60"),
                "valid_exit_codes", List.of(0, 2300218), "remote_folder", folder));
    }

    @Test
    void anUnexpectedDisconnectFailsWithTheHint() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> runUntilSessionsAreKilled(
                json("inline", List.of("echo started", "sleep 60"), "remote_folder", folder)));
        assertTrue(e.getCause() instanceof StepFailure, () -> String.valueOf(e.getCause()));
        String m = e.getCause().getMessage();
        assertTrue(m.contains("dropped while inline script was running"), m);
        assertTrue(m.contains("\"expect_disconnect\": true"), m);
    }

    private CompletableFuture<Void> provisionInBackground(Provisioner p) {
        return CompletableFuture.runAsync(() -> {
            try {
                p.provision(ctx);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** Runs the provisioner, kills the guest's SSH sessions once the script said "started", waits for the end. */
    private void runUntilSessionsAreKilled(String json) throws Exception {
        Provisioner p = prepare(json);
        CompletableFuture<Void> done = provisionInBackground(p);
        ctx.awaitLine(l -> l.equals("MESSAGE started"), Duration.ofSeconds(30));
        guest.server().killSessions();
        done.get(90, TimeUnit.SECONDS);
    }

    @Test
    void cancellingStopsARunningScript() throws Exception {
        Provisioner p = prepare(json("inline", List.of("echo started", "sleep 60"), "remote_folder", folder));
        CompletableFuture<Void> done = provisionInBackground(p);
        ctx.awaitLine(l -> l.equals("MESSAGE started"), Duration.ofSeconds(30));
        long start = System.nanoTime();
        ctx.cancellation().cancel("timeout");
        ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof io.imgbuild.core.step.CancelledException, () -> String.valueOf(e.getCause()));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "stopped promptly");
    }

    @Test
    void uploadAndStartAreRetriedUntilStartRetryTimeout() throws Exception {
        String missing = folder + "/no-such-dir";
        StepFailure f = fails(json("inline", List.of("echo never"), "remote_folder", missing,
                "start_retry_timeout", "3s"));
        assertTrue(f.getMessage().startsWith("gave up uploading inline script to " + missing + "/script_"), f.getMessage());
        assertTrue(f.getMessage().contains("start_retry_timeout (3s)"), f.getMessage());
        assertTrue(out().stream().anyMatch(l -> l.startsWith("Retrying: uploading inline script")), ctx::dump);
    }

    @Test
    void windowsLineEndingsAreConvertedUnlessBinary() throws Exception {
        Files.write(work.resolve("crlf.sh"), "echo crlf\r\n".getBytes(StandardCharsets.UTF_8));
        run(json("script", "crlf.sh", "remote_folder", folder, "execute_command", "sh {{.Path}} | od -c | head -1"));
        assertTrue(ctx.lines(Level.MESSAGE).stream().anyMatch(l -> l.contains("converted Windows line endings")), ctx::dump);
        assertTrue(!out().get(0).contains("\\r"), "no \\r reached the guest: " + ctx.dump());
    }

    @Test
    void binaryScriptsAreUploadedByteForByte() throws Exception {
        Files.write(work.resolve("crlf.sh"), "echo crlf\r\n".getBytes(StandardCharsets.UTF_8));
        run(json("script", "crlf.sh", "binary", true, "remote_folder", folder, "execute_command",
                "sh {{.Path}} | od -c | head -1"));
        assertTrue(out().get(0).contains("\\r"), "the \\r reached the guest: " + ctx.dump());
    }

    @Test
    void pauseAfterWaits() throws Exception {
        long start = System.nanoTime();
        run(json("inline", List.of("true"), "pause_after", "1s", "remote_folder", folder));
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos());
        assertTrue(ctx.lines(Level.SAY).contains("Pausing 1s after this provisioner..."), ctx::dump);
    }
}
