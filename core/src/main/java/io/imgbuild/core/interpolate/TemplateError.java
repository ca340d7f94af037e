package io.imgbuild.core.interpolate;

import java.util.Objects;

/**
 * One problem found in a template string.
 *
 * @param offset  index (in UTF-16 chars) of the offending token inside the template string
 * @param length  length of the offending token in chars, at least 1 unless the string is empty
 * @param message what is wrong
 * @param hint    what to do about it, or {@code null} when there is nothing useful to add
 */
public record TemplateError(int offset, int length, String message, String hint) {

    public TemplateError {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
        Objects.requireNonNull(message, "message");
    }

    /** Message and hint on one line, e.g. for logs: {@code offset 5: unknown function "x" (hint)}. */
    @Override
    public String toString() {
        return "offset " + offset + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }
}
