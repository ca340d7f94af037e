package io.imgbuild.core.boot;

import java.util.List;

/** The boot command holds characters a US keyboard has no keys for; nothing has been typed. */
public final class UntypeableCharactersException extends IllegalArgumentException {

    private final List<Integer> codePoints;

    UntypeableCharactersException(List<Integer> codePoints, String context) {
        super(message(codePoints, context));
        this.codePoints = List.copyOf(codePoints);
    }

    /** The characters, each once, in the order they appear. */
    public List<Integer> codePoints() {
        return codePoints;
    }

    private static String message(List<Integer> codePoints, String context) {
        StringBuilder sb = new StringBuilder("a US keyboard has no key for ");
        for (int i = 0; i < codePoints.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(describe(codePoints.get(i)));
        }
        return sb.append(" (first in \"").append(context).append("\"); write the command in ASCII, e.g. a URL-encoded")
                .append(" form (%C3%A9) in a URL, or fetch text with accents from the HTTP server").toString();
    }

    /** {@code 'é' (U+00E9)}, or just the code for a control character. */
    static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        return Character.isISOControl(codePoint) ? code : "'" + Character.toString(codePoint) + "' (" + code + ")";
    }
}
