package io.imgbuild.provisioner.file;

import static io.imgbuild.provisioner.TestFiles.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.core.ui.UiEvent.Level;
import io.imgbuild.provisioner.Guest;
import io.imgbuild.provisioner.TestContext;
import io.imgbuild.testkit.PluginConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file provisioner against a real sshd; the "guest" is this machine, so results are checked on disk. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FileProvisionerGuestTest {

    private static Guest guest;

    @TempDir
    Path work;

    private TestContext ctx;
    /** The test's own directory on the guest (also a local path). */
    private String remote;

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
        remote = guest.newDir(ctx.comm(), "file");
        Files.createDirectories(work.resolve("files/tree/sub/deeper"));
        Files.writeString(work.resolve("files/motd"), "hello\n");
        Files.writeString(work.resolve("files/tree/top.txt"), "top\n");
        Files.writeString(work.resolve("files/tree/sub/mid.txt"), "mid\n");
        Files.writeString(work.resolve("files/tree/sub/deeper/low.txt"), "low\n");
    }

    @AfterEach
    void disconnect() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private void run(String json) throws Exception {
        Provisioner p = PluginConfigs.prepare(new FileProvisionerPlugin(), json, work).requireNoErrors().prepared();
        p.provision(ctx);
    }

    private StepFailure fails(String json) {
        Provisioner p = PluginConfigs.prepare(new FileProvisionerPlugin(), json, work).requireNoErrors().prepared();
        return assertThrows(StepFailure.class, () -> p.provision(ctx), ctx::dump);
    }

    private Path guestPath(String relative) {
        return Path.of(remote, relative);
    }

    /** Every regular file under {@code dir}, relative, sorted. */
    private static List<String> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static final List<String> TREE = List.of("sub/deeper/low.txt", "sub/mid.txt", "top.txt");

    @Test
    void uploadsAFileToAPathKeepingItsMode() throws Exception {
        Path script = work.resolve("files/run.sh");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        run(json("source", "files/run.sh", "destination", remote + "/renamed.sh"));
        assertEquals("#!/bin/sh\n", Files.readString(guestPath("renamed.sh")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(guestPath("renamed.sh"))));
        assertTrue(ctx.lines(Level.SAY).contains("Uploading files/run.sh => " + remote + "/renamed.sh (10 B)"), ctx::dump);
    }

    @Test
    void aFileGoesIntoADestinationEndingWithASlashOrAnExistingDirectory() throws Exception {
        run(json("source", "files/motd", "destination", remote + "/"));
        assertEquals("hello\n", Files.readString(guestPath("motd")));

        Guest.run(ctx.comm(), "mkdir " + remote + "/etc");
        run(json("source", "files/motd", "destination", remote + "/etc"));
        assertEquals("hello\n", Files.readString(guestPath("etc/motd")));
    }

    @Test
    void aDirectoryWithoutATrailingSlashIsCopiedAsADirectory() throws Exception {
        run(json("source", "files/tree", "destination", remote));
        assertEquals(TREE, tree(guestPath("tree")));
        assertEquals(List.of("tree"), List.of(guestPath("").toFile().list()));
    }

    @Test
    void aDirectoryWithATrailingSlashHasItsContentsCopied() throws Exception {
        run(json("source", "files/tree/", "destination", remote + "/into"));
        assertEquals(TREE, tree(guestPath("into")));
    }

    @Test
    void contentIsWrittenToTheDestination() throws Exception {
        run(json("content", "line one\nünïcode ✓\n", "destination", remote + "/from-content.txt"));
        assertEquals("line one\nünïcode ✓\n", Files.readString(guestPath("from-content.txt")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(guestPath("from-content.txt"))));
    }

    @Test
    void contentIntoADirectoryIsRefused() {
        StepFailure f = fails(json("content", "x", "destination", remote));
        assertTrue(f.getMessage().contains("is a directory on the guest"), f.getMessage());
    }

    @Test
    void severalSourcesGoIntoTheDestinationDirectory() throws Exception {
        Guest.run(ctx.comm(), "mkdir " + remote + "/many");
        run(json("source", "files/motd", "sources", List.of("files/tree/top.txt", "files/tree/sub"),
                "destination", remote + "/many/"));
        assertEquals(List.of("motd", "sub/deeper/low.txt", "sub/mid.txt", "top.txt"), tree(guestPath("many")));
    }

    @Test
    void aMissingGuestDirectoryIsNamedInTheFailure() {
        StepFailure f = fails(json("source", "files/motd", "destination", remote + "/nope/motd"));
        assertTrue(f.getMessage().startsWith("could not upload files/motd to " + remote + "/nope/motd on ssh "),
                f.getMessage());
        assertTrue(f.getMessage().contains("the guest directory " + remote + "/nope does not exist"), f.getMessage());
    }

    @Test
    void downloadsAFileToAPathOrIntoADirectoryCreatingParents() throws Exception {
        Files.writeString(guestPath("guest.txt"), "from the guest\n");
        run(json("direction", "download", "source", remote + "/guest.txt", "destination", "out/deep/copy.txt"));
        assertEquals("from the guest\n", Files.readString(work.resolve("out/deep/copy.txt")));

        run(json("direction", "download", "source", remote + "/guest.txt", "destination", "into/"));
        assertEquals("from the guest\n", Files.readString(work.resolve("into/guest.txt")));
    }

    @Test
    void downloadsADirectoryWithPackersSlashRules() throws Exception {
        run(json("source", "files/tree/", "destination", remote + "/tree"));
        run(json("direction", "download", "source", remote + "/tree", "destination", "out"));
        assertEquals(TREE, tree(work.resolve("out/tree")));
        run(json("direction", "download", "source", remote + "/tree/", "destination", "contents"));
        assertEquals(TREE, tree(work.resolve("contents")));
    }

    @Test
    void downloadsWhatAPatternMatches() throws Exception {
        Files.writeString(guestPath("a.log"), "a\n");
        Files.writeString(guestPath("b.log"), "b\n");
        Files.writeString(guestPath("c.txt"), "c\n");
        run(json("direction", "download", "source", remote + "/*.log", "destination", "logs"));
        assertEquals(List.of("a.log", "b.log"), tree(work.resolve("logs")));
    }

    @Test
    void aMissingGuestSourceFails() {
        StepFailure f = fails(json("direction", "download", "source", remote + "/absent", "destination", "x"));
        assertEquals("cannot download " + remote + "/absent: it does not exist on the guest", f.getMessage());
    }

    @Test
    void everyTransferReportsProgressToItsTotal() throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        Files.write(work.resolve("files/big.bin"), big);
        run(json("source", "files/big.bin", "destination", remote + "/big.bin"));
        run(json("source", "files/tree", "destination", remote));
        run(json("direction", "download", "source", remote + "/big.bin", "destination", "back/"));
        run(json("direction", "download", "source", remote + "/tree", "destination", "back/"));
        run(json("content", "12345", "destination", remote + "/c"));
        assertTrue(java.util.Arrays.equals(big, Files.readAllBytes(work.resolve("back/big.bin"))));

        List<UiEvent.Progress> finished = ctx.progress().stream().filter(UiEvent.Progress::finished).toList();
        assertEquals(List.of("big.bin", "tree", "big.bin", "tree", "c"),
                finished.stream().map(UiEvent.Progress::label).toList());
        assertEquals(List.of((long) big.length, 12L, (long) big.length, 12L, 5L),
                finished.stream().map(UiEvent.Progress::total).toList());
        for (UiEvent.Progress p : finished) {
            assertEquals(p.total(), p.done(), p::toString);
        }
        assertTrue(ctx.progress().size() > finished.size(), "a bar starts before it finishes");
    }

    @Test
    void generatedSourcesAreCheckedWhenTheyAreCopied() {
        StepFailure f = fails(json("source", "files/later", "destination", remote + "/x", "generated", true));
        assertTrue(f.getMessage().contains("does not exist (generated is set, but no earlier step created it)"),
                f.getMessage());
        assertFalse(Files.exists(guestPath("x")));
    }
}
