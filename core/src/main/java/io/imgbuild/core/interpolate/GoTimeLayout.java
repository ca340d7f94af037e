package io.imgbuild.core.interpolate;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats a time with a Go reference-time layout ({@code Mon Jan 2 15:04:05 MST 2006}), as Go's
 * {@code time.Format} does, because Packer templates write {@code isotime} layouts that way.
 *
 * <p>Recognised tokens are matched left to right exactly where Go matches them; everything else is
 * copied literally. Zone abbreviations ({@code MST}) come from Java's time-zone names, which for a
 * few regions differ from Go's (Go prints e.g. {@code -03} where the tz database has no name).
 */
public final class GoTimeLayout {

    /** Go's {@code time.RFC3339}, the default layout of {@code isotime}. */
    public static final String RFC3339 = "2006-01-02T15:04:05Z07:00";

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday"};
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private enum Std {
        LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH,
        LONG_WEEKDAY, WEEKDAY,
        DAY, UNDER_DAY, ZERO_DAY, UNDER_YEAR_DAY, ZERO_YEAR_DAY,
        HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, ZONE_NAME,
        ISO_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_SECONDS_TZ,
        NUM_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_SECONDS_TZ,
        FRACTION_ZEROS, FRACTION_NINES
    }

    /** A token found in the layout, {@code length} chars long. */
    private record Chunk(Std std, int length) {
    }

    private GoTimeLayout() {
    }

    public static String format(String layout, ZonedDateTime t) {
        StringBuilder out = new StringBuilder(layout.length() + 10);
        int i = 0;
        while (i < layout.length()) {
            Chunk chunk = chunkAt(layout, i);
            if (chunk == null) {
                out.append(layout.charAt(i));
                i++;
            } else {
                append(out, chunk, layout.charAt(i), t);
                i += chunk.length();
            }
        }
        return out.toString();
    }

