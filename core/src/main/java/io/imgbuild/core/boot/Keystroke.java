package io.imgbuild.core.boot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One thing the typist does: press a key combination, pause, or end a group of keys. */
sealed interface Keystroke {

    /** A combination pressed at once and released: Linux keycodes, modifiers and held keys first. */
    record Keys(List<Integer> keycodes) implements Keystroke {
        public Keys {
            keycodes = List.copyOf(keycodes);
        }

        int[] toArray() {
            return keycodes.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** A {@code <wait>} of the boot command. */
    record Pause(Duration duration) implements Keystroke {
        public Pause {
            Objects.requireNonNull(duration);
        }
    }

    /** The end of a run of text or of a special key: where {@code boot_keygroup_interval} pauses. */
    record GroupEnd() implements Keystroke {
    }
}
