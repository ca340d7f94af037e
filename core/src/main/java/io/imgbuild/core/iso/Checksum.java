package io.imgbuild.core.iso;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An expected checksum as Packer templates write it ({@code iso_checksum}, virtualbox-ovf's
 * {@code checksum}):
 * <ul>
 *   <li>{@code none}: nothing is verified;</li>
 *   <li>{@code md5:…}, {@code sha1:…}, {@code sha256:…}, {@code sha512:…}: a hex hash of that type;</li>
 *   <li>a bare hex hash, its type told by its length (32 md5, 40 sha1, 64 sha256, 128 sha512);</li>
 *   <li>{@code file:<url or path>}: a checksum list (GNU {@code hash  name} or BSD
 *       {@code SHA256 (name) = hash} lines) in which the line for the downloaded file's name is used.</li>
 * </ul>
 *
 * @param kind      which form
 * @param algorithm {@code md5}, {@code sha1}, {@code sha256} or {@code sha512} for a hash, else null
 * @param hash      the expected hash in lower-case hex, for a hash, else null
 * @param listUrl   where the checksum list is (URL or local path), for {@code file:}, else null
 */
public record Checksum(Kind kind, String algorithm, String hash, String listUrl) {

    public enum Kind { NONE, HASH, FILE }

    /** Hex digits per algorithm. */
    public static final Map<String, Integer> HEX_LENGTHS = Map.of("md5", 32, "sha1", 40, "sha256", 64, "sha512", 128);

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BSD_LINE = Pattern.compile("(?i)(md5|sha1|sha256|sha512)\\s*\\((.+)\\)\\s*=\\s*([0-9a-f]+)");

    public static final Checksum NONE = new Checksum(Kind.NONE, null, null, null);

    /** The JDK's name of the digest, e.g. {@code SHA-256}; null unless a hash. */
    public String jdkAlgorithm() {
        if (algorithm == null) {
            return null;
        }
        return switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalStateException(algorithm);
        };
    }

    /**
     * Parses the template's value.
     *
     * @throws IllegalArgumentException with a message for the user (lower case, says what is wrong)
     */
    public static Checksum parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("the checksum is empty");
        }
        if (v.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (v.toLowerCase(Locale.ROOT).endsWith(".iso")) {
            throw new IllegalArgumentException("\"" + v + "\" is a file name, not a checksum (a checksum cannot end in .iso)");
        }
        int colon = v.indexOf(':');
        if (colon < 0) {
            return bare(v);
        }
        String type = v.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = v.substring(colon + 1).trim();
        if (type.equals("file")) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("file: must be followed by the URL or path of a checksum list");
            }
            return new Checksum(Kind.FILE, null, null, rest);
        }
        Integer length = HEX_LENGTHS.get(type);
        if (length == null) {
            throw new IllegalArgumentException("unknown checksum type \"" + v.substring(0, colon) + "\": use md5, sha1, sha256,"
                    + " sha512, file or none");
        }
        if (!HEX.matcher(rest).matches()) {
            throw new IllegalArgumentException("the " + type + " checksum \"" + rest + "\" is not hexadecimal");
        }
        if (rest.length() != length) {
            throw new IllegalArgumentException("a " + type + " checksum has " + length + " hex digits, \"" + rest + "\" has "
                    + rest.length());
        }
        return new Checksum(Kind.HASH, type, rest.toLowerCase(Locale.ROOT), null);
    }

    private static Checksum bare(String v) {
        if (!HEX.matcher(v).matches()) {
            throw new IllegalArgumentException("\"" + v + "\" is not a checksum: write type:hash (e.g. sha256:…), a bare hex"
                    + " hash, file:URL of a checksum list, or none");
        }
        String type = switch (v.length()) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            case 128 -> "sha512";
            default -> throw new IllegalArgumentException("cannot tell the type of the " + v.length() + "-digit hash \"" + v
                    + "\" (md5 has 32 hex digits, sha1 40, sha256 64, sha512 128)");
        };
        return new Checksum(Kind.HASH, type, v.toLowerCase(Locale.ROOT), null);
    }

    /**
     * Finds the line for {@code fileName} in the text of a checksum list, as Packer does: GNU lines
     * ({@code hash  name}, {@code hash *name}), BSD lines ({@code SHA256 (name) = hash}); a line with only
     * a hash applies to any file.
     */
    public static Optional<Checksum> findInList(String listText, String fileName) {
        for (String raw : listText.split("\\R")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var bsd = BSD_LINE.matcher(line);
            String hash;
            String name;
            if (bsd.matches()) {
                name = bsd.group(2).trim();
                hash = bsd.group(3);
            } else {
                String[] parts = line.split("\\s+", 2);
                hash = parts[0];
                name = parts.length > 1 ? parts[1].trim() : "";
                if (name.startsWith("*")) {
                    name = name.substring(1);
                }
            }
            if (!name.isEmpty() && !matchesName(name, fileName)) {
                continue;
            }
            try {
                Checksum c = bare(hash);
                return Optional.of(c);
            } catch (IllegalArgumentException e) {
                // not a checksum line
            }
        }
        return Optional.empty();
    }

    private static boolean matchesName(String listed, String fileName) {
        String l = listed.startsWith("./") ? listed.substring(2) : listed;
        return l.equals(fileName) || l.endsWith("/" + fileName);
    }

    /** The hash as bytes (for comparing with a digest); only for {@link Kind#HASH}. */
    public byte[] hashBytes() {
        return HexFormat.of().parseHex(hash);
    }
}
