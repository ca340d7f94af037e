package io.imgbuild.core.boot;

import java.time.Duration;
import java.util.Objects;

/** One thing a boot command does: type characters, press or hold a key, or wait. */
public sealed interface BootAction {

    /** Characters typed one after the other (each pressed and released). */
    record Type(String text) implements BootAction {
        public Type {
            Objects.requireNonNull(text);
        }
    }

    /** A special key pressed and released, e.g. {@code <enter>}. */
    record Press(SpecialKey key) implements BootAction {
        public Press {
            Objects.requireNonNull(key);
        }
    }

    /**
     * A key held down ({@code <leftCtrlOn>}, {@code down} true) or released ({@code <leftCtrlOff>}).
     * Exactly one of {@code special} and {@code character} is set: {@code <aOn>} holds the character a.
     *
     * @param character a single Unicode code point as a string, or null
     */
    record Toggle(SpecialKey special, String character, boolean down) implements BootAction {
        public Toggle {
            if ((special == null) == (character == null)) {
                throw new IllegalArgumentException("a toggle holds either a special key or a character");
            }
        }
    }

    /** A pause: {@code <wait>} (one second), {@code <wait5>} (seconds), {@code <wait1m30s>}. */
    record Wait(Duration duration) implements BootAction {
        public Wait {
            Objects.requireNonNull(duration);
        }
    }
}
