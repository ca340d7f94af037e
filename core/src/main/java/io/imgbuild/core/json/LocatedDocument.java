package io.imgbuild.core.json;

import io.imgbuild.core.problem.SourceLocation;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A parsed JSON document that remembers where every key and value came from, so any problem found
 * later (by the schema, a plugin, the interpolator) can name file:line:column.
 */
public final class LocatedDocument implements SourceLocator {

    private final String fileName;
    private final String text;
    private final JsonNode root;
    private final Map<JsonPath, Long> keyOffsets;
    private final Map<JsonPath, Long> valueOffsets;
    private final LineIndex lines;

    LocatedDocument(String fileName, String text, JsonNode root, Map<JsonPath, Long> keyOffsets,
                    Map<JsonPath, Long> valueOffsets) {
        this.fileName = fileName;
        this.text = text;
        this.root = root;
        this.keyOffsets = keyOffsets;
        this.valueOffsets = valueOffsets;
        this.lines = new LineIndex(text);
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The location of the key naming {@code path} (for members) or of the value (for array elements),
     * falling back to the nearest ancestor that has one. Never null for a parsed document.
     */
    @Override
    public SourceLocation locate(JsonPath path) {
        for (JsonPath p = path; ; p = p.parent()) {
            Long off = keyOffsets.get(p);
            if (off == null) {
                off = valueOffsets.get(p);
            }
            if (off != null) {
                return lines.locate(fileName, off.intValue());
            }
            if (p.isRoot()) {
                return lines.locate(fileName, 0);
            }
        }
    }

    /** The location of the value at {@code path} (not its key), or of the nearest known ancestor. */
    @Override
    public SourceLocation locateValue(JsonPath path) {
        Long off = valueOffsets.get(path);
        return off == null ? locate(path) : lines.locate(fileName, off.intValue());
    }

    /**
     * The location of character {@code index} of the decoded string value at {@code path}: walks the
     * raw text so JSON escapes ({@code \"}, {@code \u00e9}) do not shift the column.
     */
    @Override
    public SourceLocation locateInString(JsonPath path, int index) {
        Long off = valueOffsets.get(path);
        if (off == null || off >= text.length() || text.charAt(off.intValue()) != '"') {
            return locate(path);
        }
        int raw = off.intValue() + 1;
        int decoded = 0;
        while (raw < text.length() && decoded < index) {
            char c = text.charAt(raw);
            if (c == '"') {
                break;
            }
            if (c == '\\' && raw + 1 < text.length()) {
                raw += text.charAt(raw + 1) == 'u' ? 6 : 2;
            } else {
                raw++;
            }
            decoded++;
        }
        return lines.locate(fileName, raw);
    }
}
