package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.util.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes the floppy image (floppy_files, floppy_dirs) and the extra CD image (cd_files, cd_content) in
 * the build's scratch directory, before anything slow happens, so a missing file stops the build at
 * once. Cleanup deletes both images (the machine that used them is gone by then).
 */
final class CreateMediaStep implements Step {

    private final QemuConfig config;
    private final Path workingDir;

    CreateMediaStep(QemuConfig config, Path workingDir) {
        this.config = config;
        this.workingDir = workingDir;
    }

    @Override
    public String name() {
        return "CreateMedia";
    }

    static boolean needed(QemuConfig c) {
        return !c.floppyFiles().isEmpty() || !c.floppyDirs().isEmpty() || !c.cdFiles().isEmpty()
                || !c.cdContent().isEmpty();
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path work = ctx.state().get(QemuKeys.WORK_DIR);
        if (!config.floppyFiles().isEmpty() || !config.floppyDirs().isEmpty()) {
            MediaFiles files = MediaFiles.floppy(workingDir, config.floppyFiles(), config.floppyDirs());
            Path image = work.resolve("floppy.img");
            ctx.ui().say("Creating the floppy image (" + count(files) + ", label "
                    + FloppyImage.effectiveLabel(config.floppyLabel()) + ")");
            ctx.state().put(QemuKeys.FLOPPY_IMAGE, image); // before it exists: cleanup removes a half-made one too
            FloppyImage.make(files, config.floppyLabel(), image, ctx.cancellation());
        }
        if (!config.cdFiles().isEmpty() || !config.cdContent().isEmpty()) {
            MediaFiles files = MediaFiles.cd(workingDir, config.cdFiles(), config.cdContent());
            Path iso = work.resolve("cd.iso");
            ctx.ui().say("Creating the CD image (" + count(files) + ", label " + CdImage.effectiveLabel(config.cdLabel())
                    + ")");
            ctx.state().put(QemuKeys.CD_IMAGE, iso);
            CdImage.make(files, config.cdLabel(), iso, work.resolve("cd-scratch"), ctx.cancellation());
            ctx.ui().message("CD image " + iso + ": " + Sizes.bytes(Files.size(iso)));
        }
    }

    private static String count(MediaFiles files) throws IOException {
        int n = files.files().size();
        long bytes = 0;
        for (MediaFiles.Source s : files.files().values()) {
            bytes += s.size();
        }
        return n + (n == 1 ? " file, " : " files, ") + Sizes.bytes(bytes);
    }

    @Override
    public void cleanup(StepContext ctx) throws IOException {
        delete(ctx.state().remove(QemuKeys.CD_IMAGE));
        delete(ctx.state().remove(QemuKeys.FLOPPY_IMAGE));
    }

    private static void delete(Optional<Path> image) throws IOException {
        if (image.isPresent()) {
            Files.deleteIfExists(image.get());
        }
    }
}
