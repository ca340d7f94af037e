package io.imgbuild.core.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's URL path, decoded ({@code %2e%2e} is {@code ..}) and split into segments, with empty and
 * {@code .} segments dropped. Decoding before splitting is what makes an encoded traversal visible.
 *
 * @param segments      the path's names, in order; none is empty or {@code .}
 * @param trailingSlash whether the path ends with {@code /} (a directory's address)
 * @param climbs        whether a segment is {@code ..}: such a request is refused, never resolved
 */
record RequestPath(List<String> segments, boolean trailingSlash, boolean climbs) {

    RequestPath {
        segments = List.copyOf(segments);
    }

    /**
     * The path of a request's target, or null when it has none. (A target such as {@code //x} never
     * gets here: the JDK's server reads it as an authority, finds no path, and answers 404 itself.)
     */
    static RequestPath of(URI target) {
        String path = target.getPath();
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        boolean climbs = false;
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            climbs |= s.equals("..");
            segments.add(s);
        }
        return new RequestPath(segments, path.endsWith("/"), climbs);
    }

    /** {@code /a/b}: the segments joined, as Go's path.Clean would write them. */
    String clean() {
        return "/" + String.join("/", segments);
    }
}
