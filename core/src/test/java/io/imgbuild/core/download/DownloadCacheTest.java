package io.imgbuild.core.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.iso.Checksum;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache directory and the names in it, as Packer 1.6 chooses them. */
class DownloadCacheTest {

    private static final Path WD = Path.of("/work/project");
    private static final Path CACHE = WD.resolve("packer_cache");

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DownloadRequest request(String checksum, String targetPath, String extension) {
        return new DownloadRequest("ISO", List.of("https://releases.example.org/24.04/ubuntu.iso"), checksum, targetPath,
                extension, "iso_url", "iso_checksum");
    }

    private static Path target(DownloadRequest r) {
        return DownloadCache.target(r, r.parsedChecksum(), r.urls().get(0), CACHE, WD);
    }

    @Test
    void theDirectoryComesFromPackersVariableElseTheWorkingDirectory() {
        assertEquals(Path.of("/work/project/packer_cache"), DownloadCache.directory(Map.of(), WD));
        assertEquals(Path.of("/var/cache/packer"), DownloadCache.directory(Map.of("PACKER_CACHE_DIR", "/var/cache/packer"),
                WD));
        assertEquals(Path.of("/work/project/cache"), DownloadCache.directory(Map.of("PACKER_CACHE_DIR", "./cache"), WD));
        assertEquals(Path.of("/var/cache/packer"), DownloadCache.directory(Map.of("PACKER_CACHE_DIR", "/var/cache/packer",
                "IMGBUILD_CACHE_DIR", "/srv/imgbuild"), WD), "imgbuild's machine-wide cache root is another thing");
        assertEquals(Path.of(System.getProperty("user.home"), "cache"),
                DownloadCache.directory(Map.of("PACKER_CACHE_DIR", "~/cache"), WD));
        assertEquals(CACHE, DownloadCache.directory(Map.of("PACKER_CACHE_DIR", " "), WD));
    }

    @Test
    void withAChecksumTheNameIsTheSha1OfItsTextAsPackerNamesIt() {
        // expected names from: printf '%s' 'sha256:000…' | sha1sum
        assertEquals(CACHE.resolve("8b3024a97a44f2d143047d1cdaabeb5aa98591d1.iso"),
                target(request("sha256:" + "0".repeat(64), null, "iso")));
        assertEquals(CACHE.resolve("eb941ab5e0216b7322b98409cbfaf4a259f892bc.iso"),
                target(request("file:https://releases.example.org/24.04/SHA256SUMS", null, "iso")));
        assertEquals("8b3024a97a44f2d143047d1cdaabeb5aa98591d1", sha1("sha256:" + "0".repeat(64)), "the tests' helper");
    }

    @Test
    void withChecksumNoneTheNameIsTheSha1OfTheUrl() {
        assertEquals(CACHE.resolve("5a02a1a06811d2005934a0ef49edf0ea0ec78bcc.iso"), target(request("none", null, "iso")));
    }

    @Test
    void theExtensionIsIsoUnlessToldOtherwise() {
        assertEquals(CACHE.resolve("8b3024a97a44f2d143047d1cdaabeb5aa98591d1.qcow2"),
                target(request("sha256:" + "0".repeat(64), null, "QCOW2")));
        assertEquals(CACHE.resolve("8b3024a97a44f2d143047d1cdaabeb5aa98591d1.iso"),
                target(request("sha256:" + "0".repeat(64), null, null)));
    }

    @Test
    void aTargetPathIsTheFileOrWithoutAnExtensionTheDirectory() {
        String sum = "sha256:" + "0".repeat(64);
        assertEquals(Path.of("/isos/u.iso"), target(request(sum, "/isos/u.iso", "iso")));
        assertEquals(WD.resolve("isos/u.iso"), target(request(sum, "isos/u.iso", "iso")));
        assertEquals(Path.of("/isos/8b3024a97a44f2d143047d1cdaabeb5aa98591d1.iso"), target(request(sum, "/isos", "iso")));
        assertEquals(Path.of("/isos.d/8b3024a97a44f2d143047d1cdaabeb5aa98591d1.iso"),
                target(request(sum, "/isos.d/", "iso")));
    }
}
