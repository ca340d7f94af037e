package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine that goes away during provisioning (a reboot, expect_disconnect) and never comes back:
 * the shell provisioner waits for it no longer than its start_retry_timeout, not ssh_timeout, and says
 * what it was doing and why SSH failed.
 */
class StartRetryTimeoutTest {

    /** What the build printed, and how many seconds after the machine went away it ended. */
    private record Outcome(CliRun.Result result, long seconds) {
    }

    @Test
    void theNextScriptFailsAtStartRetryTimeoutNotSshTimeout(@TempDir Path dir) throws Exception {
        Outcome o = buildWhileTheMachineGoesAway(dir, """
                {"type": "shell", "inline": ["sleep 60"], "expect_disconnect": true, "skip_clean": true},
                {"type": "shell", "inline": ["echo never"], "start_retry_timeout": "5s"}""");
        String out = o.result().out();
        assertEquals(ExitCodes.BUILD_FAILED, o.result().exitCode(), o.result().all());
        assertTrue(out.contains("as expected (expect_disconnect)"), out);
        assertTrue(out.contains("gave up uploading inline script to /tmp/script_"), out);
        assertTrue(out.contains("after 1 try within start_retry_timeout (5s)"), out);
        assertTrue(out.contains("attempts failed with: connection refused"), "the last SSH reason:\n" + out);
        assertTrue(o.seconds() < 20, "the build failed " + o.seconds() + " s after the machine went away");
    }

    @Test
    void removingTheScriptAfterTheDisconnectGivesUpAtStartRetryTimeout(@TempDir Path dir) throws Exception {
        Outcome o = buildWhileTheMachineGoesAway(dir, """
                {"type": "shell", "inline": ["sleep 60"], "expect_disconnect": true, "start_retry_timeout": "3s"}""");
        String out = o.result().out();
        assertEquals(0, o.result().exitCode(), "a script left behind is a warning:\n" + o.result().all());
        assertTrue(out.contains("Warning: could not remove inline script /tmp/script_"), out);
        assertTrue(out.contains("connection refused"), out);
        assertTrue(o.seconds() < 15, "the build ended " + o.seconds() + " s after the machine went away");
    }

    /**
     * Builds with the null builder (ssh_timeout 10m) and {@code provisioners}, the first of which
     * runs sleep; once it does, sshd stops for good and the connection drops.
     */
    private static Outcome buildWhileTheMachineGoesAway(Path dir, String provisioners) throws Exception {
        try (OpenSshServer s = OpenSshServer.start()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_private_key_file": "%s", "ssh_timeout": "10m"}],
                     "provisioners": [%s]}
                    """.formatted(s.host(), s.port(), s.user(), s.privateKey(), provisioners));
            CompletableFuture<CliRun.Result> build = CompletableFuture.supplyAsync(() -> CliRun.in(dir, "build", "t.json"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!s.sessionRuns("sleep") && System.nanoTime() < deadline && !build.isDone()) {
                Thread.sleep(20);
            }
            assertTrue(s.sessionRuns("sleep"), "the first script started");
            s.stopListener();
            long goneAt = System.nanoTime();
            s.killSessions();
            CliRun.Result r = build.get(60, TimeUnit.SECONDS);
            return new Outcome(r, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - goneAt));
        }
    }
}
