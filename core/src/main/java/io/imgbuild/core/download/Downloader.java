package io.imgbuild.core.download;

import io.imgbuild.core.iso.Checksum;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gets the file a {@link DownloadRequest} describes, trying its URLs in order: a local file is
 * verified and used in place; a remote one is downloaded into the cache (or found there) and
 * verified while it is written. When no URL works, the failure names every URL with its reason.
 */
public final class Downloader {

    private final HttpFetcher http;
    private final Path workingDir;
    private final Path cacheDir;

    /**
     * @param workingDir where relative paths start (the build's working directory)
     * @param env        the environment: the cache directory ({@link DownloadCache#directory}) and proxies
     *                   ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY})
     */
    public Downloader(Path workingDir, Map<String, String> env) {
        this(HttpFetcher.forEnvironment(env), workingDir, DownloadCache.directory(env, workingDir));
    }

    Downloader(HttpFetcher http, Path workingDir, Path cacheDir) {
        this.http = http;
        this.workingDir = workingDir;
        this.cacheDir = cacheDir;
    }

    /**
     * Returns the verified local file.
     *
     * @throws StepFailure          no URL worked; the message lists each with its reason
     * @throws CancelledException   the build was cancelled; no temporary file is left
     * @throws InterruptedException the thread was interrupted (the step runner's way of cancelling)
     */
    public Path fetch(DownloadRequest request, BuildUi ui, Cancellation cancel)
            throws StepFailure, CancelledException, InterruptedException {
        Checksum checksum;
        try {
            checksum = request.parsedChecksum();
        } catch (IllegalArgumentException e) {
            throw new StepFailure(request.checksumKey() + ": " + e.getMessage());
        }
        if (request.urls().isEmpty()) {
            throw new StepFailure("no URL to get the " + request.description() + " from: set " + request.urlKey());
        }
        if (checksum.kind() == Checksum.Kind.NONE) {
            ui.error("Warning: " + request.checksumKey() + " is none: the " + request.description()
                    + " will not be verified");
        }
        ChecksumList list = checksum.kind() == Checksum.Kind.FILE ? readList(checksum, request) : null;
        List<String> failures = new ArrayList<>();
        for (String url : request.urls()) {
            cancel.throwIfCancelled();
            ui.message("Trying " + url);
            try {
                return fetchOne(url, checksum, list, request, ui, cancel);
            } catch (SourceFailure e) {
                ui.message("Failed: " + e.getMessage());
                failures.add(url + ": " + e.getMessage());
            }
        }
        throw new StepFailure(summary(request, failures));
    }

    private Path fetchOne(String url, Checksum checksum, ChecksumList list, DownloadRequest request, BuildUi ui,
                          Cancellation cancel) throws SourceFailure, CancelledException, InterruptedException {
        Source source = Source.of(url, workingDir);
        Checksum expected = list == null ? checksum : list.forFile(source.fileName(), request.checksumKey());
        if (source instanceof Source.Local local) {
            return LocalFileCheck.verify(local, expected, request, ui, cancel);
        }
        Path target = DownloadCache.target(request, checksum, url, cacheDir, workingDir);
        return new CachedDownload(http, request, ui, cancel).fetch((Source.Remote) source, expected, target);
    }

    /** Every URL needs the list: one that cannot be read ends the step at once. */
    private ChecksumList readList(Checksum checksum, DownloadRequest request) throws StepFailure, InterruptedException {
        try {
            return ChecksumList.read(checksum.listUrl(), workingDir, http);
        } catch (SourceFailure e) {
            throw new StepFailure(request.checksumKey() + ": " + e.getMessage());
        }
    }

    private static String summary(DownloadRequest request, List<String> failures) {
        String what = "could not get the " + request.description();
        if (failures.size() == 1) {
            return what + " (" + request.urlKey() + "): " + failures.get(0);
        }
        return what + " from any of the " + failures.size() + " places in " + request.urlKey() + ":\n  "
                + String.join("\n  ", failures);
    }
}
