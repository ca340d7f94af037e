package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.testkit.qemu.Libvirt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Volumes on the real libvirt daemon (qemu:///system, started by scripts/start-libvirtd) in a
 * transient dir pool of our own, so the volume files can be read straight from the pool's directory.
 */
class LibvirtVolumesTest {

    private static final int SIZE = 20 << 20;

    @TempDir
    Path dir;

    private Connect c;
    private StoragePool pool;
    private String poolName;
    private Path poolDir;

    @BeforeEach
    void transientPool() throws Exception {
        assertTrue(Libvirt.available(), "no libvirt daemon at " + Libvirt.URI + ": run scripts/start-libvirtd");
        LibvirtErrors.silence();
        c = new Connect(Libvirt.URI);
        poolName = "imgbuild-test-" + UUID.randomUUID().toString().substring(0, 8);
        poolDir = Files.createDirectory(dir.resolve("pool"));
        pool = c.storagePoolCreateXML("<pool type='dir'><name>" + poolName + "</name><target><path>" + poolDir
                + "</path></target></pool>", 0);
    }

    @AfterEach
    void destroyPool() throws Exception {
        if (c == null) {
            return;
        }
        try {
            if (pool != null) {
                for (String v : pool.listVolumes()) {
                    pool.storageVolLookupByName(v).delete(0);
                }
                pool.destroy();
            }
            assertFalse(Arrays.asList(c.listStoragePools()).contains(poolName), "our pool is gone");
            assertFalse(Arrays.asList(c.listDefinedStoragePools()).contains(poolName), "and was never defined");
        } finally {
            c.close();
        }
    }

    private Path randomFile(String name) throws Exception {
        byte[] bytes = new byte[SIZE];
        new Random(42).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aFileGoesUpAsAVolumeAndComesBackTheSame() throws Exception {
        Path source = randomFile("source.raw");
        StoragePool found = LibvirtVolumes.pool(c, poolName);
        StorageVol vol = LibvirtVolumes.create(found, "disk.raw", SIZE, "raw");
        assertEquals(List.of("disk.raw"), Arrays.asList(pool.listVolumes()));

        List<Long> sent = new ArrayList<>();
        LibvirtVolumes.upload(c, vol, source, sent::add, Cancellation.root());
        assertEquals(SIZE, sent.stream().mapToLong(Long::longValue).sum(), "progress adds up to the file's size");
        assertEquals(SIZE / LibvirtVolumes.CHUNK, sent.size(), "one progress call per chunk");
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(poolDir.resolve("disk.raw")),
                "the volume's file holds the uploaded bytes");

        Path back = dir.resolve("back.raw");
        List<Long> received = new ArrayList<>();
        LibvirtVolumes.download(c, vol, back, received::add, Cancellation.root());
        assertEquals(SIZE, received.stream().mapToLong(Long::longValue).sum());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(back), "the download equals the source");

        StepFailure twice = assertThrows(StepFailure.class, () -> LibvirtVolumes.create(found, "disk.raw", SIZE, "raw"));
        assertTrue(twice.getMessage().contains("volume 'disk.raw' already exists in libvirt storage pool '" + poolName + "'"),
                twice.getMessage());
        assertTrue(LibvirtVolumes.find(found, "disk.raw").isPresent());

        LibvirtVolumes.deleteQuietly(vol);
        found.refresh(0);
        assertEquals(List.of(), Arrays.asList(pool.listVolumes()), "the pool no longer lists the volume");
        assertFalse(Files.exists(poolDir.resolve("disk.raw")));
        assertTrue(LibvirtVolumes.find(found, "disk.raw").isEmpty());
    }

    @Test
    void aMissingPoolSaysWhereAndHowToMakeOne() {
        StepFailure e = assertThrows(StepFailure.class, () -> LibvirtVolumes.pool(c, "imgbuild-no-such-pool"));
        String m = e.getMessage();
        assertTrue(m.startsWith("libvirt storage pool 'imgbuild-no-such-pool' does not exist on qemu:///system"), m);
        assertTrue(m.contains(poolName), "lists the pools that exist: " + m);
        assertTrue(m.contains("pool-define-as imgbuild-no-such-pool dir --target /var/lib/libvirt/images"), m);
        assertTrue(m.contains("pool-start imgbuild-no-such-pool"), m);
    }

    @Test
    void anInactivePoolIsStarted() throws Exception {
        String name = poolName + "-defined";
        Path target = Files.createDirectory(dir.resolve("defined"));
        StoragePool defined = c.storagePoolDefineXML("<pool type='dir'><name>" + name + "</name><target><path>" + target
                + "</path></target></pool>", 0);
        try {
            assertEquals(0, defined.isActive());
            assertEquals(1, LibvirtVolumes.pool(c, name).isActive());
        } finally {
            defined.destroy();
            defined.undefine();
        }
        assertFalse(Arrays.asList(c.listStoragePools()).contains(name));
        assertFalse(Arrays.asList(c.listDefinedStoragePools()).contains(name));
    }

    @Test
    void cancellingAnUploadAbortsItsStream() throws Exception {
        Path source = randomFile("source.raw");
        StorageVol vol = LibvirtVolumes.create(LibvirtVolumes.pool(c, poolName), "cut.raw", SIZE, "raw");
        Cancellation cancel = Cancellation.root();
        List<Long> sent = new ArrayList<>();
        List<Path> openDuring = new ArrayList<>();
        CancelledException e = assertThrows(CancelledException.class, () -> LibvirtVolumes.upload(c, vol, source, n -> {
            sent.add(n);
            openDuring.addAll(daemonOpenFilesUnder(poolDir));
            cancel.cancel("test cancels after the first chunk");
        }, cancel));
        assertEquals("test cancels after the first chunk", e.getMessage());
        assertEquals(List.of((long) LibvirtVolumes.CHUNK), sent, "stopped before the second chunk");
        // The daemon holds the volume's file open while a stream writes it; the abort makes it let go.
        assertEquals(List.of(poolDir.resolve("cut.raw")), openDuring, "the check sees a running upload");
        assertEquals(List.of(), waitForDaemonToClose(poolDir), "no half stream left on the daemon");

        // The aborted stream let go of the volume: a whole new upload goes through and is complete.
        LibvirtVolumes.upload(c, vol, source, n -> { }, Cancellation.root());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(poolDir.resolve("cut.raw")));
        vol.delete(0);
        pool.refresh(0);
        assertEquals(List.of(), Arrays.asList(pool.listVolumes()));
    }

    /** Files under {@code dir} the libvirt daemon has open, from /proc (the test runs on the daemon's machine). */
    private static List<Path> daemonOpenFilesUnder(Path dir) {
        List<ProcessHandle> daemons = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(cmd -> cmd.endsWith("/libvirtd") || cmd.endsWith("/virtstoraged"))
                        .orElse(false))
                .toList();
        assertFalse(daemons.isEmpty(), "no libvirtd process found");
        List<Path> open = new ArrayList<>();
        for (ProcessHandle d : daemons) {
            try (var fds = Files.list(Path.of("/proc", String.valueOf(d.pid()), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        Path target = Files.readSymbolicLink(fd);
                        if (target.startsWith(dir)) {
                            open.add(target);
                        }
                    } catch (java.io.IOException closedMeanwhile) {
                        // the descriptor closed between the listing and the read: not open
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return open;
    }

    /** The daemon closes an aborted stream's file on its own I/O thread, just after the abort returns. */
    private static List<Path> waitForDaemonToClose(Path dir) throws InterruptedException {
        List<Path> open = daemonOpenFilesUnder(dir);
        for (int i = 0; i < 50 && !open.isEmpty(); i++) {
            Thread.sleep(100);
            open = daemonOpenFilesUnder(dir);
        }
        return open;
    }

    @Test
    void aCancelledDownloadLeavesNoFile() throws Exception {
        Path source = randomFile("source.raw");
        StorageVol vol = LibvirtVolumes.create(LibvirtVolumes.pool(c, poolName), "d.raw", SIZE, "raw");
        LibvirtVolumes.upload(c, vol, source, n -> { }, Cancellation.root());
        Cancellation cancel = Cancellation.root();
        Path back = dir.resolve("back.raw");
        assertThrows(CancelledException.class,
                () -> LibvirtVolumes.download(c, vol, back, n -> cancel.cancel("stop"), cancel));
        assertFalse(Files.exists(back), "the partial download is deleted");
        assertEquals(List.of(), waitForDaemonToClose(poolDir), "no half stream left on the daemon");
        vol.delete(0);
    }
}
