package io.imgbuild.core.interpolate;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): a 48-bit Unix millisecond timestamp, then random bits. Values from this
 * process are strictly increasing: within one millisecond a 12-bit counter is bumped, which is
 * the RFC's "fixed-length dedicated counter" method.
 */
final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_MAX = 0xFFF;

    private static long lastMillis = -1;
    private static int counter;

    private TimeOrderedUuid() {
    }

    static UUID next() {
        long millis;
        int count;
        synchronized (TimeOrderedUuid.class) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = RANDOM.nextInt(COUNTER_MAX / 2 + 1); // leave room to count up
            } else if (counter < COUNTER_MAX) {
                counter++; // same millisecond, or the clock went back: keep ordering
            } else {
                lastMillis++; // counter exhausted: borrow the next millisecond
                counter = 0;
            }
            millis = lastMillis;
            count = counter;
        }
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | count;
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
