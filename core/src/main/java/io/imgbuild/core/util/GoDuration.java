package io.imgbuild.core.util;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's duration syntax, which every Packer template uses: {@code 300ms}, {@code 5s}, {@code 1m30s},
 * {@code 1.5h}, {@code -1s}. A bare {@code 0} is allowed, as in Go.
 */
public final class GoDuration {

    private GoDuration() {
    }

    public static Duration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty string is not a duration");
        }
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        if (s.isEmpty()) {
            throw invalid(text);
        }
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw invalid(text);
            }
            BigDecimal number;
            try {
                number = new BigDecimal(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            nanos = nanos.add(number.multiply(BigDecimal.valueOf(unitNanos(unit, text))));
        }
        // Go rejects what does not fit in int64 nanoseconds (about 2562047h); longValue() would wrap.
        if (nanos.toBigInteger().bitLength() > 63) {
            throw invalid(text);
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    private static long unitNanos(String unit, String text) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "" -> throw new IllegalArgumentException("missing unit in duration \"" + text
                    + "\": add one of h, m, s, ms (e.g. \"" + text + "s\")");
            default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text
                    + "\": use h, m, s, ms, us or ns");
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a duration: write it like 30s, 5m or 1h30m");
    }

    /** Formats like Go does: 5m0s, 1h30m0s, 1.5s, 300ms, 1.5µs. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        if (a.compareTo(Duration.ofSeconds(1)) < 0) {
            // As Go: the largest unit that leaves a whole part, with a decimal fraction (1.5ms, 2.5µs).
            long nanos = a.toNanos();
            if (nanos < 1_000) {
                return sign + nanos + "ns";
            }
            int scale = nanos < 1_000_000 ? 3 : 6;
            String unit = nanos < 1_000_000 ? "µs" : "ms";
            return sign + BigDecimal.valueOf(nanos, scale).stripTrailingZeros().toPlainString() + unit;
        }
        StringBuilder sb = new StringBuilder(sign);
        long hours = a.toHours();
        int minutes = a.toMinutesPart();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        BigDecimal secs = BigDecimal.valueOf(a.toSecondsPart()).add(BigDecimal.valueOf(a.toNanosPart(), 9));
        sb.append(secs.stripTrailingZeros().toPlainString()).append('s');
        return sb.toString();
    }
}
