package io.imgbuild.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type of a served file: by its extension, else by a look at its first bytes (text or
 * not), as Go's file server does. Installers rarely check it, but a browser or curl used to debug a
 * preseed file should show text as text.
 */
final class ContentTypes {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String BINARY = "application/octet-stream";

    /** How many leading bytes {@link #sniff} looks at. */
    static final int SNIFF_LENGTH = 512;

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("cfg", TEXT), Map.entry("conf", TEXT), Map.entry("txt", TEXT), Map.entry("ks", TEXT),
            Map.entry("seed", TEXT), Map.entry("preseed", TEXT), Map.entry("sh", TEXT), Map.entry("ps1", TEXT),
            Map.entry("cmd", TEXT), Map.entry("bat", TEXT), Map.entry("ipxe", TEXT), Map.entry("pub", TEXT),
            Map.entry("ini", TEXT), Map.entry("log", TEXT), Map.entry("md", TEXT),
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "text/xml; charset=utf-8"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("iso", "application/x-iso9660-image"),
            Map.entry("gz", "application/gzip"), Map.entry("tgz", "application/gzip"),
            Map.entry("xz", "application/x-xz"),
            Map.entry("bz2", "application/x-bzip2"), Map.entry("zst", "application/zstd"),
            Map.entry("tar", "application/x-tar"), Map.entry("zip", "application/zip"),
            Map.entry("rpm", "application/x-rpm"), Map.entry("deb", "application/vnd.debian.binary-package"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("svg", "image/svg+xml"));

    private ContentTypes() {
    }

    /** The type for {@code name}'s extension, or null when the extension says nothing. */
    static String byName(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        if (dot <= slash + 1) {
            return null; // no extension, or a dot file such as .bashrc
        }
        return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Text when the bytes decode as UTF-8 without control characters other than whitespace. */
    static String sniff(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
                return BINARY;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, trimPartialCharacter(head, length)));
            return TEXT;
        } catch (CharacterCodingException e) {
            return BINARY;
        }
    }

    /** The length without a multi-byte character cut off by the sniffing window. */
    private static int trimPartialCharacter(byte[] head, int length) {
        if (length < SNIFF_LENGTH) {
            return length;
        }
        int i = length;
        while (i > 0 && i > length - 4 && (head[i - 1] & 0xc0) == 0x80) {
            i--; // continuation bytes
        }
        return i > 0 && (head[i - 1] & 0xc0) == 0xc0 ? i - 1 : length;
    }
}
