package io.imgbuild.core.download;

import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.fs.ExclusiveLock;
import io.imgbuild.core.fs.WriteBehind;
import io.imgbuild.core.iso.Checksum;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.ProgressBar;
import io.imgbuild.core.util.Errors;
import io.imgbuild.core.util.Sizes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Brings a remote file into the cache, or finds it there. Under a lock on the cache file (so builds
 * fetching the same file take turns and the second one finds it cached), a cached file is used if it
 * matches the checksum; otherwise the file is downloaded to a temporary name beside it, hashed as it
 * is written, and renamed into place only when complete and verified. Nothing half-written or wrong
 * is ever left at the final path, and the temporary file goes on every failure and on cancel.
 */
record CachedDownload(HttpFetcher http, DownloadRequest request, BuildUi ui, Cancellation cancel) {

    /** Broken connections a download survives before it gives up. */
    private static final int MAX_RESUMES = 5;

    Path fetch(Source.Remote source, Checksum expected, Path target)
            throws SourceFailure, CancelledException, InterruptedException {
        try (ExclusiveLock lock = ExclusiveLock.acquireInterruptibly(target,
                () -> ui.message("Waiting for another build that is downloading to " + target))) {
            if (Files.isRegularFile(target) && reusable(source, expected, target)) {
                return target;
            }
            download(source, expected, target);
            return target;
        } catch (IOException e) {
            throw new SourceFailure("cannot use the cache file " + target + ": " + Errors.describe(e));
        }
    }

    /** Whether the cached file can be used without downloading it again. */
    private boolean reusable(Source.Remote source, Checksum expected, Path target)
            throws IOException, SourceFailure, CancelledException, InterruptedException {
        String what = request.description();
        if (expected.kind() == Checksum.Kind.HASH) {
            String actual = HashingCopy.hashFile(target, expected.jdkAlgorithm(), ui, "Verifying cached "
                    + source.fileName(), cancel);
            if (actual.equals(expected.hash())) {
                ui.message("Using cached " + what + " " + target);
                return true;
            }
            ui.message("The cached " + what + " " + target + " does not match the checksum: downloading it again");
            return false;
        }
        // Without a checksum, trust the cached file only if the server still reports its size (as
        // Packer 1.6 does through go-getter's HEAD request).
        OptionalLong remote = http.headLength(source.uri());
        if (remote.isPresent() && remote.getAsLong() == Files.size(target)) {
            ui.message("Using cached " + what + " " + target + " (checksum none: only its size was compared with the"
                    + " server's)");
            return true;
        }
        return false;
    }

    private void download(Source.Remote source, Checksum expected, Path target)
            throws SourceFailure, CancelledException, InterruptedException, IOException {
        long started = System.nanoTime();
        try (HttpFetcher.Body body = http.get(source.uri()); AtomicFile file = AtomicFile.create(target)) {
            HashingCopy copy;
            try (OutputStream out = WriteBehind.newOutputStream(file.temp());
                 ProgressBar bar = ui.progress("Downloading " + source.fileName(), body.length())) {
                copy = new HashingCopy(out, expected.jdkAlgorithm(), bar, cancel);
                transfer(source, body, copy);
            } catch (HashingCopy.WriteFailed e) {
                IOException cause = (IOException) e.getCause();
                throw new SourceFailure("cannot write " + file.temp() + ": " + Errors.describe(cause));
            }
            String actual = copy.hash();
            if (actual != null && !actual.equals(expected.hash())) {
                throw new SourceFailure("the file at " + source.location() + " changed or the checksum is wrong:"
                        + " expected " + expected.algorithm() + " " + expected.hash() + ", got " + actual + "; check "
                        + request.checksumKey() + " against the publisher's checksum list (nothing was cached)");
            }
            file.commit(true);
            long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
            ui.message("Downloaded " + Sizes.bytes(copy.bytes()) + " in " + seconds + " s to " + target);
        }
    }

    /**
     * Copies the body; when the connection breaks and the server can resume (byte ranges, and an ETag
     * or Last-Modified that says the file is still the same), goes on from where it stopped.
     */
    private void transfer(Source.Remote source, HttpFetcher.Body first, HashingCopy copy)
            throws SourceFailure, CancelledException, InterruptedException, HashingCopy.WriteFailed {
        HttpFetcher.Body body = first;
        for (int resumes = 0; ; resumes++) {
            String why;
            try {
                copy.from(body.stream());
                if (first.length() < 0 || copy.bytes() >= first.length()) {
                    return;
                }
                why = "the connection was closed before the file was complete";
            } catch (HashingCopy.WriteFailed e) {
                throw e;
            } catch (IOException e) {
                why = NetworkErrors.broken(source.uri(), e);
            } finally {
                if (body != first) {
                    closeQuietly(body);
                }
            }
            if (first.validator() == null || resumes == MAX_RESUMES) {
                throw new SourceFailure(why + " (after " + Sizes.bytes(copy.bytes()) + (first.length() < 0 ? ""
                        : " of " + Sizes.bytes(first.length())) + ")");
            }
            ui.message("Resuming after " + Sizes.bytes(copy.bytes()) + ": " + why);
            body = http.resume(source.uri(), copy.bytes(), first.validator());
        }
    }

    private static void closeQuietly(HttpFetcher.Body body) {
        try {
            body.close();
        } catch (IOException e) {
            // a finished or broken response: nothing left to release
        }
    }
}
