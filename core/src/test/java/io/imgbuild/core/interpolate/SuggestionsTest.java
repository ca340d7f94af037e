package io.imgbuild.core.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Did-you-mean: edit distance within 2, or a third of the name's length for long names. */
class SuggestionsTest {

    @Test
    void levenshteinDistance() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "four"));
    }

    @Test
    void suggestsWithinTwoEdits() {
        assertEquals(Optional.of("region"), Suggestions.closest("regoin", List.of("name", "region")));
        assertEquals(Optional.empty(), Suggestions.closest("zone", List.of("name", "region")));
    }

    @Test
    void longNamesAllowAThirdOfTheirLength() {
        // Three edits away from "ssh_username": fine for a 9-character name, too many for a 5-character one.
        assertEquals(Optional.of("ssh_username"), Suggestions.closest("ssh_usrnm", List.of("ssh_username")));
        assertEquals(Optional.empty(), Suggestions.closest("usrnm", List.of("username")));
        assertEquals(Optional.empty(), Suggestions.closest("winrm_passwd", List.of("ssh_username")));
    }

    @Test
    void ignoresCaseAndPrefersTheNearest() {
        assertEquals(Optional.of("HTTPPort"), Suggestions.closest("httpport", List.of("HTTPIP", "HTTPPort")));
        assertEquals(Optional.of("lower"), Suggestions.closest("lowr", List.of("power", "lower", "slower")));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirst() {
        assertEquals(Optional.of("upper"), Suggestions.closest("uper", List.of("user", "upper")));
    }
}
