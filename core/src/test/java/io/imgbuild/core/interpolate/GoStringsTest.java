package io.imgbuild.core.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go strings-package semantics that differ from Java's own String methods. */
class GoStringsTest {

    @Test
    void splitKeepsLeadingAndTrailingEmptyParts() {
        assertEquals(List.of("", "a", "", "b", ""), GoStrings.split(",a,,b,", ","));
        assertEquals(List.of(""), GoStrings.split("", ","));
        assertEquals(List.of("a,b"), GoStrings.split("a,b", ";"));
    }

    @Test
    void splitTreatsTheSeparatorLiterallyNotAsARegex() {
        assertEquals(List.of("a", "b"), GoStrings.split("a.b", "."));
        assertEquals(List.of("a", "b"), GoStrings.split("a||b", "||"));
    }

    @Test
    void splitByEmptySeparatorGivesCodePoints() {
        assertEquals(List.of("a", "\uD83D\uDE00", "b"), GoStrings.split("a\uD83D\uDE00b", ""));
        assertEquals(List.of(), GoStrings.split("", ""));
    }

    @Test
    void replaceCountsNonOverlappingMatches() {
        assertEquals("ba", GoStrings.replace("aaa", "aa", "b", -1));
        assertEquals("xbxb", GoStrings.replace("abab", "a", "x", 5));
    }

    @Test
    void replaceWithEmptyOldInsertsAtCodePointBoundaries() {
        assertEquals("-a-\uD83D\uDE00-", GoStrings.replace("a\uD83D\uDE00", "", "-", -1));
        assertEquals("-", GoStrings.replace("", "", "-", -1));
        assertEquals("-a\uD83D\uDE00", GoStrings.replace("a\uD83D\uDE00", "", "-", 1));
    }

    @Test
    void replaceReturnsTheSameStringWhenNothingChanges() {
        String s = "unchanged";
        assertEquals(s, GoStrings.replace(s, "x", "y", -1));
        assertEquals(s, GoStrings.replace(s, "n", "n", -1));
    }
}
