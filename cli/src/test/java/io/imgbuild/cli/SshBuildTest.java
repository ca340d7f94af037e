package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Shell;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole builds over SSH against Debian's real sshd on loopback: the null builder, shell with tricky
 * environment values, inline and scripts, a 1 GiB file and a directory tree up and back down
 * (checked with sha256sum and diff), and the failures a user meets: wrong password, nothing
 * listening, a failing command, a pinned host key that does not match.
 */
class SshBuildTest {

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    private static String remoteDir(Path local) {
        return SSHD.server().homeDir() + "/" + local.getFileName();
    }

    private static String builder(String extra) {
        return """
                {"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s", "ssh_private_key_file": "%s",
                 "ssh_timeout": "30s"%s}
                """.formatted(SSHD.server().host(), SSHD.server().port(), SSHD.server().user(), SSHD.server().privateKey(), extra);
    }

    @Test
    void shellAndFileProvisionersEndToEnd(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.bin");
        writeRandom(big, 1L << 30);
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("top.txt"), "top\n");
        Files.writeString(tree.resolve("a/b/deep.txt"), "deep\n");
        Files.writeString(dir.resolve("s1.sh"), "#!/bin/sh\necho \"script one sees GREETING=$GREETING\"\n");
        Files.writeString(dir.resolve("s2.sh"), "#!/bin/sh\necho script two on $(hostname) >&2\n");
        String remote = remoteDir(dir);
        Files.writeString(dir.resolve("t.json"), """
                {
                  "builders": [%s],
                  "provisioners": [
                    {"type": "shell", "inline": ["mkdir -p %s", "printf 'A=[%%s]\\\\n' \\"$A\\"", "printf 'B=[%%s]\\\\n' \\"$B\\""],
                     "environment_vars": ["A=two words", "B=it's \\"quoted\\" $HOME \\\\ back"]},
                    {"type": "shell", "scripts": ["s1.sh", "s2.sh"], "environment_vars": ["GREETING=hello there"]},
                    {"type": "file", "source": "big.bin", "destination": "%s/big.bin"},
                    {"type": "file", "source": "tree", "destination": "%s/"},
                    {"type": "shell", "inline": ["sha256sum %s/big.bin"]},
                    {"type": "file", "source": "%s/big.bin", "destination": "back/big.bin", "direction": "download"},
                    {"type": "file", "source": "%s/tree", "destination": "back/", "direction": "download"}
                  ]
                }
                """.formatted(builder(""), remote, remote, remote, remote, remote, remote));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("A=[two words]"), r.out());
        assertTrue(r.out().contains("B=[it's \"quoted\" $HOME \\ back]"), "env values reach the script unchanged:\n" + r.out());
        assertTrue(r.out().contains("script one sees GREETING=hello there"), r.out());
        assertTrue(r.out().contains("Connected to SSH as " + SSHD.server().user() + "@127.0.0.1:" + SSHD.server().port()), r.out());
        String local = sha256(big);
        assertTrue(r.out().contains(local + "  " + remote + "/big.bin"), "the guest has the same bytes");
        assertEquals(local, sha256(dir.resolve("back/big.bin")), "and they came back whole");
        Shell.run(dir, "diff", "-r", "tree", "back/tree");
    }

    @Test
    void aWrongPasswordStopsAfterTheHandshakeAttemptsNamingUserAndHost(@TempDir Path dir) throws Exception {
        assumeTrue(OpenSshServer.passwordLoginAvailable(), "password login needs root to create the test user");
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "ssh_host": "%s", "ssh_port": %d, "ssh_username": "%s",
                               "ssh_password": "not-the-password", "ssh_handshake_attempts": 2, "ssh_timeout": "2m"}],
                 "provisioners": [{"type": "shell", "inline": ["true"]}]}
                """.formatted(SSHD.server().host(), SSHD.server().port(), SSHD.server().user()));
        long start = System.nanoTime();
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertTrue(r.out().contains("gave up on SSH after 2 authentication failures at 127.0.0.1:" + SSHD.server().port()
                + ": the server refused user " + SSHD.server().user() + " (tried password)"), r.out());
        assertTrue((System.nanoTime() - start) / 1_000_000_000L < 60, "it did not wait for ssh_timeout");
        assertTrue(!r.all().contains("not-the-password"), "the password is masked");
    }

    @Test
    void nothingListeningFailsAtTheTimeoutWithTheLastReason(@TempDir Path dir) throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "null", "ssh_host": "127.0.0.1", "ssh_port": %d, "ssh_username": "nobody",
                               "ssh_password": "never-tried", "ssh_timeout": "3s"}]}
                """.formatted(closed));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertTrue(r.out().contains("Waiting for SSH on 127.0.0.1:" + closed + ": connection refused (attempt 1"), r.out());
        assertTrue(r.out().contains("timed out after 3s waiting for SSH on 127.0.0.1:" + closed
                + " as nobody; the last of"), r.out());
        assertTrue(r.out().contains("attempts failed with: connection refused"), r.out());
    }

    @Test
    void aFailingCommandFailsTheBuildWithItsStatusAndCleansUp(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s], "provisioners": [{"type": "shell", "inline": ["echo about to fail", "exit 7"]}]}
                """.formatted(builder("")));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertTrue(r.out().contains("exited with status 7"), r.out());
        assertTrue(r.out().contains("Cleaning up after the failure"), r.out());
    }

    @Test
    void aMissingLocalScriptIsAValidateError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s], "provisioners": [{"type": "shell", "script": "nope.sh"}]}
                """.formatted(builder("")));
        CliRun.Result r = CliRun.in(dir, "validate", "t.json");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("provisioners[0].script: local file \"nope.sh\" does not exist"), r.err());
    }

    @Test
    void aPinnedHostKeyMustMatch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.json"), """
                {"builders": [%s], "provisioners": [{"type": "shell", "inline": ["echo pinned ok"]}]}
                """.formatted(builder(", \"ssh_host_key_fingerprint\": \"" + SSHD.server().hostKeyFingerprintSha256() + "\"")));
        CliRun.Result good = CliRun.in(dir, "build", "good.json");
        assertEquals(0, good.exitCode(), good.all());
        assertTrue(good.out().contains("pinned ok"), good.out());
        Files.writeString(dir.resolve("bad.json"), """
                {"builders": [%s], "provisioners": [{"type": "shell", "inline": ["echo never"]}]}
                """.formatted(builder(", \"ssh_host_key_fingerprint\": \"SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"")));
        CliRun.Result bad = CliRun.in(dir, "build", "bad.json");
        assertEquals(ExitCodes.BUILD_FAILED, bad.exitCode(), bad.all());
        assertTrue(bad.out().contains("the host key of 127.0.0.1:" + SSHD.server().port() + " is " + SSHD.server().hostKeyFingerprintSha256()),
                bad.out());
        assertTrue(!bad.out().contains("echo never") && !bad.out().contains("\n    null: never"), bad.out());
    }

    @Test
    void throughABastionHost(@TempDir Path dir) throws Exception {
        try (OpenSshServer bastion = OpenSshServer.start()) {
            Files.writeString(dir.resolve("t.json"), """
                    {"builders": [%s], "provisioners": [{"type": "shell", "inline": ["echo via bastion"]}]}
                    """.formatted(builder(String.format(", \"ssh_bastion_host\": \"%s\", \"ssh_bastion_port\": %d,"
                    + " \"ssh_bastion_username\": \"%s\", \"ssh_bastion_private_key_file\": \"%s\"", bastion.host(),
                    bastion.port(), bastion.user(), bastion.privateKey()))));
            CliRun.Result r = CliRun.in(dir, "build", "t.json");
            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("through bastion 127.0.0.1:" + bastion.port()), r.out());
            assertTrue(r.out().contains("via bastion"), r.out());
            assertTrue(bastion.log().contains("Accepted publickey for " + bastion.user()),
                    "imgbuild logged in to the bastion:\n" + bastion.log());
        }
    }

    @Test
    void scpTransferMethodWorksToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("f.txt"), "through scp\n");
        // Bigger than one receive buffer (128 KiB) and no multiple of it, in a tree that comes back too.
        Files.createDirectories(dir.resolve("tree/sub"));
        writeRandom(dir.resolve("tree/sub/odd.bin"), (3 << 20) + 7);
        Files.writeString(dir.resolve("tree/top.txt"), "top\n");
        String remote = remoteDir(dir);
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [%s], "provisioners": [
                  {"type": "shell", "inline": ["mkdir -p %s"]},
                  {"type": "file", "source": "f.txt", "destination": "%s/f.txt"},
                  {"type": "file", "source": "tree", "destination": "%s/"},
                  {"type": "file", "source": "%s/f.txt", "destination": "back.txt", "direction": "download"},
                  {"type": "file", "source": "%s/tree/sub/odd.bin", "destination": "odd.bin", "direction": "download"},
                  {"type": "file", "source": "%s/tree", "destination": "back/", "direction": "download"}]}
                """.formatted(builder(", \"ssh_file_transfer_method\": \"scp\""), remote, remote, remote, remote,
                remote, remote));
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("through scp\n", Files.readString(dir.resolve("back.txt")));
        assertEquals(sha256(dir.resolve("tree/sub/odd.bin")), sha256(dir.resolve("odd.bin")), "a file of 3 MiB + 7 bytes");
        assertEquals("", Shell.run(dir, "diff", "-r", "tree", "back/tree"), "the tree came back whole");
    }

    /** The digest by the real tool, as the transfer tests compare files. */
    static String sha256(Path file) throws Exception {
        return Shell.run(file.getParent(), "sha256sum", file.toString()).split("\\s+")[0];
    }

    static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        buf[i + k] = (byte) (v >>> (k * 8));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, size - done));
            }
        }
    }
}
