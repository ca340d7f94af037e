package io.imgbuild.postprocessor.compress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The archive formats of the compress post-processor, with the names ({@code format}, or the end of
 * {@code output}) that select them and the compression levels each allows.
 */
public enum ArchiveFormat {
    TAR("tar", true, null, 0, 0, "plain tar does not compress"),
    TAR_GZIP("tar.gz", true, "gzip", 0, 9, "0 stores without compressing"),
    GZIP("gz", false, "gzip", 0, 9, "0 stores without compressing"),
    BGZF("bgzf", false, "bgzf", 0, 9, "0 stores without compressing"),
    ZIP("zip", false, "zip", 0, 9, "0 stores without compressing"),
    TAR_ZSTD("tar.zst", true, "zstd", 0, 22, "0 stores without compressing"),
    ZSTD("zst", false, "zstd", 0, 22, "0 stores without compressing"),
    TAR_XZ("tar.xz", true, "xz", 0, 9, "0 is the fastest"),
    XZ("xz", false, "xz", 0, 9, "0 is the fastest"),
    TAR_LZ4("tar.lz4", true, "lz4", 0, 12, "0 is the fastest"),
    LZ4("lz4", false, "lz4", 0, 12, "0 is the fastest");

    /** Every name a format may be given by, longest first for matching file name endings. */
    private static final Map<String, ArchiveFormat> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("tar.gz", TAR_GZIP);
        NAMES.put("tar.zst", TAR_ZSTD);
        NAMES.put("tar.lz4", TAR_LZ4);
        NAMES.put("tar.xz", TAR_XZ);
        NAMES.put("tgz", TAR_GZIP);
        NAMES.put("tzst", TAR_ZSTD);
        NAMES.put("txz", TAR_XZ);
        NAMES.put("bgzf", BGZF);
        NAMES.put("tar", TAR);
        NAMES.put("zip", ZIP);
        NAMES.put("zst", ZSTD);
        NAMES.put("lz4", LZ4);
        NAMES.put("gz", GZIP);
        NAMES.put("xz", XZ);
    }

    private final String extension;
    private final boolean tar;
    private final String algorithm;
    private final int minLevel;
    private final int maxLevel;
    private final String levelNote;

    ArchiveFormat(String extension, boolean tar, String algorithm, int minLevel, int maxLevel, String levelNote) {
        this.extension = extension;
        this.tar = tar;
        this.algorithm = algorithm;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.levelNote = levelNote;
    }

    /** The format's usual extension, without dot: {@code tar.gz}. */
    public String extension() {
        return extension;
    }

    /** Whether the files are put in a tar archive first (else one file is compressed, or zipped). */
    public boolean tar() {
        return tar;
    }

    /** {@code gzip}, {@code zstd}, {@code xz}, {@code lz4}, {@code bgzf}, {@code zip}; null for plain tar. */
    public String algorithm() {
        return algorithm;
    }

    /** Whether the format holds exactly one input file (a bare .gz, .bgzf, .zst, .xz or .lz4). */
    public boolean singleFile() {
        return !tar && this != ZIP;
    }

    public boolean hasLevels() {
        return algorithm != null;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    /** "tar.gz (gzip)", for messages. */
    public String describe() {
        return algorithm == null || algorithm.equals(extension) ? extension : extension + " (" + algorithm + ")";
    }

    /** "0-9 (0 stores without compressing)". */
    public String levelRange() {
        return minLevel + "-" + maxLevel + " (" + levelNote + ")";
    }

    /** The format a {@code format} value names ({@code tar.gz}, {@code .tgz}, {@code ZIP}). */
    public static Optional<ArchiveFormat> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) {
            n = n.substring(1);
        }
        return Optional.ofNullable(NAMES.get(n));
    }

    /** The format a file name ends with ({@code box.tar.gz}, {@code disk.qcow2.xz}), if any. */
    public static Optional<ArchiveFormat> byFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, ArchiveFormat> e : NAMES.entrySet()) {
            if (n.endsWith("." + e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The names {@link #byName} knows. */
    public static List<String> names() {
        return List.copyOf(NAMES.keySet());
    }
}
