package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh_read_write_timeout: unset, a command may stay silent as long as it likes (MINA's own 10-minute
 * idle limit must not apply); set, a machine that stops answering ends the command after that long.
 */
class SshIdleTimeoutTest {

    /** MINA reads defaults it was not given from system properties with this prefix (in milliseconds). */
    private static final String MINA_IDLE_DEFAULT = "org.apache.sshd.config.idle-timeout";

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    @Test
    void theSessionHasAnIdleLimitOnlyWhenReadWriteTimeoutIsSet() throws Exception {
        OpenSshServer s = SSHD.server();
        SshSettings settings = SshSettings.of(s.host(), s.port(), s.user(), null, s.privateKey())
                .withTimeout(Duration.ofSeconds(20)).withKeepAliveInterval(Duration.ofSeconds(-1));
        var ui = new Ui(Secrets.global(), List.of(), Clock.systemUTC()).forBuild("idle");
        try (SshCommunicator c = SshCommunicator.connect(settings, ui, Cancellation.root())) {
            assertEquals(Duration.ZERO, c.idleTimeout(), "no ssh_read_write_timeout: the session never idles out");
        }
        try (SshCommunicator c = SshCommunicator.connect(settings.withReadWriteTimeout(Duration.ofSeconds(7)), ui,
                Cancellation.root())) {
            assertEquals(Duration.ofSeconds(7), c.idleTimeout());
        }
    }

    @Test
    void aSilentCommandOutlivesMinasDefaultIdleLimitEvenThroughABastion(@TempDir Path dir) throws Exception {
        // MINA's default (10 minutes) lowered to 1.5 s: a session left on the default would close mid-sleep.
        String before = System.getProperty(MINA_IDLE_DEFAULT);
        System.setProperty(MINA_IDLE_DEFAULT, "1500");
        try (OpenSshServer bastion = OpenSshServer.start()) {
            OpenSshServer s = SSHD.server();
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_private_key_file": "%s", "ssh_timeout": "30s", "ssh_keep_alive_interval": "-1s",
                                   "ssh_bastion_host": "%s", "ssh_bastion_port": %d, "ssh_bastion_username": "%s",
                                   "ssh_bastion_private_key_file": "%s"}],
                     "provisioners": [{"type": "shell", "inline": ["sleep 4", "echo still connected after the silence"]}]}
                    """.formatted(s.host(), s.port(), s.user(), s.privateKey(), bastion.host(), bastion.port(),
                    bastion.user(), bastion.privateKey()));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("still connected after the silence"), r.out());
        } finally {
            if (before == null) {
                System.clearProperty(MINA_IDLE_DEFAULT);
            } else {
                System.setProperty(MINA_IDLE_DEFAULT, before);
            }
        }
    }

    @Test
    void aFrozenMachineEndsTheCommandAfterTheReadWriteTimeout(@TempDir Path dir) throws Exception {
        try (OpenSshServer s = OpenSshServer.start()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_private_key_file": "%s", "ssh_timeout": "30s", "ssh_keep_alive_interval": "-1s",
                                   "ssh_read_write_timeout": "2s"}],
                     "provisioners": [{"type": "shell", "inline": ["sleep 120"]}]}
                    """.formatted(s.host(), s.port(), s.user(), s.privateKey()));
            CompletableFuture<CliRun.Result> build = CompletableFuture.supplyAsync(() -> CliRun.in(dir, "build", "t.json"));
            List<ProcessHandle> frozen = new ArrayList<>();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!s.sessionRuns("sleep") && System.nanoTime() < deadline && !build.isDone()) {
                    Thread.sleep(20);
                }
                assertTrue(s.sessionRuns("sleep"), "the command started");
                // The machine hangs: its sshd (and the command) stop, the TCP connection stays open.
                for (ProcessHandle root : s.sessionProcesses()) {
                    frozen.add(root);
                    root.descendants().forEach(frozen::add);
                }
                signal("STOP", frozen);
                long start = System.nanoTime();
                CliRun.Result r = build.get(60, TimeUnit.SECONDS);
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
                assertTrue(r.out().contains("for 2s (ssh_read_write_timeout), so the SSH connection was closed"), r.out());
                assertTrue(seconds < 10, "the build failed " + seconds + "s after the machine froze");
            } finally {
                signal("CONT", frozen);
                build.get(60, TimeUnit.SECONDS);
            }
        }
    }


    private static void signal(String name, List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("kill", "-s", name, "--"));
        processes.forEach(p -> cmd.add(Long.toString(p.pid())));
        new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }
}
