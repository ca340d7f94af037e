package io.imgbuild.builder.qemu;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.Stream;
import org.libvirt.jna.SizeT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disks on a libvirt host's storage pool, copied through the libvirt connection itself
 * (virStorageVolUpload / virStorageVolDownload streams), so a remote host (qemu+ssh://) needs no
 * second channel: the disk made here goes up as a volume, the built disk comes back down.
 *
 * <p>Transfers are blocking and go in {@value #CHUNK}-byte chunks; cancellation is checked between
 * chunks (a stream is not safe to abort from another thread while a send or receive runs on it), so
 * a cancelled transfer stops within one chunk and its stream is aborted, never left half open.
 */
final class LibvirtVolumes {

    private static final Logger LOG = LoggerFactory.getLogger(LibvirtVolumes.class);
    /** Bytes per send/receive: big enough that per-call overhead over SSH is small, small enough to cancel quickly. */
    static final int CHUNK = 4 << 20;

    private LibvirtVolumes() {
    }

    /**
     * The storage pool {@code name} on {@code c}'s host, started if it was inactive and refreshed (so
     * volumes made behind libvirt's back are listed).
     */
    static StoragePool pool(Connect c, String name) throws StepFailure {
        String host = uri(c);
        StoragePool pool;
        try {
            pool = c.storagePoolLookupByName(name);
        } catch (LibvirtException e) {
            if (code(e) == ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
                throw new StepFailure("libvirt storage pool '" + name + "' does not exist on " + host
                        + " (its pools: " + poolNames(c) + "); make it with: virsh -c " + host + " pool-define-as "
                        + name + " dir --target /var/lib/libvirt/images && virsh -c " + host + " pool-start " + name);
            }
            throw new StepFailure("cannot look up libvirt storage pool '" + name + "' on " + host + ": "
                    + LibvirtErrors.message(e) + "; check that the connection works (virsh -c " + host + " pool-list --all)");
        }
        try {
            if (pool.isActive() != 1) {
                LOG.info("starting libvirt storage pool {} on {}", name, host);
                pool.create(0);
            }
            pool.refresh(0);
        } catch (LibvirtException e) {
            throw new StepFailure("cannot start or refresh libvirt storage pool '" + name + "' on " + host + ": "
                    + LibvirtErrors.message(e) + "; check it with: virsh -c " + host + " pool-start " + name);
        }
        return pool;
    }

    /**
     * The volume {@code name} in {@code pool}, if there is one. For callers that know a name is
     * theirs (a leftover of their own earlier run) and want to reuse or delete it before
     * {@link #create}, which refuses any existing name.
     */
    static Optional<StorageVol> find(StoragePool pool, String name) throws StepFailure {
        try {
            return Optional.of(pool.storageVolLookupByName(name));
        } catch (LibvirtException e) {
            if (code(e) == ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                return Optional.empty();
            }
            throw new StepFailure("cannot look up volume '" + name + "' in " + where(pool) + ": " + LibvirtErrors.message(e));
        }
    }

    /**
     * A new volume of {@code capacityBytes} in {@code format} (raw, qcow2, ... as libvirt names them).
     * A volume of that name already there is an error: this class cannot tell whose it is, so a
     * caller that owns the name deletes it first (see {@link #find}).
     */
    static StorageVol create(StoragePool pool, String name, long capacityBytes, String format) throws StepFailure {
        if (find(pool, name).isPresent()) {
            throw new StepFailure("volume '" + name + "' already exists in " + where(pool)
                    + "; delete it (virsh -c " + uri(pool.getConnect()) + " vol-delete " + name + " --pool " + poolName(pool)
                    + ") or choose another name");
        }
        String xml = "<volume>"
                + "<name>" + xmlText(name) + "</name>"
                + "<capacity unit='bytes'>" + capacityBytes + "</capacity>"
                + "<target><format type='" + xmlText(format) + "'/></target>"
                + "</volume>";
        try {
            return pool.storageVolCreateXML(xml, 0);
        } catch (LibvirtException e) {
            throw new StepFailure("cannot create " + format + " volume '" + name + "' of " + capacityBytes + " bytes in "
                    + where(pool) + ": " + LibvirtErrors.message(e) + "; check the pool's free space (virsh pool-info "
                    + poolName(pool) + ")");
        }
    }

    /**
     * Writes the bytes of {@code local} into {@code vol} from offset 0 (the volume must be at least
     * that large). {@code progress} gets the bytes of each chunk once it is sent (increments, as
     * {@code ProgressBar::advance} takes them), on this thread; it may cancel {@code cancel}, which
     * stops the transfer before the next chunk.
     */
    static void upload(Connect c, StorageVol vol, Path local, LongConsumer progress, Cancellation cancel)
            throws StepFailure, CancelledException {
        cancel.throwIfCancelled();
        String what = "uploading " + local + " to volume '" + volName(vol) + "' on " + uri(c);
        VirtStreamCalls api = VirtStreamCalls.get();
        try (FileChannel in = FileChannel.open(local, StandardOpenOption.READ); Memory buf = new Memory(CHUNK)) {
            long size = in.size();
            withStream(c, what, stream -> {
                check(what, api.virStorageVolUpload(LibvirtHandles.of(vol), stream, 0, size, 0));
                ByteBuffer view = buf.getByteBuffer(0, CHUNK);
                long sent = 0;
                while (sent < size) {
                    cancel.throwIfCancelled();
                    view.clear().limit((int) Math.min(CHUNK, size - sent));
                    int n = in.read(view, sent);
                    if (n <= 0) {
                        throw new IOException("it shrank to " + sent + " bytes while being read");
                    }
                    // A send may take fewer bytes than offered; the rest goes in the next call.
                    for (int off = 0; off < n; ) {
                        int w = api.virStreamSend(stream, buf.share(off), new SizeT(n - off));
                        check(what, w <= 0 ? -1 : 0);
                        off += w;
                    }
                    sent += n;
                    progress.accept(n);
                }
                cancel.throwIfCancelled();
            });
        } catch (IOException e) {
            throw new StepFailure(what + " failed: cannot read the file: " + e.getMessage());
        }
    }

    /**
     * Writes the whole of {@code vol} into {@code local} (created or truncated; the caller picks a
     * temporary name and renames it when this returns). On failure or cancellation {@code local} is
     * deleted. {@code progress} gets the bytes of each chunk once it is written (increments), on this
     * thread; it may cancel {@code cancel}, which stops the transfer before the next chunk.
     */
    static void download(Connect c, StorageVol vol, Path local, LongConsumer progress, Cancellation cancel)
            throws StepFailure, CancelledException {
        cancel.throwIfCancelled();
        String what = "downloading volume '" + volName(vol) + "' from " + uri(c) + " to " + local;
        VirtStreamCalls api = VirtStreamCalls.get();
        boolean done = false;
        try (FileChannel out = FileChannel.open(local, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING); Memory buf = new Memory(CHUNK)) {
            withStream(c, what, stream -> {
                // Length 0: up to the end of the volume.
                check(what, api.virStorageVolDownload(LibvirtHandles.of(vol), stream, 0, 0, 0));
                while (true) {
                    cancel.throwIfCancelled();
                    int n = api.virStreamRecv(stream, buf, new SizeT(CHUNK));
                    check(what, n);
                    if (n == 0) {
                        return;
                    }
                    ByteBuffer view = buf.getByteBuffer(0, n);
                    while (view.hasRemaining()) {
                        out.write(view);
                    }
                    progress.accept(n);
                }
            });
            done = true;
        } catch (IOException e) {
            throw new StepFailure(what + " failed: cannot write the file: " + e.getMessage()
                    + "; check the free space and permissions there");
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    LOG.debug("cannot delete the partial download {}", local, e);
                }
            }
        }
    }

    /** Deletes {@code vol} if it can, for cleanup paths: a failure is logged at debug, never thrown. */
    static void deleteQuietly(StorageVol vol) {
        if (vol == null) {
            return;
        }
        try {
            vol.delete(0);
        } catch (LibvirtException | RuntimeException e) {
            LOG.debug("cannot delete libvirt volume {}", vol, e);
        }
    }

    /** What runs on a stream between its creation and its end; {@code stream} is the C handle. */
    @FunctionalInterface
    private interface StreamWork {
        void run(Pointer stream) throws StepFailure, CancelledException, IOException;
    }

    /**
     * One libvirt stream from creation to free: {@code work} binds it to a volume and moves the
     * bytes; a normal return finishes the stream (the far end then flushes and closes the volume),
     * anything else aborts it, so the host never keeps a half-done transfer open. Either way it is freed.
     */
    private static void withStream(Connect c, String what, StreamWork work)
            throws StepFailure, CancelledException, IOException {
        Stream stream;
        try {
            stream = c.streamNew(0);
        } catch (LibvirtException e) {
            throw new StepFailure(what + " failed: cannot open a libvirt stream: " + LibvirtErrors.message(e));
        }
        boolean finished = false;
        try {
            work.run(LibvirtHandles.of(stream));
            try {
                stream.finish();
            } catch (LibvirtException e) {
                throw new StepFailure(what + " failed at the end: " + LibvirtErrors.message(e));
            }
            finished = true;
        } finally {
            if (!finished) {
                try {
                    stream.abort();
                } catch (LibvirtException | RuntimeException e) {
                    // A stream never bound to a volume, or one the far end already closed, refuses the abort.
                    LOG.debug("aborting the libvirt stream failed", e);
                }
            }
            try {
                stream.free();
            } catch (LibvirtException e) {
                LOG.debug("freeing the libvirt stream failed", e);
            }
        }
    }

    /** Turns a libvirt call's negative result into a failure carrying libvirt's own message. */
    private static void check(String what, int result) throws StepFailure {
        if (result < 0) {
            throw new StepFailure(what + " failed: " + VirtStreamCalls.get().virGetLastErrorMessage().strip()
                    + "; check the connection to the libvirt host and the pool's free space");
        }
    }

    private static ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }

    private static String poolNames(Connect c) {
        try {
            List<String> names = new ArrayList<>(Arrays.asList(c.listStoragePools()));
            names.addAll(Arrays.asList(c.listDefinedStoragePools()));
            return names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList());
        } catch (LibvirtException e) {
            return "cannot list them: " + LibvirtErrors.message(e);
        }
    }

    private static String uri(Connect c) {
        try {
            return c.getURI();
        } catch (LibvirtException e) {
            return "the libvirt host";
        }
    }

    private static String poolName(StoragePool pool) {
        try {
            return pool.getName();
        } catch (LibvirtException e) {
            return "?";
        }
    }

    private static String where(StoragePool pool) {
        return "libvirt storage pool '" + poolName(pool) + "' on " + uri(pool.getConnect());
    }

    private static String volName(StorageVol vol) {
        try {
            return vol.getName();
        } catch (LibvirtException e) {
            return "?";
        }
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;").replace("\"", "&quot;");
    }
}
