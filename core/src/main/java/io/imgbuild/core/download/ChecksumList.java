package io.imgbuild.core.download;

import io.imgbuild.core.iso.Checksum;
import io.imgbuild.core.util.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A checksum list ({@code file:} checksums, e.g. a SHA256SUMS file) read once per build from an http(s)
 * URL, a {@code file://} URL or a local path, then asked for the line of each file name.
 */
final class ChecksumList {

    /** Lists are a few lines per file; anything bigger is not a list (an ISO URL given by mistake). */
    private static final int MAX_BYTES = 16 << 20;

    private final String location;
    private final String text;

    private ChecksumList(String location, String text) {
        this.location = location;
        this.text = text;
    }

    /** Reads the list at {@code location}; the failure says which list and why. */
    static ChecksumList read(String location, Path workingDir, HttpFetcher http)
            throws SourceFailure, InterruptedException {
        Source source;
        try {
            source = Source.of(location, workingDir);
        } catch (SourceFailure e) {
            throw unreadable(location, e.getMessage());
        }
        try {
            if (source instanceof Source.Remote remote) {
                return new ChecksumList(location, http.text(remote.uri(), MAX_BYTES));
            }
            Path path = ((Source.Local) source).path();
            if (Files.size(path) > MAX_BYTES) {
                throw new SourceFailure("it is larger than " + (MAX_BYTES >> 20) + " MiB, too big for a checksum list");
            }
            return new ChecksumList(location, Files.readString(path, StandardCharsets.UTF_8));
        } catch (SourceFailure e) {
            throw unreadable(location, e.getMessage());
        } catch (IOException e) {
            throw unreadable(location, Errors.describe(e));
        }
    }

    /** The checksum on the list's line for {@code fileName}. */
    Checksum forFile(String fileName, String checksumKey) throws SourceFailure {
        return Checksum.findInList(text, fileName).orElseThrow(() -> new SourceFailure("the checksum list " + location
                + " has no line for \"" + fileName + "\": use the list that goes with this file, or give " + checksumKey
                + " as sha256:<hash>"));
    }

    private static SourceFailure unreadable(String location, String why) {
        return new SourceFailure("cannot read the checksum list " + location + ": " + why + " (fix the location after"
                + " file: in the checksum)");
    }
}
