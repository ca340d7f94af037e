package io.imgbuild.core.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Disk sizes as Packer writes them: a bare number is MiB; otherwise a number with K, M, G or T. */
public final class DataSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);

    private DataSize() {
    }

    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size: write a number of MiB (20480) or a number with"
                    + " a unit (20G, 512M)");
        }
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "K" -> 1L << 10;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> unit.isEmpty() && m.group(3) != null ? 1 // "1024B": plain bytes
                    : 1L << 20; // M, or no unit: Packer's disk_size is in MiB
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            // Callers report IllegalArgumentException as a config error; an overflow must be one too.
            throw new IllegalArgumentException("\"" + text + "\" is too large for a size");
        }
    }
}
