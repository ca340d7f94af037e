package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.StepContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers {@link AcceleratorProbe} answers so the probe's few seconds are spent once per host: in
 * memory for parallel builds, and on disk ({@code <cache>/kvm-probe/<key>}) keyed by everything that
 * can change the answer (libvirt URI and host name, libvirt and QEMU versions, host kernel release).
 */
final class KvmVerdicts {

    private static final Logger LOG = LoggerFactory.getLogger(KvmVerdicts.class);
    private static final Map<String, AcceleratorProbe.Verdict> MEMORY = new ConcurrentHashMap<>();

    private KvmVerdicts() {
    }

    static synchronized AcceleratorProbe.Verdict get(Connect connect, Path workDir, HostFiles files, StepContext ctx)
            throws Exception {
        String key = key(connect);
        AcceleratorProbe.Verdict v = MEMORY.get(key);
        if (v != null) {
            return v;
        }
        Path file = cacheDir().resolve("kvm-probe").resolve(key);
        v = read(file);
        if (v == null) {
            v = AcceleratorProbe.probeKvm(connect, workDir, files, ctx);
            write(file, v);
        } else {
            LOG.debug("KVM probe answer from {}", file);
        }
        MEMORY.put(key, v);
        return v;
    }

    /** {@code IMGBUILD_CACHE_DIR}, else {@code $XDG_CACHE_HOME/imgbuild}, else {@code ~/.cache/imgbuild}. */
    static Path cacheDir() {
        String own = System.getenv("IMGBUILD_CACHE_DIR");
        if (own != null && !own.isEmpty()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "imgbuild");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "imgbuild");
    }

    private static String key(Connect c) throws LibvirtException {
        String kernel;
        try {
            kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            kernel = "unknown";
        }
        String raw = c.getURI() + "|" + c.getHostName() + "|" + c.getLibVersion() + "|" + c.getVersion() + "|" + kernel;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AcceleratorProbe.Verdict read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (s.equals("works")) {
                return new AcceleratorProbe.Verdict(true, null);
            }
            if (s.startsWith("broken ")) {
                return new AcceleratorProbe.Verdict(false, s.substring(7));
            }
        } catch (IOException e) {
            LOG.debug("cannot read {}", file, e);
        }
        return null;
    }

    private static void write(Path file, AcceleratorProbe.Verdict v) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "probe", ".tmp");
            Files.writeString(tmp, v.kvmWorks() ? "works\n" : "broken " + v.reason() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("cannot remember the KVM probe answer in {}", file, e); // probing again next time is fine
        }
    }
}
