package io.imgbuild.core.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code http_directory}: files under one directory. Symbolic links are followed only while they stay
 * inside it; a directory is answered with its index.html, else a listing, as Go's file server does.
 */
final class DirectoryFiles implements ServedFiles {

    private final Path root;

    /** @param root the directory's real path (links resolved), so containment checks compare like with like */
    DirectoryFiles(Path root) {
        this.root = root;
    }

    @Override
    public Lookup find(RequestPath path) throws IOException {
        Path target = root;
        try {
            for (String segment : path.segments()) {
                target = target.resolve(segment);
            }
        } catch (InvalidPathException e) {
            return new Lookup.NotFound(); // a NUL byte, say: no file has that name
        }
        if (!Files.exists(target)) {
            return new Lookup.NotFound();
        }
        Path real = target.toRealPath();
        if (!real.startsWith(root)) {
            return new Lookup.Forbidden(); // a link out of the directory
        }
        String relative = String.join("/", path.segments());
        if (Files.isDirectory(real)) {
            return directory(real, path, relative);
        }
        if (!Files.isRegularFile(real)) {
            return new Lookup.NotFound();
        }
        if (!Files.isReadable(real)) {
            return new Lookup.Forbidden();
        }
        return new Lookup.Found(real.getFileName().toString(), Files.size(real), () -> Files.newInputStream(real),
                relative);
    }

    private static Lookup directory(Path dir, RequestPath path, String relative) throws IOException {
        if (!path.trailingSlash() && !path.segments().isEmpty()) {
            // Relative links in the listing need the slash; Go's file server redirects the same way.
            return new Lookup.Redirect(path.segments().get(path.segments().size() - 1) + "/");
        }
        Path index = dir.resolve("index.html");
        if (Files.isRegularFile(index) && Files.isReadable(index)) {
            return new Lookup.Found("index.html", Files.size(index), () -> Files.newInputStream(index),
                    relative.isEmpty() ? "index.html" : relative + "/index.html");
        }
        byte[] page = DirectoryListing.html(dir).getBytes(StandardCharsets.UTF_8);
        return new Lookup.Found("listing.html", page.length, () -> new ByteArrayInputStream(page), null);
    }

    @Override
    public List<String> topLevel() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public String kind() {
        return "http_directory file";
    }

    @Override
    public String describe() {
        return "http_directory " + root;
    }
}
