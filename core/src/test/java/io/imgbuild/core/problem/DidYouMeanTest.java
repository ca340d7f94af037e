package io.imgbuild.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> KEYS = List.of("ssh_username", "ssh_password", "ssh_port", "ssh_timeout",
            "iso_url", "iso_urls", "memory");

    @Test
    void suggestsTheClosest() {
        assertEquals(Optional.of("ssh_username"), DidYouMean.closest("ssh_usrname", KEYS));
        assertEquals(Optional.of("memory"), DidYouMean.closest("memroy", KEYS), "a swap is one edit");
        assertEquals(Optional.of("ssh_port"), DidYouMean.closest("SSH_PORT", KEYS), "case does not count");
        assertEquals(Optional.of("iso_url"), DidYouMean.closest("iso_ur", KEYS));
    }

    @Test
    void nothingWhenTooFar() {
        assertEquals(Optional.empty(), DidYouMean.closest("banana", KEYS));
        assertEquals(Optional.empty(), DidYouMean.closest("", KEYS));
        assertEquals(Optional.empty(), DidYouMean.closest(null, KEYS));
        assertEquals(Optional.empty(), DidYouMean.closest("memory", List.of("memory")), "never the name itself");
    }

    @Test
    void tiesGoToTheAlphabeticallyFirst() {
        assertEquals(Optional.of("ab"), DidYouMean.closest("aa", List.of("ba", "ab")));
    }

    @Test
    void suffix() {
        assertEquals("; did you mean \"memory\"?", DidYouMean.suffix("memroy", KEYS));
        assertEquals("", DidYouMean.suffix("zzzzzz", KEYS));
    }

    @Test
    void distance() {
        assertEquals(0, DidYouMean.distance("abc", "abc"));
        assertEquals(1, DidYouMean.distance("abc", "acb"));
        assertEquals(3, DidYouMean.distance("", "abc"));
        assertEquals(2, DidYouMean.distance("kitten", "sitting") - 1);
    }
}
