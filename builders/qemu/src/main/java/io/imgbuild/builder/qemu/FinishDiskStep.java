package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the build disk into the final image in one pass: {@code qemu-img convert} flattens an overlay
 * (and compacts, and compresses with disk_compression) into a temporary name, which is then renamed to
 * {@code vm_name}; a disk that needs none of that is just renamed. The final name never holds a
 * half-written image.
 */
final class FinishDiskStep implements Step {

    private final QemuConfig config;
    private final DiskPlan plan;

    FinishDiskStep(QemuConfig config, DiskPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    @Override
    public String name() {
        return "FinishDisk";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Path build = plan.buildDisk();
        Path target = plan.finalDisk();
        if (build.equals(target)) {
            ctx.state().put(QemuKeys.OUTPUT_DISK, target); // use_backing_file: the overlay is the image
            return;
        }
        if (!plan.convertAtEnd()) {
            Files.move(build, target, StandardCopyOption.ATOMIC_MOVE);
            ctx.state().put(QemuKeys.OUTPUT_DISK, target);
            return;
        }
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        List<String> args = new ArrayList<>(List.of("convert"));
        args.addAll(config.qemuImgArgs().getOrDefault("convert", List.of()));
        args.addAll(List.of("-O", plan.finalFormat()));
        if (config.effectiveDiskCompression()) {
            args.add("-c");
        }
        args.addAll(List.of(build.toString(), part.toString()));
        ctx.ui().say("Converting the disk to " + plan.finalFormat() + (plan.overlay() ? " (flattening the overlay)" : "")
                + (config.effectiveDiskCompression() ? ", compressed" : ""));
        long start = System.nanoTime();
        try {
            QemuImg.run(args, ctx.cancellation());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        Files.deleteIfExists(build);
        ctx.ui().message("Converted in " + (System.nanoTime() - start) / 100_000_000 / 10.0 + " s: " + target + " ("
                + io.imgbuild.core.util.Sizes.bytes(Files.size(target)) + ")");
        ctx.state().put(QemuKeys.OUTPUT_DISK, target);
    }
}
