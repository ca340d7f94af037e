package io.imgbuild.core.iso;

import io.imgbuild.core.config.ComponentConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The installation media options every ISO builder shares (the {@code iso} schema fragment): where the
 * ISO comes from and how it is verified. Defaults come from the schema.
 */
public record IsoConfig(String isoUrl, List<String> isoUrls, String isoChecksum, String isoTargetPath,
                        String isoTargetExtension) {

    static final String NONE_WARNING = "a checksum of none was given; ISO files are big, a checksum is highly recommended";
    private static final Pattern URL_SCHEME = Pattern.compile("^(?:[A-Za-z0-9]+::)?([A-Za-z][A-Za-z0-9+.-]*)://.*");

    public IsoConfig {
        isoUrls = isoUrls == null ? List.of() : List.copyOf(isoUrls);
    }

    public static IsoConfig from(ComponentConfig config) {
        return config.bind(IsoConfig.class);
    }

    /** The same config with another checksum (qemu's {@code iso_skip_cache} forces {@code none}). */
    public IsoConfig withChecksum(String checksum) {
        return new IsoConfig(isoUrl, isoUrls, checksum, isoTargetPath, isoTargetExtension);
    }

    /** The places to fetch the ISO from, in order. */
    public List<String> urls() {
        if (isoUrl != null && !isoUrl.isEmpty()) {
            return List.of(isoUrl);
        }
        return isoUrls;
    }

    /** The parsed checksum; only valid after {@link #check} reported no error about it. */
    public Checksum checksum() {
        return Checksum.parse(isoChecksum);
    }

    /**
     * Checks what the schema cannot: exactly one of {@code iso_url} / {@code iso_urls}; a checksum in one
     * of the forms {@link Checksum} reads ({@code none} with a warning); a local checksum list that has
     * a line for the ISO. A local ISO that does not exist yet is only a warning (it may be made before
     * the build, and Packer does not check it).
     */
    public void check(ComponentConfig config) {
        check(config, true);
    }

    /**
     * As {@link #check(ComponentConfig)}; with {@code checksumRequired} false the checksum may be left
     * out and {@code none} is not warned about (qemu's {@code iso_skip_cache}, which verifies nothing).
     */
    public void check(ComponentConfig config, boolean checksumRequired) {
        boolean single = isoUrl != null && !isoUrl.isEmpty();
        boolean many = !isoUrls.isEmpty();
        if (single && many) {
            config.error("iso_urls", "iso_url and iso_urls cannot be used together",
                    "keep iso_url for one location, or iso_urls for several tried in order");
        } else if (!single && !many) {
            config.error("iso_url", "missing required key \"iso_url\" (or \"iso_urls\"): the builder needs an ISO to install from",
                    "set iso_url to the URL or local path of the installation ISO");
        }
        String firstUrl = urls().isEmpty() ? null : urls().get(0);
        if (firstUrl != null) {
            String key = single ? "iso_url" : "iso_urls";
            Path local = localPath(config, firstUrl);
            if (local != null && !Files.exists(local)) {
                config.warning(key, "the local ISO \"" + firstUrl + "\" does not exist (looked at " + local + ")",
                        "the build will fail unless it is created before then");
            }
        }
        checkChecksum(config, "iso_checksum", isoChecksum, firstUrl, checksumRequired);
    }

    /**
     * Checks a checksum key of any builder.
     *
     * @param value    the key's value (null when unset)
     * @param forUrl   the file the checksum is for (its name selects the line of a checksum list), or null
     * @param required whether the key must be set; with {@code none} the user is warned that nothing
     *                 will be verified
     * @return the parsed checksum, or null when it is missing or wrong
     */
    public static Checksum checkChecksum(ComponentConfig config, String key, String value, String forUrl,
                                         boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                config.error(key, "missing required key \"" + key + "\": the download cannot be verified",
                        "set " + key + " to the file's checksum (sha256:<hash>, or file:<URL of a SHA256SUMS list>);"
                                + " none skips the check (not recommended)");
            }
            return null;
        }
        Checksum c;
        try {
            c = Checksum.parse(value);
        } catch (IllegalArgumentException e) {
            config.error(key, e.getMessage(), "write type:hash (md5, sha1, sha256 or sha512), a bare hex hash,"
                    + " file:<URL or path of a checksum list>, or none");
            return null;
        }
        if (c.kind() == Checksum.Kind.NONE && required) {
            config.warning(key, NONE_WARNING, "set " + key + " to type:hash, or file:<URL of the checksum list>");
        }
        if (c.kind() == Checksum.Kind.FILE && forUrl != null) {
            Path list = localPath(config, c.listUrl());
            if (list != null) {
                checkLocalList(config, key, list, fileName(forUrl));
            }
        }
        return c;
    }

    private static void checkLocalList(ComponentConfig config, String key, Path list, String fileName) {
        if (!Files.isRegularFile(list)) {
            config.error(key, "the checksum list " + list + " does not exist",
                    "fix the path after file:, relative to the directory imgbuild runs in");
            return;
        }
        String text;
        try {
            text = Files.readString(list, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            config.error(key, "cannot read the checksum list " + list + ": " + e.getMessage(), null);
            return;
        }
        if (Checksum.findInList(text, fileName).isEmpty()) {
            config.error(key, "the checksum list " + list + " has no checksum for \"" + fileName + "\"",
                    "use the checksum list that goes with this file, or give the checksum itself as type:hash");
        }
    }

    /** Whether a location names a remote resource (has a URL scheme other than file). */
    public static boolean isRemote(String location) {
        var m = URL_SCHEME.matcher(location);
        return m.matches() && !m.group(1).equalsIgnoreCase("file");
    }

    /**
     * The local file a location names ({@code file://} URL, or a path relative to the working
     * directory, {@code ~} for the home directory), or null when it is remote or cannot be a path.
     */
    public static Path localPath(ComponentConfig config, String location) {
        return localPath(config.workingDir(), location);
    }

    /** As {@link #localPath(ComponentConfig, String)}, for a build step that knows only the working directory. */
    public static Path localPath(Path workingDir, String location) {
        if (location == null || location.isEmpty() || location.contains("{{") || isRemote(location)) {
            return null;
        }
        try {
            if (location.regionMatches(true, 0, "file://", 0, 7)) {
                String rest = location.substring(7);
                if (rest.startsWith("/")) {
                    try {
                        return Path.of(new URI("file://" + rest)).normalize();
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        return Path.of(rest).normalize();
                    }
                }
                return resolve(workingDir, rest);
            }
            if (location.startsWith("///")) {
                return Path.of(location.substring(2)).normalize();
            }
            return resolve(workingDir, location);
        } catch (IllegalArgumentException e) { // InvalidPathException included
            return null;
        }
    }

    private static Path resolve(Path workingDir, String path) {
        return workingDir.resolve(io.imgbuild.core.util.HomePaths.expand(path)).normalize();
    }

    /** The file name at the end of a URL or path, without query. */
    public static String fileName(String location) {
        String s = location;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        s = s.replace('\\', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** The ISO's extension in the cache, lower case, without dot. */
    public String targetExtension() {
        return isoTargetExtension == null || isoTargetExtension.isEmpty() ? "iso"
                : isoTargetExtension.toLowerCase(Locale.ROOT);
    }
}
