package io.imgbuild.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void parsesGoSyntax() {
        assertEquals(Duration.ofMillis(300), GoDuration.parse("300ms"));
        assertEquals(Duration.ofSeconds(5), GoDuration.parse("5s"));
        assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
        assertEquals(Duration.ofMinutes(90), GoDuration.parse("1.5h"));
        assertEquals(Duration.ofHours(2).plusMinutes(45).plusSeconds(10), GoDuration.parse("2h45m10s"));
        assertEquals(Duration.ofNanos(1500), GoDuration.parse("1.5us"));
        assertEquals(Duration.ofNanos(2000), GoDuration.parse("2µs"));
        assertEquals(Duration.ofNanos(7), GoDuration.parse("7ns"));
        assertEquals(Duration.ofMillis(500), GoDuration.parse(".5s"));
        assertEquals(Duration.ofSeconds(-1), GoDuration.parse("-1s"));
        assertEquals(Duration.ofSeconds(1), GoDuration.parse("+1s"));
        assertEquals(Duration.ZERO, GoDuration.parse("0"));
        assertEquals(Duration.ZERO, GoDuration.parse(" 0s "));
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertMessage("", "an empty string is not a duration");
        assertMessage("10", "missing unit in duration \"10\"");
        assertMessage("5 minutes", "unknown unit \" minutes\" in duration \"5 minutes\"");
        assertMessage("1d", "unknown unit \"d\"");
        assertMessage("s", "\"s\" is not a duration");
        assertMessage("1.2.3s", "\"1.2.3s\" is not a duration");
        assertMessage("-", "\"-\" is not a duration");
        assertMessage("--1s", "\"--1s\" is not a duration");
    }

    @Test
    void anOverflowIsAnErrorNotAWrappedValue() {
        assertMessage("3000000h", "\"3000000h\" is not a duration");
        assertEquals(Duration.ofHours(2_000_000), GoDuration.parse("2000000h"));
    }

    private static void assertMessage(String text, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text), text);
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    @Test
    void formatsLikeGo() {
        assertEquals("0s", GoDuration.format(Duration.ZERO));
        assertEquals("300ms", GoDuration.format(Duration.ofMillis(300)));
        assertEquals("5s", GoDuration.format(Duration.ofSeconds(5)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("5m0s", GoDuration.format(Duration.ofMinutes(5)));
        assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
        assertEquals("1h0m0s", GoDuration.format(Duration.ofHours(1)));
        assertEquals("1h30m0s", GoDuration.format(Duration.ofMinutes(90)));
        assertEquals("26h3m4s", GoDuration.format(Duration.ofHours(26).plusMinutes(3).plusSeconds(4)));
        assertEquals("-2s", GoDuration.format(Duration.ofSeconds(-2)));
    }

    @Test
    void formatsSubMillisecondsLikeGo() {
        assertEquals("1.5ms", GoDuration.format(Duration.ofNanos(1_500_000)));
        assertEquals("1.5µs", GoDuration.format(Duration.ofNanos(1500)));
        assertEquals("7ns", GoDuration.format(Duration.ofNanos(7)));
        assertEquals("10ms", GoDuration.format(Duration.ofMillis(10)));
    }

    @Test
    void formatThenParseRoundTrips() {
        for (Duration d : new Duration[]{Duration.ofMillis(1), Duration.ofSeconds(59), Duration.ofMinutes(61),
            Duration.ofMillis(123456789), Duration.ofNanos(1500)}) {
            assertEquals(d, GoDuration.parse(GoDuration.format(d)), d::toString);
        }
    }
}
