package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.cli.testing.CliProcess;
import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.SshAgentProcess;
import io.imgbuild.cli.testing.Shell;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.communicator.ClearTemporaryKeyStep;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.communicator.CommunicatorKeys;
import io.imgbuild.core.communicator.CreateTemporaryKeyStep;
import io.imgbuild.core.communicator.TemporaryKey;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Login with ssh-agent, with a key pair made for the build (and removed from the machine), and pause_before_connecting. */
class SshKeysAndAgentTest {

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    @Test
    void sshAgentAuthUsesTheKeysOfTheRunningAgent(@TempDir Path dir) throws Exception {
        try (SshAgentProcess agent = SshAgentProcess.start(dir).add(SSHD.server().privateKey())) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_agent_auth": true, "ssh_timeout": "30s"}],
                     "provisioners": [{"type": "shell", "inline": ["echo logged in with the agent"]}]}
                    """.formatted(SSHD.server().host(), SSHD.server().port(), SSHD.server().user()));
            try (CliProcess p = CliProcess.start(dir, Map.of("SSH_AUTH_SOCK", agent.socket().toString()), "build", "t.json")) {
                assertEquals(0, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
                assertTrue(p.out().contains("logged in with the agent"), p.out());
            }
            try (CliProcess p = CliProcess.start(dir, Map.of("SSH_AUTH_SOCK", ""), "build", "t.json")) {
                assertEquals(1, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
                assertTrue(p.out().contains("ssh_agent_auth is set, but SSH_AUTH_SOCK is not"), p.out());
            }
        }
    }

    @Test
    void sshBastionAgentAuthLogsInToTheBastionWithTheAgentAlone(@TempDir Path dir) throws Exception {
        assumeTrue(OpenSshServer.passwordLoginAvailable(), "the guest login is a password, so only the agent has a key");
        try (OpenSshServer bastion = OpenSshServer.start();
             SshAgentProcess agent = SshAgentProcess.start(dir).add(bastion.privateKey())) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_password": "%s", "ssh_timeout": "30s", "ssh_bastion_host": "%s",
                                   "ssh_bastion_port": %d, "ssh_bastion_username": "%s", "ssh_bastion_agent_auth": true}],
                     "provisioners": [{"type": "shell", "inline": ["echo through the bastion with the agent"]}]}
                    """.formatted(SSHD.server().host(), SSHD.server().port(), SSHD.server().user(), SSHD.server().password(),
                    bastion.host(), bastion.port(), bastion.user()));
            try (CliProcess p = CliProcess.start(dir, Map.of("SSH_AUTH_SOCK", agent.socket().toString()), "build", "t.json")) {
                assertEquals(0, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
                assertTrue(p.out().contains("through the bastion with the agent"), p.out());
            }
            assertTrue(bastion.log().contains("Accepted publickey for " + bastion.user()),
                    "the bastion took the agent's key:\n" + bastion.log());
            try (CliProcess p = CliProcess.start(dir, Map.of("SSH_AUTH_SOCK", ""), "build", "t.json")) {
                assertEquals(1, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
                assertTrue(p.out().contains("ssh_bastion_agent_auth is set, but SSH_AUTH_SOCK is not"), p.out());
            }
        }
    }

    @Test
    void bastionCertificatesAndKeyboardInteractiveAreRefusedAsUnsupported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bastion-cert.pub"), "ssh-ed25519-cert-v01@openssh.com AAAA\n");
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "ssh_host": "127.0.0.1", "ssh_username": "u", "ssh_password": "p",
                               "ssh_bastion_host": "127.0.0.1", "ssh_bastion_password": "p",
                               "ssh_bastion_interactive": true, "ssh_bastion_certificate_file": "bastion-cert.pub"}]}
                """);
        CliRun.Result r = CliRun.in(dir, "validate", "t.json");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("ssh_bastion_interactive is not supported by imgbuild yet"), r.err());
        assertTrue(r.err().contains("ssh_bastion_certificate_file is not supported by imgbuild yet"), r.err());
        Files.writeString(dir.resolve("off.json"), """
                {"builders": [{"type": "null", "ssh_host": "127.0.0.1", "ssh_username": "u", "ssh_password": "p",
                               "ssh_bastion_host": "127.0.0.1", "ssh_bastion_password": "p",
                               "ssh_bastion_interactive": false}]}
                """);
        CliRun.Result off = CliRun.in(dir, "validate", "off.json");
        assertEquals(0, off.exitCode(), "false is Packer's default and harmless: " + off.all());
    }

    @Test
    void theLocalAgentIsForwardedToTheMachineUnlessDisabled(@TempDir Path dir) throws Exception {
        Path key = SSHD.server().rsaPrivateKey();
        try (SshAgentProcess agent = SshAgentProcess.start(dir).add(key)) {
            String fingerprint = Shell.run(dir, "ssh-keygen", "-l", "-f", key.toString()).split("\\s+")[1];
            assertTrue(fingerprint.startsWith("SHA256:"), fingerprint);
            String template = """
                    {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                                   "ssh_private_key_file": "%s", "ssh_timeout": "30s"%%s}],
                     "provisioners": [{"type": "shell", "inline": ["echo agent keys:; ssh-add -l || true"]}]}
                    """.formatted(SSHD.server().host(), SSHD.server().port(), SSHD.server().user(), SSHD.server().privateKey());
            Files.writeString(dir.resolve("on.json"), template.formatted(""));
            Files.writeString(dir.resolve("off.json"), template.formatted(", \"ssh_disable_agent_forwarding\": true"));
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", agent.socket().toString());
            try (CliProcess p = CliProcess.start(dir, env, "build", "on.json")) {
                assertEquals(0, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
                assertTrue(p.out().contains(fingerprint), "ssh-add -l on the machine lists the local agent's key:\n" + p.out());
            }
            try (CliProcess p = CliProcess.start(dir, env, "build", "off.json")) {
                assertEquals(0, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
                assertTrue(p.out().contains("agent keys:"), p.out());
                assertFalse(p.out().contains(fingerprint), "ssh_disable_agent_forwarding: no agent there:\n" + p.out());
            }
        }
    }

    @Test
    void aTemporaryKeyPairLogsInAndIsRemovedFromTheMachine(@TempDir Path dir) throws Exception {
        assumeTrue(OpenSshServer.passwordLoginAvailable(), "needs root to edit the test user's authorized_keys");
        List<UiEvent> events = new CopyOnWriteArrayList<>();
        TemporaryKeyBuild build = TemporaryKeyBuild.create(dir, events);
        Path authorized = SSHD.server().homeDir().resolve(".ssh/authorized_keys");
        String before = Files.readString(authorized);
        Files.writeString(authorized, build.key.authorizedKeysLine() + "\n", StandardOpenOption.APPEND);
        try {
            build.clearAfterLogin();
            assertFalse(Files.readString(authorized).contains(build.key.publicKeyBody()), "the temporary key is gone");
            assertTrue(Files.readString(authorized).contains(before.strip()), "the other keys stay");
            assertFalse(text(events).contains("Warning"), "no sudo here: root's file is skipped quietly\n" + text(events));
            assertThrows(StepFailure.class, () -> SshCommunicator.connect(build.settings.withTimeout(Duration.ofSeconds(3)),
                    build.ctx.ui(), Cancellation.root()), "the key no longer logs in");
        } finally {
            Files.writeString(authorized, before);
        }
        build.create.cleanup(build.ctx);
        assertFalse(Files.exists(build.key.privateKeyFile()), "the private key file is deleted in cleanup");
        assertFalse(Files.exists(build.key.privateKeyFile().getParent()));
    }

    @Test
    void aTemporaryKeyThatCannotBeRemovedIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
        assumeTrue(OpenSshServer.passwordLoginAvailable(), "needs root to edit the test user's authorized_keys");
        List<UiEvent> events = new CopyOnWriteArrayList<>();
        TemporaryKeyBuild build = TemporaryKeyBuild.create(dir, events);
        Path sshDir = SSHD.server().homeDir().resolve(".ssh");
        Path authorized = sshDir.resolve("authorized_keys");
        String before = Files.readString(authorized);
        var dirMode = Files.getPosixFilePermissions(sshDir);
        Files.writeString(authorized, build.key.authorizedKeysLine() + "\n", StandardOpenOption.APPEND);
        try {
            // sed -i writes a new file next to the old one: a read-only ~/.ssh makes it fail (sshd still reads it).
            Files.setPosixFilePermissions(sshDir, PosixFilePermissions.fromString("r-x------"));
            build.clearAfterLogin();
            assertTrue(text(events).contains("Warning: could not remove the temporary key from ~/.ssh/authorized_keys: exit"),
                    text(events));
            assertTrue(Files.readString(authorized).contains(build.key.publicKeyBody()), "the file is as it was");
        } finally {
            Files.setPosixFilePermissions(sshDir, dirMode);
            Files.writeString(authorized, before);
            build.create.cleanup(build.ctx);
        }
    }

    private static String text(List<UiEvent> events) {
        StringBuilder b = new StringBuilder();
        events.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    /** A build's context with a temporary key pair made (not yet on the machine) and ssh_clear_authorized_keys on. */
    private record TemporaryKeyBuild(CommunicatorConfig config, StepContext ctx, CreateTemporaryKeyStep create,
                                     TemporaryKey key, SshSettings settings) {

        static TemporaryKeyBuild create(Path dir, List<UiEvent> events) throws Exception {
            CommunicatorConfig config = new CommunicatorConfig("ssh", Duration.ZERO, SSHD.server().host(), SSHD.server().port(),
                    SSHD.server().user(), null, null, null, null, false, Duration.ofSeconds(20), 10, false, Duration.ofSeconds(5),
                    Duration.ZERO, false, null, 22, null, null, null, false, false, null, null, "sftp", true, List.of(), List.of(),
                    List.of(), List.of(), null, null, "rsa", null, "ed25519", null);
            StepContext ctx = new StepContext(new BuildInfo("tmpkey", "null", "run-1", Instant.now(), dir, dir, false, false,
                    OnError.CLEANUP), new State(), new Ui(Secrets.global(), List.of(events::add), Clock.systemUTC())
                    .forBuild("tmpkey"), Cancellation.root());
            CreateTemporaryKeyStep create = new CreateTemporaryKeyStep(config);
            create.run(ctx);
            TemporaryKey key = ctx.state().get(TemporaryKey.KEY);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKeyFile())));
            assertTrue(key.authorizedKeysLine().startsWith("ssh-ed25519 "), key.authorizedKeysLine());
            SshSettings settings = SshSettings.of(SSHD.server().host(), SSHD.server().port(), SSHD.server().user(), null,
                    key.privateKeyFile()).withTimeout(Duration.ofSeconds(20));
            return new TemporaryKeyBuild(config, ctx, create, key, settings);
        }

        /** Logs in with the temporary key and runs ClearTemporaryKeyStep, which must not fail. */
        void clearAfterLogin() throws Exception {
            try (SshCommunicator c = SshCommunicator.connect(settings, ctx.ui(), Cancellation.root())) {
                ctx.state().put(CommunicatorKeys.COMMUNICATOR, c);
                new ClearTemporaryKeyStep(config).run(ctx);
            } finally {
                ctx.state().remove(CommunicatorKeys.COMMUNICATOR);
            }
        }
    }

    @Test
    void pauseBeforeConnectingConnectsTwice(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                               "ssh_private_key_file": "%s", "pause_before_connecting": "1s"}],
                 "provisioners": [{"type": "shell", "inline": ["echo after the pause"]}]}
                """.formatted(SSHD.server().host(), SSHD.server().port(), SSHD.server().user(), SSHD.server().privateKey()));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Pausing 1s before connecting again"), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.contains("Connected to SSH")).count(), r.out());
    }
}
