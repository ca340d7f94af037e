package io.imgbuild.core.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file under a temporary name in the target's directory and renames it into place only
 * when complete, so a failure, Ctrl-C or crash never leaves a half-written file at the final path.
 * Every open temporary file is known to {@link #deleteAllPending()}, which the CLI calls when a
 * second Ctrl-C aborts without the usual cleanup.
 */
public final class AtomicFile implements AutoCloseable {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private boolean committed;

    private AtomicFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Starts a new file for {@code target}; creates missing parent directories. */
    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: it makes the file owner-only (0600), and the rename would carry
        // that to the artifact. createFile gives the usual permissions (0666 less the umask).
        Path temp = null;
        for (int attempt = 0; temp == null; attempt++) {
            Path candidate = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".imgbuild-tmp");
            try {
                temp = Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
        PENDING.add(temp);
        return new AtomicFile(abs, temp);
    }

    /** Where to write. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /**
     * Flushes the data to disk and moves it to the target.
     *
     * @param overwrite replace an existing file (only with -force); otherwise an existing target is an error
     */
    public void commit(boolean overwrite) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        if (!overwrite) {
            // link(2) fails if the target exists, atomically: no window for another writer.
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
                committed = true;
                PENDING.remove(temp);
                return;
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists; use -force to replace it");
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString(), null, "exists; use -force to replace it");
                }
                // a file system without hard links: fall through to a rename
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        PENDING.remove(temp);
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
            PENDING.remove(temp);
        }
    }

    /** Deletes every temporary file not yet committed (for an abort that skips normal cleanup). */
    public static void deleteAllPending() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort on the way out
            }
        }
        PENDING.clear();
    }
}
