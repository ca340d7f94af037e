package io.imgbuild.core.download;

import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Packer's download step: gets the file (see {@link Downloader}) and puts its local path in the
 * state. Its cleanup removes nothing: the cache is meant to outlive the build, and a download that
 * fails or is cancelled has already removed its temporary file before the step returns.
 */
public final class DownloadStep implements Step {

    private final DownloadRequest request;
    private final Key<Path> resultKey;
    private final Map<String, String> env;

    public DownloadStep(DownloadRequest request, Key<Path> resultKey) {
        this(request, resultKey, System.getenv());
    }

    /** With another environment than the process's (the cache directory and proxies come from it). */
    public DownloadStep(DownloadRequest request, Key<Path> resultKey, Map<String, String> env) {
        this.request = request;
        this.resultKey = resultKey;
        this.env = Map.copyOf(env);
    }

    /** The ISO builders' step: {@code iso_url(s)}, {@code iso_checksum}, ... into {@link DownloadKeys#ISO_PATH}. */
    public static DownloadStep iso(IsoConfig iso) {
        return new DownloadStep(DownloadRequest.iso(iso), DownloadKeys.ISO_PATH);
    }

    @Override
    public String name() {
        return "Download " + request.description();
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        ctx.ui().say("Retrieving " + request.description());
        Path file = new Downloader(ctx.build().workingDir(), env).fetch(request, ctx.ui(), ctx.cancellation());
        ctx.state().put(resultKey, file);
    }
}
