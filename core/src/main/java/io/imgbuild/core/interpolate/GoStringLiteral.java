package io.imgbuild.core.interpolate;

/**
 * Decodes the body of a double-quoted string with Go's escape rules, so strings copied from
 * Packer templates mean the same thing here.
 *
 * <p>Byte escapes ({@code \xHH}, octal) are accepted only for ASCII: in Go they produce raw
 * bytes, which above 0x7F would not be valid text.
 */
final class GoStringLiteral {

    private GoStringLiteral() {
    }

    /**
     * @param src      the whole template string
     * @param start    index just after the opening quote
     * @param end      index of the closing quote
     * @param resumeAt where the scanner may resume if an escape is bad
     */
    static String unquote(String src, int start, int end, int resumeAt) throws SyntaxError {
        int backslash = src.indexOf('\\', start);
        if (backslash < 0 || backslash >= end) {
            return src.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            char c = src.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            i = decodeEscape(src, i, end, out, resumeAt);
        }
        return out.toString();
    }

    /** Decodes the escape at {@code at} (a backslash) into {@code out}; returns the index after it. */
    private static int decodeEscape(String src, int at, int end, StringBuilder out, int resumeAt)
            throws SyntaxError {
        char kind = src.charAt(at + 1); // the lexer guarantees a character follows a backslash
        switch (kind) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case 'x' -> {
                int value = hex(src, at, 2, end, resumeAt);
                out.append(asciiByte(value, src, at, 4, resumeAt));
                return at + 4;
            }
            case 'u' -> {
                out.appendCodePoint(codePoint(hex(src, at, 4, end, resumeAt), at, 6, resumeAt));
                return at + 6;
            }
            case 'U' -> {
                out.appendCodePoint(codePoint(hex(src, at, 8, end, resumeAt), at, 10, resumeAt));
                return at + 10;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int value = octal(src, at, end, resumeAt);
                out.append(asciiByte(value, src, at, 4, resumeAt));
                return at + 4;
            }
            case '\'' -> throw error(at, 2, "\\' is not a valid escape in a double-quoted string",
                    "write ' without the backslash", resumeAt);
            default -> throw error(at, 2, "unknown escape sequence \\" + kind + " in string",
                    "valid escapes are \\\" \\\\ \\n \\t \\r \\a \\b \\f \\v \\xHH \\uXXXX \\UXXXXXXXX;"
                            + " for a literal backslash write \\\\ or use a `raw string`", resumeAt);
        }
        return at + 2;
    }

    private static int hex(String src, int at, int digits, int end, int resumeAt) throws SyntaxError {
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int idx = at + 2 + k;
            int d = idx < end ? Character.digit(src.charAt(idx), 16) : -1;
            if (d < 0) {
                String form = "\\" + src.charAt(at + 1) + "H".repeat(digits);
                throw error(at, Math.min(idx, end) - at, "bad escape sequence in string: expected " + form,
                        "\\" + src.charAt(at + 1) + " needs exactly " + digits + " hex digits", resumeAt);
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static int octal(String src, int at, int end, int resumeAt) throws SyntaxError {
        int value = 0;
        for (int k = 0; k < 3; k++) {
            int idx = at + 1 + k;
            char c = idx < end ? src.charAt(idx) : 'x';
            if (c < '0' || c > '7') {
                throw error(at, Math.min(idx, end) - at, "bad octal escape in string",
                        "an octal escape needs exactly three digits, e.g. \\101", resumeAt);
            }
            value = value * 8 + (c - '0');
        }
        return value;
    }

    private static char asciiByte(int value, String src, int at, int length, int resumeAt)
            throws SyntaxError {
        if (value > 0x7F) {
            throw error(at, length, "byte escape " + src.substring(at, at + length) + " is above \\x7f",
                    "write the character itself or use \\u00" + String.format("%02x", value), resumeAt);
        }
        return (char) value;
    }

    private static int codePoint(int value, int at, int length, int resumeAt) throws SyntaxError {
        if (value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
            throw error(at, length, "escape is not a valid Unicode code point",
                    "surrogate halves and values above \\U0010FFFF are not characters", resumeAt);
        }
        return value;
    }

    private static SyntaxError error(int offset, int length, String message, String hint, int resumeAt) {
        return new SyntaxError(new TemplateError(offset, Math.max(length, 1), message, hint), resumeAt);
    }
}
