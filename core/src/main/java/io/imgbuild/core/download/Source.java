package io.imgbuild.core.download;

import io.imgbuild.core.iso.IsoConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Where a file comes from: a local file, used in place, or an http(s) URL, downloaded into the cache. */
sealed interface Source permits Source.Local, Source.Remote {

    /** As the template wrote it. */
    String location();

    /** The file name that selects the line of a checksum list. */
    String fileName();

    record Local(String location, Path path) implements Source {
        @Override
        public String fileName() {
            return path.getFileName() == null ? "" : path.getFileName().toString();
        }
    }

    record Remote(String location, URI uri) implements Source {
        @Override
        public String fileName() {
            return IsoConfig.fileName(uri.getPath() == null ? "" : uri.getPath());
        }
    }

    /**
     * Reads a location: an http(s) URL, a {@code file://} URL, or a path (relative to {@code workingDir},
     * {@code ~} for home).
     */
    static Source of(String location, Path workingDir) throws SourceFailure {
        if (!IsoConfig.isRemote(location)) {
            Path path = IsoConfig.localPath(workingDir, location);
            if (path == null) {
                throw new SourceFailure("\"" + location + "\" is neither a URL nor a valid path");
            }
            return new Local(location, path);
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new SourceFailure("\"" + location + "\" is not a valid URL (" + e.getReason()
                    + "): spaces and other special characters must be %-encoded");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new SourceFailure("cannot fetch \"" + location + "\": only http://, https://, file:// URLs and local"
                    + " paths are supported; fetch the file another way and give its local path");
        }
        return new Remote(location, uri);
    }
}
