package io.imgbuild.core.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go reference-time layouts. Expected values are what Go's time.Format prints for the same
 * instant (worked out by hand from Go's rules and confirmed against a Go toolchain).
 */
class GoTimeLayoutTest {

    /** Thursday 2021-03-04, day 63 of the year, 05:06:07.123456789 UTC. */
    private static final ZonedDateTime MORNING = Instant.parse("2021-03-04T05:06:07.123456789Z").atZone(ZoneOffset.UTC);

    /** Friday 1999-12-31, day 365, 23:59:59.0001 UTC. */
    private static final ZonedDateTime NEW_YEARS_EVE =
            Instant.parse("1999-12-31T23:59:59.000100000Z").atZone(ZoneOffset.UTC);

    /** Go's own reference time, on the hour with no fraction. */
    private static final ZonedDateTime REFERENCE = Instant.parse("2006-01-02T15:04:05Z").atZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "2006-01-02T15:04:05Z07:00            | 2021-03-04T05:06:07Z",
        "2006-01-02 15:04:05                  | 2021-03-04 05:06:07",
        "'Jan _2 06 3:04PM'                   | 'Mar  4 21 5:06AM'",
        "'Monday, 02-Jan-06 15:04:05 MST'     | 'Thursday, 04-Mar-21 05:06:07 UTC'",
        "Mon Jan 2 15:04:05 MST 2006          | Thu Mar 4 05:06:07 UTC 2021",
        "'January 2, 2006 at 3:04:05 pm'      | 'March 4, 2021 at 5:06:07 am'",
        "1 01 15 3 03 4 04 5 05 06 2006       | 3 03 05 5 05 6 06 7 07 21 2021",
        "20060102150405                       | 20210304050607",
        "15:04:05.000                         | 05:06:07.123",
        "15:04:05.000000                      | 05:06:07.123456",
        "15:04:05.000000000                   | 05:06:07.123456789",
        "15:04:05.999                         | 05:06:07.123",
        "15:04:05.999999999                   | 05:06:07.123456789",
        "'15:04:05,000'                       | '05:06:07,123'",
        "'_2006 __2 002 _2 2 02'              | '_2021  63 063  4 4 04'",
        "Janet Monty Mon Jan MST              | Janet Monty Thu Mar UTC",
        "PM pm PMM Pm                         | AM am AMM Pm",
        "'-07 Z07 -0700 Z0700 -07:00 Z07:00'  | '+00 Z +0000 Z +00:00 Z'",
        "'-070000 Z070000 -07:00:00 Z07:00:00'| '+000000 Z +00:00:00 Z'",
        "'ZZ07 --07'                          | 'ZZ -+00'",
        "literal text: build-x                | literal text: build-x",
        "15:04:05.0001                        | 05:06:07.0003",
        "'.9 .99 .0 .00a .0x'                 | '.1 .12 .1 .12a .1x'",
    })
    void formatsLikeGo(String layout, String expected) {
        assertEquals(expected, GoTimeLayout.format(layout, MORNING));
    }

    @Test
    void defaultIsotimeLayoutIsRfc3339() {
        assertEquals("2021-03-04T05:06:07Z", GoTimeLayout.format(GoTimeLayout.RFC3339, MORNING));
    }

    @Test
    void ninesDropTrailingZerosAndTheDotWhenNothingIsLeft() {
        assertEquals("23:59:59.0001", GoTimeLayout.format("15:04:05.999999999", NEW_YEARS_EVE));
        assertEquals("23:59:59", GoTimeLayout.format("15:04:05.999", NEW_YEARS_EVE));
        assertEquals("15:04:05", GoTimeLayout.format("15:04:05.999", REFERENCE));
        assertEquals("15:04:05.000", GoTimeLayout.format("15:04:05.000", REFERENCE));
    }

    @Test
    void twelveHourClockAroundMidnightAndNoon() {
        assertEquals("11:59PM 11:59pm 23", GoTimeLayout.format("3:04PM 03:04pm 15", NEW_YEARS_EVE));
        ZonedDateTime midnight = Instant.parse("2021-07-09T00:00:00Z").atZone(ZoneOffset.UTC);
        assertEquals("12:00AM", GoTimeLayout.format("3:04PM", midnight));
        assertEquals("12 PM", GoTimeLayout.format("3 PM", midnight.withHour(12)));
    }

    @Test
    void dayOfYearPadsToThree() {
        assertEquals("365 365", GoTimeLayout.format("__2 002", NEW_YEARS_EVE));
        assertEquals("  2 002", GoTimeLayout.format("__2 002", REFERENCE));
    }

    @Test
    void referenceTimeFormatsToItsOwnLayout() {
        String layout = "Mon Jan 2 15:04:05 2006";
        assertEquals(layout, GoTimeLayout.format(layout, REFERENCE));
    }

    @Test
    void nonUtcOffsetsPrintAsGoPrintsThem() {
        ZonedDateTime westOfUtc = MORNING.withZoneSameInstant(ZoneOffset.ofHoursMinutes(-7, -30));
        assertEquals("2021-03-03T21:36:07-07:30", GoTimeLayout.format(GoTimeLayout.RFC3339, westOfUtc));
        assertEquals("-07 -0730 -07:30:00 -0730", GoTimeLayout.format("Z07 Z0700 Z07:00:00 MST", westOfUtc));
        ZonedDateTime withSeconds = MORNING.withZoneSameInstant(ZoneOffset.ofHoursMinutesSeconds(5, 45, 30));
        assertEquals("+054530 +05:45:30 +0545", GoTimeLayout.format("-070000 Z07:00:00 -0700", withSeconds));
    }

    @Test
    void namedZonesUseTheirAbbreviation() {
        ZonedDateTime newYork = MORNING.withZoneSameInstant(ZoneId.of("America/New_York"));
        assertEquals("00:06 EST -0500", GoTimeLayout.format("15:04 MST -0700", newYork));
        assertEquals("UTC", GoTimeLayout.format("MST", MORNING.withZoneSameInstant(ZoneId.of("UTC"))));
    }
}
