package io.imgbuild.core.download;

import io.imgbuild.core.iso.Checksum;
import io.imgbuild.core.util.HomePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where downloads are kept between builds, named as Packer 1.6 names them, so that a
 * {@code packer_cache} filled by Packer is used as is: {@code sha1(checksum text).ext} when there is a
 * checksum, {@code sha1(url).ext} with {@code none}.
 */
public final class DownloadCache {

    /**
     * Packer's name for it, honoured so a shared CI setup keeps working. (imgbuild's own
     * IMGBUILD_CACHE_DIR is the root of its machine-wide caches, base disks and probe answers: a
     * different thing from this per-project download cache.)
     */
    public static final String PACKER_VARIABLE = "PACKER_CACHE_DIR";
    /** The default, under the working directory, as in Packer. */
    public static final String DEFAULT_DIRECTORY = "packer_cache";

    private DownloadCache() {
    }

    /** The cache directory: {@code PACKER_CACHE_DIR}, else {@code ./packer_cache}. */
    public static Path directory(Map<String, String> env, Path workingDir) {
        String value = env.get(PACKER_VARIABLE);
        if (value != null && !value.isBlank()) {
            return workingDir.resolve(HomePaths.expand(value.trim())).normalize();
        }
        return workingDir.resolve(DEFAULT_DIRECTORY);
    }

    /**
     * Where a remote file ends up: in the cache, or at the request's target path (a path without an
     * extension, or ending in a slash, is a directory that gets the cache's file name).
     */
    static Path target(DownloadRequest request, Checksum checksum, String location, Path cacheDir, Path workingDir) {
        String key = checksum.kind() == Checksum.Kind.NONE ? location : request.checksum();
        String name = sha1Hex(key) + "." + request.targetExtension();
        String targetPath = request.targetPath();
        if (targetPath == null) {
            return cacheDir.resolve(name);
        }
        Path target = workingDir.resolve(HomePaths.expand(targetPath)).normalize();
        Path last = target.getFileName();
        boolean directory = targetPath.endsWith("/") || last == null || !last.toString().contains(".");
        return directory ? target.resolve(name) : target;
    }

    private static String sha1Hex(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
