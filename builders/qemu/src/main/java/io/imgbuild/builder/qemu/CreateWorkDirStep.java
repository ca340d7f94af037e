package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch directory for this build (serial console log, KVM probe, CD image), removed in cleanup.
 * World-readable, because QEMU and virtlogd may run as other users than the build.
 */
final class CreateWorkDirStep implements Step {

    @Override
    public String name() {
        return "CreateWorkDir";
    }

    @Override
    public void run(StepContext ctx) throws IOException {
        Path dir = Files.createTempDirectory("imgbuild-qemu-");
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
