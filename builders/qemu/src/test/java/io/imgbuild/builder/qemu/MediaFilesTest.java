package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws Exception {
        for (String f : List.of("seed/user-data", "seed/meta-data", "drivers/net/e1000.inf", "drivers/disk/viostor.inf",
                "answers.xml", "extra/one.txt")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "content of " + f);
        }
        Files.createDirectories(dir.resolve("drivers/empty"));
        Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("answers.xml"));
    }

    private static Path source(MediaFiles m, String target) {
        return ((MediaFiles.FromDisk) m.files().get(target)).path();
    }

    @Test
    void cdFilesPutFilesAtTheRootAndDirectoriesWithTheirTree() throws Exception {
        MediaFiles m = MediaFiles.cd(dir, List.of("answers.xml", "drivers", "seed/*", "link.txt", "none-*"), Map.of());
        assertEquals(Set.of("answers.xml", "drivers/disk/viostor.inf", "drivers/net/e1000.inf", "meta-data", "user-data",
                "link.txt"), m.files().keySet());
        assertEquals(Set.of("drivers/empty"), m.emptyDirs());
        // A link's target is what goes on the CD.
        assertEquals(dir.resolve("answers.xml").toRealPath(), source(m, "link.txt"));
    }

    @Test
    void cdContentIsAddedAfterAndWinsOverAFileOfTheSamePath() throws Exception {
        MediaFiles m = MediaFiles.cd(dir, List.of("seed/*"), Map.of("/user-data", "#cloud-config\n", "scripts/./a.sh", "echo"));
        assertEquals(new MediaFiles.Inline("#cloud-config\n"), m.files().get("user-data"));
        assertEquals(new MediaFiles.Inline("echo"), m.files().get("scripts/a.sh"));
        assertEquals(dir.resolve("seed/meta-data").toRealPath(), source(m, "meta-data"));
        assertEquals("#cloud-config\n".length() + "echo".length() + Files.size(dir.resolve("seed/meta-data")),
                m.files().values().stream().mapToLong(s -> {
                    try {
                        return s.size();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }).sum());
    }

    @Test
    void theWorkingDirectoryItselfPutsItsEntriesAtTheRoot() throws Exception {
        MediaFiles m = MediaFiles.cd(dir.resolve("seed"), List.of("."), Map.of());
        assertEquals(Set.of("meta-data", "user-data"), m.files().keySet());
    }

    @Test
    void floppyFilesAreFlatAndFloppyDirsKeepTheirTree() throws Exception {
        MediaFiles m = MediaFiles.floppy(dir, List.of("answers.xml", "drivers"), List.of("extra", "seed/user-*"));
        assertEquals(Set.of("answers.xml", "viostor.inf", "e1000.inf", "extra/one.txt", "user-data"), m.files().keySet());
    }

    @Test
    void mistakesAreReportedWithTheEntryAndWhatToDo() throws Exception {
        StepFailure missing = assertThrows(StepFailure.class, () -> MediaFiles.cd(dir, List.of("seed", "gone.txt"), Map.of()));
        assertTrue(missing.getMessage().startsWith("cd_files[1] \"gone.txt\" does not exist"), missing.getMessage());
        StepFailure climbs = assertThrows(StepFailure.class, () -> MediaFiles.cd(dir, List.of(), Map.of("../etc/x", "")));
        assertTrue(climbs.getMessage().contains("not a path inside the CD"), climbs.getMessage());
        StepFailure clash = assertThrows(StepFailure.class,
                () -> MediaFiles.cd(dir, List.of("seed"), Map.of("seed", "a file where a directory is")));
        assertTrue(clash.getMessage().contains("\"seed\" would be both a file and a directory on the CD"), clash.getMessage());
        StepFailure pattern = assertThrows(StepFailure.class, () -> MediaFiles.floppy(dir, List.of(), List.of("x[")));
        assertTrue(pattern.getMessage().startsWith("floppy_dirs[0] \"x[\": the pattern"), pattern.getMessage());
        assertNull(MediaFiles.contentTarget("/"));
        assertEquals("a/b", MediaFiles.contentTarget("//a/./b"));
    }
}
