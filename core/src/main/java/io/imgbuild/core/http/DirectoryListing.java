package io.imgbuild.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A directory's entries as the plain HTML page Go's file server writes: one link a line, directories with a slash. */
final class DirectoryListing {

    private DirectoryListing() {
    }

    static String html(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                names.add(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
            }
        }
        names.sort(null);
        StringBuilder page = new StringBuilder("<!doctype html>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width\">\n<pre>\n");
        for (String name : names) {
            page.append("<a href=\"").append(escape(href(name))).append("\">").append(escape(name)).append("</a>\n");
        }
        return page.append("</pre>\n").toString();
    }

    /** The name as a relative URL: percent-encoded, with ./ so a name with a colon is not read as a scheme. */
    private static String href(String name) {
        try {
            return new URI(null, null, "./" + name, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e); // a path-only URI accepts any characters
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
