package io.imgbuild.core.download;

import io.imgbuild.core.iso.Checksum;
import io.imgbuild.core.iso.IsoConfig;
import java.util.List;
import java.util.Locale;

/**
 * What to fetch and how to check it: Packer's download step settings.
 *
 * @param description     what the file is, for messages ("ISO")
 * @param urls            places to try in order: http(s) URLs, {@code file://} URLs, local paths
 * @param checksum        the checksum as the template wrote it ({@code sha256:…}, {@code file:…}, {@code none});
 *                        its text also names the cache file, as in Packer
 * @param targetPath      where to put the download instead of the cache (Packer's {@code iso_target_path}),
 *                        or null; without an extension it is a directory
 * @param targetExtension the cache file's extension, without dot ({@code iso})
 * @param urlKey          the template key of {@code urls}, for hints ({@code iso_url})
 * @param checksumKey     the template key of {@code checksum}, for hints ({@code iso_checksum})
 */
public record DownloadRequest(String description, List<String> urls, String checksum, String targetPath,
                              String targetExtension, String urlKey, String checksumKey) {

    public DownloadRequest {
        urls = List.copyOf(urls);
        checksum = checksum == null ? "" : checksum.trim();
        targetPath = targetPath == null || targetPath.isEmpty() ? null : targetPath;
        targetExtension = targetExtension == null || targetExtension.isEmpty() ? "iso"
                : targetExtension.toLowerCase(Locale.ROOT);
    }

    /** The installation ISO (or qemu's disk image) of an ISO builder's checked settings. */
    public static DownloadRequest iso(IsoConfig iso) {
        String urlKey = iso.isoUrl() != null && !iso.isoUrl().isEmpty() ? "iso_url" : "iso_urls";
        return new DownloadRequest("ISO", iso.urls(), iso.isoChecksum(), iso.isoTargetPath(), iso.targetExtension(),
                urlKey, "iso_checksum");
    }

    /**
     * The parsed checksum.
     *
     * @throws IllegalArgumentException with a message for the user, if the config check let a bad one through
     */
    public Checksum parsedChecksum() {
        return Checksum.parse(checksum);
    }
}
