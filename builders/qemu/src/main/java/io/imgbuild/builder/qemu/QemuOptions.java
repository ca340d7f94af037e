package io.imgbuild.builder.qemu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A QEMU option string ({@code 2G}, {@code cpus=4,sockets=2}, {@code file=a,,b.img,if=virtio}) read
 * as QEMU reads it: comma-separated {@code key=value} pairs where {@code ,,} is a literal comma, and
 * a first part without {@code =} is the value of the option's implied key ({@code -m 2G} is
 * {@code size=2G}). A later part without {@code =} is a flag set to {@code on}.
 */
final class QemuOptions {

    private QemuOptions() {
    }

    /** The pairs in order; a key given twice keeps its last value, as in QEMU. */
    static Map<String, String> parse(String value, String impliedKey) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> parts = split(value);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            int eq = part.indexOf('=');
            if (eq >= 0) {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            } else if (i == 0 && impliedKey != null) {
                out.put(impliedKey, part);
            } else if (!part.isEmpty()) {
                out.put(part, "on");
            }
        }
        return out;
    }

    /** Splits at single commas; {@code ,,} stays in the part as one comma. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == ',') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** The pairs written back as an option string, commas in values doubled. */
    static String join(Map<String, String> options) {
        List<String> parts = new ArrayList<>();
        options.forEach((k, v) -> parts.add(k + "=" + v.replace(",", ",,")));
        return String.join(",", parts);
    }

    /** QEMU's boolean spellings. */
    static Boolean bool(String v) {
        return switch (v) {
            case "on", "yes", "true", "y" -> Boolean.TRUE;
            case "off", "no", "false", "n" -> Boolean.FALSE;
            default -> null;
        };
    }
}
