package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.SshdPerClass;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP uploads cut into SSH packets by imgbuild's own stream (PipelinedSftpClients), against a real
 * sshd: every size around a packet and the sshd's 2 MiB window arrives whole; a connection lost
 * while the upload waits for window space ends it with an error instead of a hang; an upload
 * interrupted half-way (Ctrl-C, a provisioner's timeout) leaves the communicator usable.
 */
class SftpUploadTest {

    @RegisterExtension
    static final SshdPerClass SSHD = new SshdPerClass();

    @Test
    void filesOfEverySizeAroundAPacketAndTheWindowArriveWhole(@TempDir Path dir) throws Exception {
        OpenSshServer s = SSHD.server();
        String run = Long.toString(System.nanoTime()); // the test user's home is the one place it may write
        try (SshCommunicator c = SshCommunicator.connect(settings(s), ui(), Cancellation.root())) {
            for (int size : new int[] {0, 1, 32_767, 32_768 + 5, (3 << 20) + 7, 48 << 20}) {
                Path local = dir.resolve("f-" + size);
                SshBuildTest.writeRandom(local, size);
                Path remote = s.homeDir().resolve("upload-" + run + "-" + size);
                long[] reported = {0};
                c.upload(local, remote.toString(), n -> reported[0] += n, Cancellation.root());
                assertEquals(size, Files.size(remote), "size of the upload of " + size + " bytes");
                assertEquals(SshBuildTest.sha256(local), SshBuildTest.sha256(remote), "content of the upload of " + size + " bytes");
                assertEquals(size, reported[0], "progress reported for " + size + " bytes");
            }
        }
    }

    @Test
    void aConnectionLostMidUploadEndsItWithAnError(@TempDir Path dir) throws Exception {
        try (OpenSshServer s = OpenSshServer.start()) {
            Path local = dir.resolve("big");
            SshBuildTest.writeRandom(local, 256L << 20);
            Path remote = s.homeDir().resolve("lost-" + System.nanoTime());
            try (SshCommunicator c = SshCommunicator.connect(settings(s), ui(), Cancellation.root())) {
                CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                    try {
                        c.upload(local, remote.toString(), n -> { }, Cancellation.root());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((!Files.exists(remote) || Files.size(remote) < (16 << 20)) && System.nanoTime() < deadline
                        && !upload.isDone()) {
                    Thread.sleep(10);
                }
                assertTrue(Files.exists(remote) && Files.size(remote) >= (16 << 20), "the upload got going");
                s.killSessions();
                long start = System.nanoTime();
                ExecutionException e = assertThrows(ExecutionException.class, () -> upload.get(30, TimeUnit.SECONDS));
                assertTrue(e.getCause().getCause() instanceof IOException, "failed with " + e.getCause());
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the upload ended promptly");
                assertTrue(Files.size(remote) < Files.size(local), "the upload did not complete");
            }
        }
    }

    @Test
    void anUploadInterruptedHalfWayLeavesTheCommunicatorUsable(@TempDir Path dir) throws Exception {
        OpenSshServer s = SSHD.server();
        Path big = dir.resolve("big");
        SshBuildTest.writeRandom(big, 256L << 20);
        Path small = dir.resolve("small");
        SshBuildTest.writeRandom(small, (5 << 20) + 3);
        String run = Long.toString(System.nanoTime());
        Path bigRemote = s.homeDir().resolve("interrupted-" + run);
        Path smallRemote = s.homeDir().resolve("after-" + run);
        try (SshCommunicator c = SshCommunicator.connect(settings(s), ui(), Cancellation.root())) {
            Exception[] failure = {null};
            Thread uploader = new Thread(() -> {
                try {
                    c.upload(big, bigRemote.toString(), n -> { }, Cancellation.root());
                } catch (Exception e) {
                    failure[0] = e;
                }
            }, "uploader");
            uploader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((!Files.exists(bigRemote) || Files.size(bigRemote) < (16 << 20)) && System.nanoTime() < deadline
                    && uploader.isAlive()) {
                Thread.sleep(5);
            }
            uploader.interrupt();
            uploader.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!uploader.isAlive(), "the interrupted upload ended");
            assertTrue(failure[0] instanceof IOException, "the interrupted upload failed with " + failure[0]);
            // The next transfer on the same communicator arrives whole, whatever state the channel was left in.
            c.upload(small, smallRemote.toString(), n -> { }, Cancellation.root());
            assertEquals(SshBuildTest.sha256(small), SshBuildTest.sha256(smallRemote));
        }
    }

    private static SshSettings settings(OpenSshServer s) {
        return SshSettings.of(s.host(), s.port(), s.user(), null, s.privateKey()).withTimeout(Duration.ofSeconds(20));
    }

    private static io.imgbuild.core.ui.BuildUi ui() {
        return new Ui(Secrets.global(), List.of(), Clock.systemUTC()).forBuild("sftp");
    }
}
