package io.imgbuild.testkit.qemu;

import io.imgbuild.testkit.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Debian 12 base disks that qemu builds start from, made by the project's own
 * {@code templates/debian12/make-base-disk} (debootstrap from Debian's mirror, cached under a path keyed
 * by its inputs, so only the first call of a machine pays the minute it takes).
 */
public final class BaseDisks {

    private static final Duration MAKE_TIMEOUT = Duration.ofMinutes(20);
    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

    private BaseDisks() {
    }

    /** The base disk that boots straight to a login. */
    public static Path auto() throws IOException, InterruptedException {
        return variant("auto");
    }

    /** The base disk whose boot loader waits at its {@code boot:} prompt for a typed command. */
    public static Path prompt() throws IOException, InterruptedException {
        return variant("prompt");
    }

    private static synchronized Path variant(String name) throws IOException, InterruptedException {
        Path known = MADE.get(name);
        if (known != null) {
            return known;
        }
        Path script = repositoryRoot().resolve("templates/debian12/make-base-disk");
        Commands.Result r = Commands.run(List.of(script.toString(), "--variant", name), null, MAKE_TIMEOUT);
        String out = r.orThrow().strip();
        Path disk = Path.of(out.substring(out.lastIndexOf('\n') + 1).strip());
        if (!Files.isRegularFile(disk)) {
            throw new IOException(script + " did not name a disk on its last line:\n" + out);
        }
        MADE.put(name, disk);
        return disk;
    }

    /** The checkout's root: the first parent of the working directory that has templates/debian12. */
    public static Path repositoryRoot() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("templates/debian12"))) {
                return p;
            }
        }
        throw new IOException("no templates/debian12 above " + Path.of("").toAbsolutePath());
    }
}
