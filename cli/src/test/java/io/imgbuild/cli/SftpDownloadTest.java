package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.testkit.ssh.OpenSshServer;
import io.imgbuild.testkit.ssh.SlowLinkForwarder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SFTP download over a link slower than the server's disk, against a real sshd: it arrives whole,
 * and the server holds no more than our window of it. OpenSSH's sshd buffers what it may send but
 * cannot yet, growing that buffer by copying it whole. With the 16 MiB window we once had, its
 * session process grew by 31 MiB here and the test took 6.8 s; with our 4 MiB window, 4-6 MiB and 2.4-4.1 s.
 */
class SftpDownloadTest {

    private static final long FILE = 48L << 20;
    private static final long LINK_BYTES_PER_SECOND = 32L << 20;
    /** Between what our 4 MiB window costs the server (4-6 MiB) and what 16 MiB did (31 MiB). */
    private static final long MAX_SERVER_GROWTH_KIB = 10 << 10;

    @Test
    void overASlowLinkTheServerHoldsLittleAndTheFileArrivesWhole(@TempDir Path dir) throws Exception {
        try (OpenSshServer s = OpenSshServer.start();
             SlowLinkForwarder link = SlowLinkForwarder.start(s.host(), s.port(), LINK_BYTES_PER_SECOND)) {
            Path remote = s.homeDir().resolve("download-" + System.nanoTime());
            SshBuildTest.writeRandom(remote, FILE);
            Path local = dir.resolve("download");
            SshSettings settings = SshSettings.of(link.host(), link.port(), s.user(), null, s.privateKey())
                    .withTimeout(Duration.ofSeconds(20));
            try (SshCommunicator c = SshCommunicator.connect(settings, ui(), Cancellation.root())) {
                c.stat(remote.toString()); // the SFTP subsystem runs from here on
                Map<Long, Long> before = peakMemoryKiB(s);
                long[] reported = {0};
                c.download(remote.toString(), local, n -> reported[0] += n, Cancellation.root());
                Map<Long, Long> after = peakMemoryKiB(s);
                assertEquals(FILE, reported[0], "progress reported");
                assertEquals(SshBuildTest.sha256(remote), SshBuildTest.sha256(local), "content of the download");
                long growth = 0;
                for (Map.Entry<Long, Long> e : after.entrySet()) {
                    growth = Math.max(growth, e.getValue() - before.getOrDefault(e.getKey(), 0L));
                }
                assertTrue(after.size() >= 2, "the connection's sshd processes were seen: " + after);
                assertTrue(growth < MAX_SERVER_GROWTH_KIB, "the server's connection processes grew by " + growth
                        + " KiB at most (VmHWM before " + before + ", after " + after + ")");
            }
        }
    }

    /** Peak resident memory (VmHWM, KiB) of each process of the server's connections, by pid. */
    private static Map<Long, Long> peakMemoryKiB(OpenSshServer s) throws IOException {
        Map<Long, Long> peaks = new HashMap<>();
        for (ProcessHandle p : s.sessionProcesses().stream()
                .flatMap(h -> Stream.concat(Stream.of(h), h.descendants())).toList()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"));
            } catch (NoSuchFileException e) {
                continue; // it ended meanwhile
            }
            for (String line : lines) {
                if (line.startsWith("VmHWM:")) {
                    peaks.put(p.pid(), Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        }
        return peaks;
    }

    private static io.imgbuild.core.ui.BuildUi ui() {
        return new Ui(Secrets.global(), List.of(), Clock.systemUTC()).forBuild("sftp-download");
    }
}
