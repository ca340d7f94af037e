package io.imgbuild.builder.qemu;

import io.imgbuild.core.download.DownloadKeys;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.util.Sizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the machine's disks with qemu-img: an empty disk of {@code disk_size} for an installer, or a
 * qcow2 overlay on the source image (grown to {@code disk_size} unless skip_resize_disk), plus
 * {@code disk_additional_size} disks. They live in the output directory, which its own step removes
 * when the build fails.
 */
final class CreateDisksStep implements Step {

    private final QemuConfig config;
    private final DiskPlan plan;

    CreateDisksStep(QemuConfig config, DiskPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    @Override
    public String name() {
        return "CreateDisks";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        long size = DiskImages.bytes(config.diskSize());
        if (plan.overlay()) {
            Path source = ctx.state().get(DownloadKeys.ISO_PATH);
            DiskImages.Info info = DiskImages.info(source, ctx.cancellation());
            ctx.ui().say("Creating a qcow2 overlay on " + source.getFileName() + " (" + info.format() + ", "
                    + Sizes.bytes(info.virtualSize()) + ")");
            QemuImg.run(args("create", List.of("-f", "qcow2", "-b", source.toAbsolutePath().toString(), "-F",
                    info.format(), plan.buildDisk().toString())), ctx.cancellation());
            if (!config.skipResizeDisk()) {
                if (size > info.virtualSize()) {
                    QemuImg.run(args("resize", List.of(plan.buildDisk().toString(), Long.toString(size))),
                            ctx.cancellation());
                } else if (size < info.virtualSize()) {
                    ctx.ui().say("disk_size (" + Sizes.bytes(size) + ") is smaller than the source image ("
                            + Sizes.bytes(info.virtualSize()) + "): keeping the source's size");
                }
            }
        } else {
            ctx.ui().say("Creating a " + Sizes.bytes(size) + " " + config.format() + " disk");
            QemuImg.run(args("create", List.of("-f", config.format(), plan.buildDisk().toString(), Long.toString(size))),
                    ctx.cancellation());
        }
        for (int i = 0; i < plan.additionalDisks().size(); i++) {
            long extra = DiskImages.bytes(config.diskAdditionalSize().get(i));
            QemuImg.run(args("create", List.of("-f", config.format(), plan.additionalDisks().get(i).toString(),
                    Long.toString(extra))), ctx.cancellation());
        }
    }

    /** qemu-img arguments with the template's qemu_img_args for that command placed first, as Packer does. */
    private List<String> args(String command, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(config.qemuImgArgs().getOrDefault(command, List.of()));
        all.addAll(rest);
        return all;
    }
}
