package io.imgbuild.provisioner.file;

import io.imgbuild.core.util.HomePaths;
import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.build.ProvisionerContext;
import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.ExecResult;
import io.imgbuild.core.communicator.RemotePath;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.ProgressBar;
import io.imgbuild.core.util.Sizes;
import io.imgbuild.provisioner.support.ProvisionerSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies files between the build host and the guest with Packer's rules for slashes:
 * <ul>
 *   <li>a directory source without a trailing slash is copied as a directory into the destination
 *       ({@code dir} to {@code /tmp} makes {@code /tmp/dir}); with a trailing slash its contents are
 *       copied into the destination;</li>
 *   <li>a file goes into the destination when that ends with a slash or is an existing directory
 *       (keeping its name), else it becomes the destination;</li>
 *   <li>the same rules apply when downloading, with the guest's paths as sources; local parent
 *       directories are created.</li>
 * </ul>
 * Every transfer shows a progress bar.
 */
final class FileProvisioner implements Provisioner {

    private static final int CONTENT_MODE = 0644;

    private final FileConfig config;
    private final Renderer renderer;
    private final Path workingDir;

    FileProvisioner(FileConfig config, Renderer renderer, Path workingDir) {
        this.config = config;
        this.renderer = renderer;
        this.workingDir = workingDir;
    }

    @Override
    public void provision(ProvisionerContext ctx) throws Exception {
        Communicator comm = ctx.requireCommunicator("file");
        Transfer t = new Transfer(comm, ctx.ui(), ctx.cancellation());
        String destination = render(config.destination(), ctx);
        List<String> sources = new ArrayList<>();
        for (String s : config.allSources()) {
            sources.add(render(s, ctx));
        }
        // Several sources always go into the destination as a directory (the config check warns
        // when it does not end with a slash), never one over the other.
        boolean intoDirectory = sources.size() > 1;
        if (config.hasContent()) {
            t.uploadContent(render(config.content(), ctx), destination);
        } else if (config.download()) {
            for (String src : sources) {
                t.download(src, destination, intoDirectory);
            }
        } else {
            for (String src : sources) {
                t.upload(src, destination, intoDirectory);
            }
        }
    }

    private String render(String text, ProvisionerContext ctx) throws StepFailure {
        return ProvisionerSupport.renderDeferred(renderer, text, ctx.buildData());
    }

    private Path local(String path) {
        String p = HomePaths.expand(path);
        return workingDir.resolve(p).normalize();
    }

    private static boolean endsWithSlash(String path) {
        return path.endsWith("/");
    }

    private static boolean isGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    /** One run's transfers over one connection. */
    private final class Transfer {

        private final Communicator comm;
        private final BuildUi ui;
        private final Cancellation cancellation;

        Transfer(Communicator comm, BuildUi ui, Cancellation cancellation) {
            this.comm = comm;
            this.ui = ui;
            this.cancellation = cancellation;
        }

        void upload(String src, String dst, boolean intoDirectory) throws StepFailure, CancelledException {
            Path local = local(src);
            if (Files.isDirectory(local)) {
                // "dir" makes dst/dir; "dir/" copies what is in dir into dst.
                String remoteDir = endsWithSlash(src) ? dst : ProvisionerSupport.remoteJoin(dst, local.getFileName().toString());
                long total = treeSize(local);
                ui.say("Uploading " + (endsWithSlash(src) ? "the contents of " : "directory ") + src + " => " + remoteDir
                        + " (" + Sizes.bytes(total) + ")");
                try (ProgressBar bar = ui.progress(local.getFileName().toString(), total)) {
                    comm.uploadDirectory(local, remoteDir, bar::advance, cancellation);
                } catch (IOException e) {
                    throw failure("upload " + src + " to " + remoteDir, remoteDir, e);
                }
                return;
            }
            if (!Files.isRegularFile(local)) {
                throw new StepFailure("cannot upload " + src + ": local file " + local + " does not exist"
                        + (config.generated() ? " (generated is set, but no earlier step created it)" : ""));
            }
            String name = local.getFileName().toString();
            String target = intoDirectory(dst, intoDirectory) ? ProvisionerSupport.remoteJoin(dst, name) : dst;
            long size;
            try {
                size = Files.size(local);
            } catch (IOException e) {
                throw new StepFailure("cannot read " + local + ": " + e.getMessage(), e);
            }
            ui.say("Uploading " + src + " => " + target + " (" + Sizes.bytes(size) + ")");
            try (ProgressBar bar = ui.progress(name, size)) {
                comm.upload(local, target, bar::advance, cancellation);
            } catch (IOException e) {
                throw failure("upload " + src + " to " + target, target, e);
            }
        }

        /** Whether a file goes inside {@code dst}: it ends with a slash, or is a directory on the guest. */
        private boolean intoDirectory(String dst, boolean severalSources) throws StepFailure {
            if (endsWithSlash(dst) || severalSources) {
                return true;
            }
            return stat(dst).isDirectory();
        }

