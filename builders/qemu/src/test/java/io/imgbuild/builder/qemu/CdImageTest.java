package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.testkit.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real xorriso makes the image; real xorriso reads it back. */
class CdImageTest {

    @TempDir
    Path dir;

    /** The paths in the image, from {@code xorriso -indev … -find}. */
    static List<String> paths(Path iso) throws Exception {
        String out = Commands.check(List.of("xorriso", "-indev", iso.toString(), "-find", "/", "-type", "f"));
        return Arrays.stream(out.split("\n")).map(String::strip).filter(l -> l.startsWith("'/"))
                .map(l -> l.substring(1, l.length() - 1)).sorted().toList();
    }

    /** One file's bytes, extracted with xorriso's osirrox. */
    static String read(Path iso, String path, Path scratch) throws Exception {
        Path out = scratch.resolve("extracted-" + path.replace('/', '_'));
        Commands.check(List.of("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", path, out.toString()));
        return Files.readString(out);
    }

    @Test
    void filesDirectoriesAndInlineContentLandWhereTheyShouldWithRockRidgeNames() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("meta-data"), "instance-id: imgbuild-1\n");
        Files.createDirectories(src.resolve("scripts/deep"));
        Files.writeString(src.resolve("scripts/deep/a long name=with equals.sh"), "echo hi\n");
        Files.createDirectories(src.resolve("scripts/empty"));
        MediaFiles files = MediaFiles.cd(src, List.of("meta-data", "scripts"), Map.of("user-data", "#cloud-config\n"));
        Path iso = dir.resolve("work/cd.iso");
        Files.createDirectories(iso.getParent());

        CdImage.make(files, "cidata", iso, dir.resolve("work/scratch"), Cancellation.root());

        assertEquals(List.of("/meta-data", "/scripts/deep/a long name=with equals.sh", "/user-data"), paths(iso));
        assertEquals("#cloud-config\n", read(iso, "/user-data", dir));
        assertEquals("echo hi\n", read(iso, "/scripts/deep/a long name=with equals.sh", dir));
        String dirs = Commands.check(List.of("xorriso", "-indev", iso.toString(), "-find", "/scripts", "-type", "d"));
        assertTrue(dirs.contains("'/scripts/empty'"), dirs);
        String pvd = Commands.check(List.of("xorriso", "-indev", iso.toString(), "-pvd_info"));
        assertTrue(pvd.contains("Volume Id    : cidata"), pvd);
        String toc = Commands.check(List.of("xorriso", "-indev", iso.toString(), "-toc"));
        assertTrue(toc.contains("ISO offers   : Rock_Ridge Joliet"), toc);
        assertFalse(Files.exists(dir.resolve("work/scratch")), "the scratch (inline content, path list) is gone");
    }

    @Test
    void theLabelDefaultsToPackersAndAFailureLeavesNoImage() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("f"), "x");
        Path iso = dir.resolve("cd.iso");
        CdImage.make(MediaFiles.cd(src, List.of("f"), Map.of()), null, iso, dir.resolve("s"), Cancellation.root());
        assertTrue(Commands.check(List.of("xorriso", "-indev", iso.toString(), "-pvd_info")).contains("Volume Id    : packer"));

        Path bad = dir.resolve("bad.iso");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.imgbuild.core.step.StepFailure.class, () ->
                CdImage.make(MediaFiles.cd(src, List.of("f"), Map.of()), "x".repeat(40), bad, dir.resolve("s2"),
                        Cancellation.root()));
        assertTrue(e.getMessage().startsWith("xorriso -as failed"), e.getMessage());
        assertFalse(Files.exists(bad));
        assertFalse(Files.exists(dir.resolve("s2")));
    }
}
