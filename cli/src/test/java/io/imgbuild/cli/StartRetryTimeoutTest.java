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
 * the next shell provisioner gives up after its start_retry_timeout, not after ssh_timeout, and says
 * what it was doing and why SSH failed.
 */
class StartRetryTimeoutTest {

    @Test
    void aMachineThatNeverComesBackFailsAtStartRetryTimeoutNotSshTimeout(@TempDir Path dir) throws Exception {
        try (OpenSshServer s = OpenSshServer.start()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_private_key_file": "%s", "ssh_timeout": "10m"}],
                     "provisioners": [
                       {"type": "shell", "inline": ["sleep 60"], "expect_disconnect": true, "skip_clean": true},
                       {"type": "shell", "inline": ["echo never"], "start_retry_timeout": "5s"}]}
                    """.formatted(s.host(), s.port(), s.user(), s.privateKey()));
            CompletableFuture<CliRun.Result> build = CompletableFuture.supplyAsync(() -> CliRun.in(dir, "build", "t.json"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!s.sessionRuns("sleep") && System.nanoTime() < deadline && !build.isDone()) {
                Thread.sleep(20);
            }
            assertTrue(s.sessionRuns("sleep"), "the first script started");
            // The machine goes down for good: nothing listens any more, and the running session drops.
            s.stopListener();
            long goneAt = System.nanoTime();
            s.killSessions();
            CliRun.Result r = build.get(60, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - goneAt);
            assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
            assertTrue(r.out().contains("as expected (expect_disconnect)"), r.out());
            assertTrue(r.out().contains("gave up uploading inline script to /tmp/script_"), r.out());
            assertTrue(r.out().contains("after 1 try within start_retry_timeout (5s)"), r.out());
            assertTrue(r.out().contains("attempts failed with: connection refused"), "the last SSH reason:\n" + r.out());
            assertTrue(seconds < 20, "the build failed " + seconds + " s after the machine went away");
        }
    }
}
