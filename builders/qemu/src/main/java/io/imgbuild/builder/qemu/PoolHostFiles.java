package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.ui.ProgressBar;
import io.imgbuild.core.util.Sizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.libvirt.Connect;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * The build's files on a remote libvirt host: each one a volume in a storage pool, copied through
 * the libvirt connection itself (no file access on the host needed), named after the build's run so
 * parallel builds never collide, and deleted when the build ends, however it ends.
 */
final class PoolHostFiles implements HostFiles {

    private final Connect connect;
    private final StoragePool pool;
    private final String prefix;
    private final Map<Path, StorageVol> placed = new LinkedHashMap<>();

    /** @param prefix starts every volume name, e.g. imgbuild-1a2b3c4d-debian12 */
    PoolHostFiles(Connect connect, StoragePool pool, String prefix) {
        this.connect = connect;
        this.pool = pool;
        this.prefix = prefix;
    }

    @Override
    public synchronized String place(Path local, String role, StepContext ctx) throws Exception {
        Path key = HostFiles.key(local);
        remove(key); // placed again (e.g. a disk rebased since): the host gets the new bytes
        long size = Files.size(local);
        StorageVol vol = LibvirtVolumes.create(pool, prefix + "-" + role, size, "raw");
        placed.put(key, vol);
        ctx.ui().say("Copying " + local.getFileName() + " (" + Sizes.bytes(size) + ") to the libvirt host as volume "
                + vol.getName());
        try (ProgressBar bar = ctx.ui().progress(local.getFileName().toString(), size)) {
            LibvirtVolumes.upload(connect, vol, local, bar::advance, ctx.cancellation());
        }
        return vol.getPath();
    }

    @Override
    public synchronized String placeEmpty(Path local, String role, long capacity, String format, StepContext ctx)
            throws Exception {
        Path key = HostFiles.key(local);
        remove(key);
        StorageVol vol = LibvirtVolumes.create(pool, prefix + "-" + role, capacity, format);
        placed.put(key, vol);
        ctx.ui().say("Created an empty " + format + " disk of " + Sizes.bytes(capacity) + " on the libvirt host as volume "
                + vol.getName());
        return vol.getPath();
    }

    @Override
    public synchronized void fetch(Path local, StepContext ctx) throws Exception {
        Path key = HostFiles.key(local);
        StorageVol vol = placed.get(key);
        if (vol == null) {
            throw new IllegalStateException(local + " was never placed on the libvirt host");
        }
        Path temp = Files.createTempFile(key.getParent(), "." + key.getFileName(), ".fetching");
        try {
            long size = vol.getInfo().capacity;
            ctx.ui().say("Copying " + vol.getName() + " back from the libvirt host");
            try (ProgressBar bar = ctx.ui().progress(key.getFileName().toString(), size)) {
                LibvirtVolumes.download(connect, vol, temp, bar::advance, ctx.cancellation());
            }
            Files.move(temp, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public synchronized void remove(Path local) {
        StorageVol vol = placed.remove(HostFiles.key(local));
        if (vol != null) {
            LibvirtVolumes.deleteQuietly(vol);
        }
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public synchronized void close() {
        for (StorageVol vol : placed.values()) {
            LibvirtVolumes.deleteQuietly(vol);
        }
        placed.clear();
    }
}
