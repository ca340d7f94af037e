package io.imgbuild.core.run;

import java.time.Duration;

/** Exponential backoff between retries: base, 2×base, 4×base, ... up to a cap. */
public record Backoff(Duration base, Duration cap) {

    public static final Backoff PROVISIONER_RETRIES = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The pause after failed attempt {@code n} (1-based). */
    public Duration delay(int n) {
        long factor = 1L << Math.min(20, Math.max(0, n - 1));
        Duration d = base.multipliedBy(factor);
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
