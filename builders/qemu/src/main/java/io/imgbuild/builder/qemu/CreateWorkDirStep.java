package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scratch directory for this build (serial console log, KVM probe, CD image), removed in cleanup.
 * World-readable, because QEMU and virtlogd may run as other users than the build. Its name carries
 * the build process's PID, so the scratch of a build that was killed outright (no cleanup runs after
 * SIGKILL) is removed by the next build on the machine.
 */
final class CreateWorkDirStep implements Step {

    static final String PREFIX = "imgbuild-qemu-";
    private static final Logger LOG = LoggerFactory.getLogger(CreateWorkDirStep.class);

    @Override
    public String name() {
        return "CreateWorkDir";
    }

    @Override
    public void run(StepContext ctx) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftoversOfDeadBuilds(tmp);
        Path dir = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ctx.state().put(QemuKeys.WORK_DIR, dir);
    }

    @Override
    public void cleanup(StepContext ctx) throws IOException {
        Path dir = ctx.state().remove(QemuKeys.WORK_DIR).orElse(null);
        if (dir != null) {
            deleteTree(dir);
        }
    }

    /** Removes {@code imgbuild-qemu-<pid>-*} directories whose process is gone; others are left alone. */
    static void removeLeftoversOfDeadBuilds(Path tmp) {
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.filter(CreateWorkDirStep::ofDeadProcess).toList()) {
                try {
                    deleteTree(p);
                    LOG.debug("removed {}, left by a build that was killed", p);
                } catch (IOException e) {
                    LOG.debug("cannot remove {}", p, e); // another user's, or in use: not ours to force
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}", tmp, e);
        }
    }

    private static boolean ofDeadProcess(Path p) {
        String name = p.getFileName().toString();
        if (!name.startsWith(PREFIX) || !Files.isDirectory(p)) {
            return false;
        }
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(rest.substring(0, dash));
            return ProcessHandle.of(pid).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
