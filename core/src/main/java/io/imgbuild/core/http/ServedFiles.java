package io.imgbuild.core.http;

import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.HomePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the HTTP server serves: a directory ({@code http_directory}) or inline files ({@code http_content}). */
sealed interface ServedFiles permits DirectoryFiles, InlineFiles {

    /** What {@code path} names. Paths that climb ({@code ..}) never get here. */
    Lookup find(RequestPath path) throws IOException;

    /** The files a guest is expected to fetch: http_content's paths, or the directory's top-level files. */
    List<String> topLevel() throws IOException;

    /** What one of them is called for the user: {@code http_directory file} or {@code http_content file}. */
    String kind();

    /** What is served, for the start-up message. */
    String describe();

    static ServedFiles of(HttpServerSettings settings, Path workingDir) throws StepFailure {
        if (!settings.hasDirectory()) {
            return new InlineFiles(settings.httpContent());
        }
        Path dir = workingDir.resolve(HomePaths.expand(settings.httpDirectory())).normalize();
        if (!Files.isDirectory(dir)) {
            String what = Files.exists(dir) ? " is not a directory" : " does not exist";
            throw new StepFailure("http_directory " + dir + what + ": point http_directory at the directory that"
                    + " holds the files the guest fetches");
        }
        try {
            return new DirectoryFiles(dir.toRealPath());
        } catch (IOException e) {
            throw new StepFailure("cannot serve http_directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
