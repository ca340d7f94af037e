package io.imgbuild.core.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code http_content}: each URL path's content given in the template, served as UTF-8. */
final class InlineFiles implements ServedFiles {

    private final Map<String, byte[]> files = new TreeMap<>();

    InlineFiles(Map<String, String> content) {
        content.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Lookup find(RequestPath path) {
        // Packer cleans the request path before the lookup, so /preseed.cfg/ and //preseed.cfg match too.
        String key = path.clean();
        byte[] body = files.get(key);
        if (body == null) {
            return new Lookup.NotFound();
        }
        return new Lookup.Found(key, body.length, () -> new ByteArrayInputStream(body), key);
    }

    @Override
    public List<String> topLevel() {
        return List.copyOf(files.keySet());
    }

    @Override
    public String kind() {
        return "http_content file";
    }

    @Override
    public String describe() {
        return files.size() == 1 ? "http_content (1 file)" : "http_content (" + files.size() + " files)";
    }
}