        void uploadContent(String content, String dst) throws StepFailure, CancelledException {
            if (stat(dst).isDirectory()) {
                throw new StepFailure("cannot write content to " + dst + ": it is a directory on the guest; set"
                        + " destination to a file path");
            }
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            ui.say("Uploading content => " + dst + " (" + Sizes.bytes(bytes.length) + ")");
            try (ProgressBar bar = ui.progress(ProvisionerSupport.remoteBaseName(dst), bytes.length)) {
                comm.upload(bytes, dst, CONTENT_MODE, cancellation);
                bar.advance(bytes.length);
            } catch (IOException e) {
                throw failure("write content to " + dst, dst, e);
            }
        }

        void download(String src, String dst, boolean intoDirectory) throws StepFailure, CancelledException {
            if (isGlob(src)) {
                downloadGlob(src, dst);
                return;
            }
            RemotePath what = stat(src);
            if (!what.exists()) {
                throw new StepFailure("cannot download " + src + ": it does not exist on the guest");
            }
            Path dstPath = local(dst);
            if (what.isDirectory()) {
                // The upload rules, mirrored: "dir" makes dst/dir, "dir/" copies its contents into dst.
                Path localDir = endsWithSlash(src) ? dstPath : dstPath.resolve(ProvisionerSupport.remoteBaseName(src));
                downloadDirectory(src, localDir, what.size());
                return;
            }
            String name = ProvisionerSupport.remoteBaseName(src);
            Path target = endsWithSlash(dst) || intoDirectory || Files.isDirectory(dstPath) ? dstPath.resolve(name) : dstPath;
            ui.say("Downloading " + src + " => " + target + " (" + Sizes.bytes(what.size()) + ")");
            try {
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new StepFailure("cannot create the local directory for " + target + ": " + e.getMessage(), e);
            }
            try (ProgressBar bar = ui.progress(name, what.size())) {
                comm.download(src, target, bar::advance, cancellation);
            } catch (IOException e) {
                throw new StepFailure("could not download " + src + " from " + comm.describe() + " to " + target + ": "
                        + reason(e), e);
            }
        }

        private void downloadDirectory(String src, Path localDir, long total) throws StepFailure, CancelledException {
            ui.say("Downloading " + (endsWithSlash(src) ? "the contents of " : "directory ") + src + " => " + localDir
                    + " (" + Sizes.bytes(total) + ")");
            try (ProgressBar bar = ui.progress(ProvisionerSupport.remoteBaseName(src), total)) {
                comm.downloadDirectory(src, localDir, bar::advance, cancellation);
            } catch (IOException e) {
                throw new StepFailure("could not download " + src + " from " + comm.describe() + " to " + localDir + ": "
                        + reason(e), e);
            }
        }

        /**
         * A source with wildcards (Packer passes it to the guest's shell): each match is downloaded
         * into the destination, as a directory.
         */
        private void downloadGlob(String pattern, String dst) throws StepFailure, CancelledException {
            List<String> matches = new ArrayList<>();
            StringBuilder errors = new StringBuilder();
            // The pattern is left to the guest's shell to expand; what matches is printed one per line.
            String command = "for f in " + pattern + "; do if [ -e \"$f\" ]; then printf '%s\\n' \"$f\"; fi; done";
            ExecResult r;
            try {
                r = comm.execute(command, new OutputListener() {
                    @Override
                    public synchronized void stdout(String line) {
                        matches.add(line);
                    }

                    @Override
                    public synchronized void stderr(String line) {
                        errors.append(line).append('\n');
                    }
                }, cancellation);
            } catch (IOException e) {
                throw new StepFailure("could not list " + pattern + " on " + comm.describe() + ": " + reason(e), e);
            }
            if (r.disconnected() || r.exitStatus() != 0) {
                throw new StepFailure("could not list " + pattern + " on " + comm.describe() + ": "
                        + (r.disconnected() ? "the connection dropped" : errors.toString().strip()));
            }
            if (matches.isEmpty()) {
                throw new StepFailure("cannot download " + pattern + ": nothing on the guest matches it");
            }
            for (String m : matches) {
                download(m, dst.endsWith("/") ? dst : dst + "/", true);
            }
        }

        private RemotePath stat(String remote) throws StepFailure {
            try {
                return comm.stat(remote);
            } catch (IOException e) {
                throw new StepFailure("could not look at " + remote + " on " + comm.describe() + ": " + reason(e), e);
            }
        }

        /** An upload that failed, with a hint when the guest directory it needs is missing. */
        private StepFailure failure(String what, String target, IOException e) {
            String hint = "";
            String parent = parentOf(target);
            if (parent != null) {
                try {
                    if (!comm.stat(parent).exists()) {
                        hint = " (the guest directory " + parent + " does not exist; as in Packer, the destination's"
                                + " parent directories must already exist)";
                    }
                } catch (IOException ignored) {
                    // the original error says enough
                }
            }
            return new StepFailure("could not " + what + " on " + comm.describe() + ": " + reason(e) + hint, e);
        }
    }

    private static String parentOf(String remote) {
        String p = remote;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    private static long treeSize(Path dir) throws StepFailure {
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StepFailure("cannot read the local directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
