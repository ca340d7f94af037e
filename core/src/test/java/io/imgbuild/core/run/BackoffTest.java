package io.imgbuild.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(1), b.delay(1));
        assertEquals(Duration.ofSeconds(2), b.delay(2));
        assertEquals(Duration.ofSeconds(16), b.delay(5));
        assertEquals(Duration.ofSeconds(30), b.delay(6));
        assertEquals(Duration.ofSeconds(30), b.delay(1000));
        assertEquals(Duration.ofSeconds(1), b.delay(0));
    }
}
