package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobsTest {

    @TempDir
    Path dir;

    private List<String> expand(String pattern) throws Exception {
        return Globs.expand(dir, pattern).stream().map(p -> dir.relativize(p).toString()).toList();
    }

    @Test
    void matchesAsGoFilepathGlobDoes() throws Exception {
        for (String f : List.of("a/user-data", "a/meta-data", "a/.hidden", "a/sub/deep.cfg", "b/x.cfg", "c1.cfg", "c2.cfg",
                "cx.cfg", "[odd].cfg")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), f);
        }
        // * does not cross a slash, matches dot files, and each directory's names come sorted.
        assertEquals(List.of("a/.hidden", "a/meta-data", "a/sub", "a/user-data"), expand("a/*"));
        assertEquals(List.of("b/x.cfg"), expand("*/*.cfg"));
        assertEquals(List.of("a/sub/deep.cfg"), expand("*/*/*.cfg"));
        assertEquals(List.of("c1.cfg", "c2.cfg"), expand("c[0-9].cfg"));
        assertEquals(List.of("cx.cfg"), expand("c[^0-9].cfg"));
        assertEquals(List.of("c1.cfg", "c2.cfg", "cx.cfg"), expand("c?.cfg"));
        assertEquals(List.of("[odd].cfg"), expand("\\[odd].cfg"));
        assertEquals(List.of(), expand("nothing-*"), "no match is no error");
        assertTrue(Globs.expand(dir, dir.resolve("a") + "/u*").get(0).isAbsolute());
    }

    @Test
    void malformedPatternsSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Globs.toRegex("a[bc")).getMessage()
                .contains("without its closing ]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Globs.toRegex("[z-a]")).getMessage()
                .contains("runs backwards"));
        assertTrue(Globs.isPattern("*.cfg") && Globs.isPattern("a?") && Globs.isPattern("[ab]") && !Globs.isPattern("a.cfg"));
    }
}
