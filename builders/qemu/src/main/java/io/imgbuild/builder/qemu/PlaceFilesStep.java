package io.imgbuild.builder.qemu;

import io.imgbuild.core.download.DownloadKeys;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the machine's files where a remote libvirt host can open them: the source image, the disks,
 * the installation ISO and the cd_files / floppy images, each as a volume. A qcow2 overlay names its
 * backing file by path, so before it is copied its header is pointed at the source's volume (an
 * unsafe rebase: only the name changes); {@link FetchDisksStep} points it back. On a local host
 * there is nothing to do.
 */
final class PlaceFilesStep implements Step {

    /** Local file (absolute, normalised) to the path the libvirt host sees. */
    static final Key<Map<Path, String>> HOST_PATHS = new Key<>("qemu.hostPaths");

    private final QemuConfig config;
    private final DiskPlan plan;

    PlaceFilesStep(QemuConfig config, DiskPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    @Override
    public String name() {
        return "PlaceFiles";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        HostFiles files = ctx.state().get(HostFiles.KEY);
        if (!files.remote()) {
            return;
        }
        Map<Path, String> paths = new HashMap<>();
        if (plan.overlay()) {
            Path source = ctx.state().get(DownloadKeys.ISO_PATH);
            String format = DiskImages.info(source, ctx.cancellation()).format();
            String hostSource = files.place(source, "source", ctx);
            paths.put(HostFiles.key(source), hostSource);
            rebase(plan.buildDisk(), hostSource, format, ctx);
        }
        List<Path> disks = plan.machineDisks();
        for (int i = 0; i < disks.size(); i++) {
            String role = i == 0 ? "disk" : "disk-" + i;
            if (i == 0 && plan.overlay()) {
                paths.put(HostFiles.key(disks.get(i)), files.place(disks.get(i), role, ctx));
            } else {
                // Made empty by CreateDisks: the host makes its own instead of receiving zeros.
                Object size = i == 0 ? config.diskSize() : config.diskAdditionalSize().get(i - 1);
                paths.put(HostFiles.key(disks.get(i)), files.placeEmpty(disks.get(i), role, DiskImages.bytes(size),
                        i == 0 ? plan.buildFormat() : config.format(), ctx));
            }
        }
        if (!config.diskImage()) {
            Path iso = ctx.state().get(DownloadKeys.ISO_PATH);
            paths.put(HostFiles.key(iso), files.place(iso, "iso", ctx));
        }
        for (Path cd : ctx.state().find(QemuKeys.CD_IMAGE).stream().toList()) {
            paths.put(HostFiles.key(cd), files.place(cd, "cd", ctx));
        }
        for (Path floppy : ctx.state().find(QemuKeys.FLOPPY_IMAGE).stream().toList()) {
            paths.put(HostFiles.key(floppy), files.place(floppy, "floppy", ctx));
        }
        ctx.state().put(HOST_PATHS, Map.copyOf(paths));
    }

    /** Points a qcow2 overlay at another backing file without touching its data. */
    static void rebase(Path overlay, String backing, String backingFormat, StepContext ctx) throws Exception {
        QemuImg.run(List.of("rebase", "-u", "-b", backing, "-F", backingFormat, overlay.toString()), ctx.cancellation());
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(HOST_PATHS); // the volumes go when the host's files are closed
    }
}
