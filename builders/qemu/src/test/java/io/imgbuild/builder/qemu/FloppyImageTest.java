package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.testkit.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real mtools make the image; real mtools (mdir, mtype, minfo) read it back. */
class FloppyImageTest {

    @TempDir
    Path dir;

    @Test
    void aFat12FloppyWithTheFilesFlatTheDirectoriesWithTheirTreeAndTheLabel() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Autounattend.xml"), "<unattend/>\n");
        Files.createDirectories(src.resolve("drivers/net"));
        Files.writeString(src.resolve("drivers/net/netkvm.inf"), "[Version]\n");
        MediaFiles files = MediaFiles.floppy(src, List.of("Autounattend.xml"), List.of("drivers"));
        Path img = dir.resolve("floppy.img");

        FloppyImage.make(files, "imgbuild", img, Cancellation.root());

        assertEquals(1_474_560, Files.size(img), "a 1.44 MB floppy");
        String info = Commands.check(List.of("minfo", "-i", img.toString(), "::"));
        assertTrue(info.contains("disk type=\"FAT12   \""), info);
        assertTrue(info.contains("disk label=\"imgbuild   \""), info);
        String root = Commands.check(List.of("mdir", "-i", img.toString(), "::/"));
        assertTrue(root.contains("Volume in drive : is IMGBUILD"), root);
        assertTrue(root.contains("Autounattend.xml"), "a long (VFAT) name: " + root);
        assertTrue(root.contains("drivers"), root);
        assertEquals("<unattend/>\n", Commands.check(List.of("mtype", "-i", img.toString(), "::/Autounattend.xml")));
        assertEquals("[Version]\n", Commands.check(List.of("mtype", "-i", img.toString(), "::/drivers/net/netkvm.inf")));
    }

    @Test
    void tooMuchForAFloppyIsSaidBeforeAnythingIsMade() throws Exception {
        Path big = dir.resolve("big.bin");
        Files.write(big, new byte[1_500_000]);
        Path img = dir.resolve("floppy.img");
        StepFailure e = assertThrows(StepFailure.class,
                () -> FloppyImage.make(MediaFiles.floppy(dir, List.of("big.bin"), List.of()), null, img, Cancellation.root()));
        assertTrue(e.getMessage().contains("more than the 1.4 MiB a 1.44 MB floppy holds"), e.getMessage());
        assertFalse(Files.exists(img));
    }

    @Test
    void parentsComeBeforeTheirChildren() throws Exception {
        MediaFiles m = new MediaFiles(new java.util.TreeMap<>(java.util.Map.of("a/b/c.txt", new MediaFiles.Inline("x"),
                "z.txt", new MediaFiles.Inline("y"))), new java.util.TreeSet<>(List.of("e/f")));
        assertEquals(List.of("a", "a/b", "e", "e/f"), FloppyImage.directories(m));
    }
}
