package io.imgbuild.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a JSON document, printed the way users read it: {@code builders[1].ssh_timeout}.
 * Immutable; segments are property names (String) or array indexes (Integer).
 */
public final class JsonPath {

    public static final JsonPath ROOT = new JsonPath(List.of());
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final List<Object> segments;
    private final int hash;

    private JsonPath(List<Object> segments) {
        this.segments = segments;
        this.hash = segments.hashCode();
    }

    public JsonPath key(String name) {
        return append(name);
    }

    public JsonPath index(int i) {
        return append(i);
    }

    private JsonPath append(Object segment) {
        List<Object> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        next.add(segment);
        return new JsonPath(Collections.unmodifiableList(next));
    }

    /** Appends every segment of {@code relative} to this path. */
    public JsonPath resolve(JsonPath relative) {
        JsonPath p = this;
        for (Object s : relative.segments) {
            p = p.append(s);
        }
        return p;
    }

    public JsonPath parent() {
        if (segments.isEmpty()) {
            return this;
        }
        return new JsonPath(segments.subList(0, segments.size() - 1));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public List<Object> segments() {
        return segments;
    }

    /** The last segment as a property name, or null when it is an index or the root. */
    public String lastKey() {
        if (segments.isEmpty()) {
            return null;
        }
        return segments.get(segments.size() - 1) instanceof String s ? s : null;
    }

    /** Parses an RFC 6901 pointer such as {@code /builders/0/type}; numeric segments become indexes. */
    public static JsonPath fromPointer(String pointer) {
        JsonPath p = ROOT;
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return p;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String s = raw.replace("~1", "/").replace("~0", "~");
            p = isIndex(s) ? p.index(Integer.parseInt(s)) : p.key(s);
        }
        return p;
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                String key = (String) s;
                if (PLAIN_KEY.matcher(key).matches()) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(key);
                } else {
                    sb.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath other && hash == other.hash && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
