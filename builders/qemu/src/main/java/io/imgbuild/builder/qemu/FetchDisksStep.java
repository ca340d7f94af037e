package io.imgbuild.builder.qemu;

import io.imgbuild.core.download.DownloadKeys;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Path;

/**
 * Brings the disks the machine wrote on a remote libvirt host back here, once it has stopped, so
 * the final image is made here as for a local build; an overlay's header gets its local backing
 * file back. The host's volumes are deleted as soon as they are copied.
 */
final class FetchDisksStep implements Step {

    private final DiskPlan plan;

    FetchDisksStep(DiskPlan plan) {
        this.plan = plan;
    }

    @Override
    public String name() {
        return "FetchDisks";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        HostFiles files = ctx.state().get(HostFiles.KEY);
        if (!files.remote()) {
            return;
        }
        for (Path disk : plan.machineDisks()) {
            files.fetch(disk, ctx);
            files.remove(disk);
        }
        if (plan.overlay()) {
            Path source = ctx.state().get(DownloadKeys.ISO_PATH);
            String format = DiskImages.info(source, ctx.cancellation()).format();
            PlaceFilesStep.rebase(plan.buildDisk(), source.toAbsolutePath().toString(), format, ctx);
            files.remove(source);
        }
    }
}
