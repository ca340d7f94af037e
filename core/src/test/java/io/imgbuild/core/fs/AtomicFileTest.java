package io.imgbuild.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void commitMovesTheFileIntoPlace() throws Exception {
        Path target = dir.resolve("manifest.json");
        try (AtomicFile f = AtomicFile.create(target)) {
            assertEquals(dir, f.temp().getParent(), "same directory, so the rename is atomic");
            Files.writeString(f.temp(), "{}");
            assertFalse(Files.exists(target), "not visible before commit");
            f.commit(false);
        }
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws Exception {
        try (AtomicFile f = AtomicFile.create(dir.resolve("box.tar"))) {
            Files.writeString(f.temp(), "half");
        }
        assertEquals(List.of(), files());
    }

    @Test
    void noOverwriteWithoutTheFlag() throws Exception {
        Path target = dir.resolve("out.img");
        Files.writeString(target, "old");
        try (AtomicFile f = AtomicFile.create(target)) {
            Files.writeString(f.temp(), "new");
            FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> f.commit(false));
            assertTrue(e.getMessage().contains("-force"), e.getMessage());
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
        try (AtomicFile f = AtomicFile.create(target)) {
            Files.writeString(f.temp(), "new");
            f.commit(true);
        }
        assertEquals("new", Files.readString(target));
    }

    @Test
    void createsMissingParents() throws Exception {
        Path target = dir.resolve("a/b/c.txt");
        try (AtomicFile f = AtomicFile.create(target)) {
            Files.writeString(f.temp(), "x");
            f.commit(false);
        }
        assertEquals("x", Files.readString(target));
    }

    @Test
    void deleteAllPendingRemovesUncommittedTemporaries() throws Exception {
        AtomicFile a = AtomicFile.create(dir.resolve("a"));
        AtomicFile b = AtomicFile.create(dir.resolve("b"));
        Files.writeString(a.temp(), "x");
        try (AtomicFile c = AtomicFile.create(dir.resolve("c"))) {
            c.commit(false);
        }
        AtomicFile.deleteAllPending();
        assertEquals(List.of(dir.resolve("c")), files());
        a.close();
        b.close();
    }

    @Test
    void theCommittedFileHasOrdinaryPermissions() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path target = dir.resolve("manifest.json");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.commit(false);
        }
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(target), "as if written directly (umask applies)");
    }
}