    /** The token starting at {@code i}, or null if the char there is literal. */
    private static Chunk chunkAt(String s, int i) {
        switch (s.charAt(i)) {
            case 'J':
                if (s.startsWith("January", i)) {
                    return new Chunk(Std.LONG_MONTH, 7);
                }
                // "Jan" followed by a lower-case letter is a word such as "Janet", not a month.
                return s.startsWith("Jan", i) && !lowerAt(s, i + 3) ? new Chunk(Std.MONTH, 3) : null;
            case 'M':
                if (s.startsWith("Monday", i)) {
                    return new Chunk(Std.LONG_WEEKDAY, 6);
                }
                if (s.startsWith("Mon", i) && !lowerAt(s, i + 3)) {
                    return new Chunk(Std.WEEKDAY, 3);
                }
                return s.startsWith("MST", i) ? new Chunk(Std.ZONE_NAME, 3) : null;
            case '0':
                if (i + 1 < s.length() && s.charAt(i + 1) >= '1' && s.charAt(i + 1) <= '6') {
                    Std[] zeroPadded = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
                        Std.ZERO_SECOND, Std.YEAR};
                    return new Chunk(zeroPadded[s.charAt(i + 1) - '1'], 2);
                }
                return s.startsWith("002", i) ? new Chunk(Std.ZERO_YEAR_DAY, 3) : null;
            case '1':
                return s.startsWith("15", i) ? new Chunk(Std.HOUR, 2) : new Chunk(Std.NUM_MONTH, 1);
            case '2':
                return s.startsWith("2006", i) ? new Chunk(Std.LONG_YEAR, 4) : new Chunk(Std.DAY, 1);
            case '_':
                if (s.startsWith("_2", i)) {
                    // "_2006" is a literal underscore followed by the year.
                    return s.startsWith("_2006", i) ? null : new Chunk(Std.UNDER_DAY, 2);
                }
                return s.startsWith("__2", i) ? new Chunk(Std.UNDER_YEAR_DAY, 3) : null;
            case '3':
                return new Chunk(Std.HOUR12, 1);
            case '4':
                return new Chunk(Std.MINUTE, 1);
            case '5':
                return new Chunk(Std.SECOND, 1);
            case 'P':
                return s.startsWith("PM", i) ? new Chunk(Std.PM_UPPER, 2) : null;
            case 'p':
                return s.startsWith("pm", i) ? new Chunk(Std.PM_LOWER, 2) : null;
            case '-':
                return zoneChunk(s, i, "-", Std.NUM_SECONDS_TZ, Std.NUM_COLON_SECONDS_TZ, Std.NUM_TZ,
                        Std.NUM_COLON_TZ, Std.NUM_SHORT_TZ);
            case 'Z':
                return zoneChunk(s, i, "Z", Std.ISO_SECONDS_TZ, Std.ISO_COLON_SECONDS_TZ, Std.ISO_TZ,
                        Std.ISO_COLON_TZ, Std.ISO_SHORT_TZ);
            case '.', ',':
                return fractionChunk(s, i);
            default:
                return null;
        }
    }

    private static Chunk zoneChunk(String s, int i, String lead, Std seconds, Std colonSeconds, Std plain,
            Std colon, Std shortForm) {
        // Longest forms first, in Go's order.
        if (s.startsWith(lead + "070000", i)) {
            return new Chunk(seconds, 7);
        }
        if (s.startsWith(lead + "07:00:00", i)) {
            return new Chunk(colonSeconds, 9);
        }
        if (s.startsWith(lead + "0700", i)) {
            return new Chunk(plain, 5);
        }
        if (s.startsWith(lead + "07:00", i)) {
            return new Chunk(colon, 6);
        }
        return s.startsWith(lead + "07", i) ? new Chunk(shortForm, 3) : null;
    }

    /** ".000" or ".999" (or with a comma): fractional seconds, only if no digit follows the run. */
    private static Chunk fractionChunk(String s, int i) {
        if (i + 1 >= s.length() || (s.charAt(i + 1) != '0' && s.charAt(i + 1) != '9')) {
            return null;
        }
        char digit = s.charAt(i + 1);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == digit) {
            j++;
        }
        if (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            return null;
        }
        return new Chunk(digit == '0' ? Std.FRACTION_ZEROS : Std.FRACTION_NINES, j - i);
    }

    private static boolean lowerAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    private static void append(StringBuilder out, Chunk chunk, char first, ZonedDateTime t) {
        int hour = t.getHour();
        int hour12 = hour % 12 == 0 ? 12 : hour % 12;
        switch (chunk.std()) {
            case LONG_MONTH -> out.append(MONTHS[t.getMonthValue() - 1]);
            case MONTH -> out.append(MONTHS[t.getMonthValue() - 1], 0, 3);
            case NUM_MONTH -> number(out, t.getMonthValue(), 0);
            case ZERO_MONTH -> number(out, t.getMonthValue(), 2);
            case LONG_WEEKDAY -> out.append(WEEKDAYS[t.getDayOfWeek().getValue() - 1]);
            case WEEKDAY -> out.append(WEEKDAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
            case DAY -> number(out, t.getDayOfMonth(), 0);
            case UNDER_DAY -> spacePadded(out, t.getDayOfMonth(), 2);
            case ZERO_DAY -> number(out, t.getDayOfMonth(), 2);
            case UNDER_YEAR_DAY -> spacePadded(out, t.getDayOfYear(), 3);
            case ZERO_YEAR_DAY -> number(out, t.getDayOfYear(), 3);
            case HOUR -> number(out, hour, 2);
            case HOUR12 -> number(out, hour12, 0);
            case ZERO_HOUR12 -> number(out, hour12, 2);
            case MINUTE -> number(out, t.getMinute(), 0);
            case ZERO_MINUTE -> number(out, t.getMinute(), 2);
            case SECOND -> number(out, t.getSecond(), 0);
            case ZERO_SECOND -> number(out, t.getSecond(), 2);
            case LONG_YEAR -> number(out, t.getYear(), 4);
            case YEAR -> number(out, t.getYear() % 100, 2);
            case PM_UPPER -> out.append(hour >= 12 ? "PM" : "AM");
            case PM_LOWER -> out.append(hour >= 12 ? "pm" : "am");
            case ZONE_NAME -> zoneName(out, t);
            case FRACTION_ZEROS, FRACTION_NINES -> fraction(out, chunk, first, t.getNano());
            default -> offset(out, chunk.std(), t.getOffset().getTotalSeconds());
        }
    }

    private static void zoneName(StringBuilder out, ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                out.append("UTC"); // Go names its UTC location "UTC"
            } else {
                offset(out, Std.NUM_TZ, offset.getTotalSeconds()); // Go's fallback for unnamed zones
            }
            return;
        }
        out.append(ZONE_NAME.format(t));
    }

    private static void offset(StringBuilder out, Std std, int offsetSeconds) {
        boolean iso = switch (std) {
            case ISO_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_SECONDS_TZ -> true;
            default -> false;
        };
        if (iso && offsetSeconds == 0) {
            out.append('Z');
            return;
        }
        boolean colon = switch (std) {
            case ISO_COLON_TZ, NUM_COLON_TZ, ISO_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> true;
            default -> false;
        };
        boolean withSeconds = switch (std) {
            case ISO_SECONDS_TZ, NUM_SECONDS_TZ, ISO_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> true;
            default -> false;
        };
        boolean hoursOnly = std == Std.ISO_SHORT_TZ || std == Std.NUM_SHORT_TZ;
        int abs = Math.abs(offsetSeconds);
        out.append(offsetSeconds < 0 ? '-' : '+');
        number(out, abs / 3600, 2);
        if (colon) {
            out.append(':');
        }
        if (!hoursOnly) {
            number(out, abs / 60 % 60, 2);
        }
        if (withSeconds) {
            if (colon) {
                out.append(':');
            }
            number(out, abs % 60, 2);
        }
    }

    /** ".000" always prints that many digits; ".999" drops trailing zeros, and the dot if none remain. */
    private static void fraction(StringBuilder out, Chunk chunk, char separator, int nanos) {
        String digits = String.format("%09d", nanos);
        int n = Math.min(chunk.length() - 1, 9);
        if (chunk.std() == Std.FRACTION_NINES) {
            while (n > 0 && digits.charAt(n - 1) == '0') {
                n--;
            }
            if (n == 0) {
                return;
            }
        }
        out.append(separator).append(digits, 0, n);
    }

    /** Decimal {@code value}, zero-padded to {@code width}, with a leading minus if negative. */
    private static void number(StringBuilder out, int value, int width) {
        if (value < 0) {
            out.append('-');
        }
        String digits = Integer.toString(Math.abs(value));
        for (int k = digits.length(); k < width; k++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static void spacePadded(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int k = digits.length(); k < width; k++) {
            out.append(' ');
        }
        out.append(digits);
    }
}
