package io.imgbuild.core.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void isVersion7WithTheRfcVariant() {
        UUID u = TimeOrderedUuid.next();
        assertEquals(7, u.version());
        assertEquals(2, u.variant());
    }

    @Test
    void carriesTheCurrentUnixMillisecondsInItsFirst48Bits() {
        long before = System.currentTimeMillis();
        UUID u = TimeOrderedUuid.next();
        long after = System.currentTimeMillis();
        long millis = u.getMostSignificantBits() >>> 16;
        // The counter may borrow a few milliseconds ahead when called in a tight loop elsewhere.
        assertTrue(millis >= before && millis <= after + 1000, () -> before + " <= " + millis + " <= " + after);
    }

    @Test
    void successiveValuesAreStrictlyIncreasingAsText() {
        String previous = TimeOrderedUuid.next().toString();
        for (int i = 0; i < 10_000; i++) {
            String next = TimeOrderedUuid.next().toString();
            String before = previous;
            assertTrue(next.compareTo(before) > 0, () -> before + " then " + next);
            previous = next;
        }
    }
}
