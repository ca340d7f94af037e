package io.imgbuild.core.interpolate;

import java.util.Objects;

/**
 * Outcome of rendering at template time.
 *
 * <p>A deferred result holds the original template string unchanged: it uses build-time values,
 * so the whole string is rendered later in one go (never partially, so user values are never
 * parsed as template text).
 *
 * @param text     the rendered value, or the original string when {@code deferred}
 * @param deferred whether rendering must wait until build time
 */
public record Rendered(String text, boolean deferred) {

    public Rendered {
        Objects.requireNonNull(text, "text");
    }

    public static Rendered value(String text) {
        return new Rendered(text, false);
    }

    public static Rendered deferred(String original) {
        return new Rendered(original, true);
    }
}
