package io.imgbuild.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.util.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SecretsTest {

    private final Secrets s = new Secrets();

    @Test
    void masksEveryOccurrence() {
        s.add("hunter22");
        assertEquals("a <sensitive> b <sensitive>", s.mask("a hunter22 b hunter22"));
        assertEquals("nothing here", s.mask("nothing here"));
        assertNull(s.mask(null));
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        s.add("pass");
        s.add("pass-phrase-123");
        assertEquals("<sensitive> and <sensitive>", s.mask("pass-phrase-123 and pass"));
    }

    @Test
    void aShortSecretDoesNotMangleTheMaskOfALongerOne() {
        s.add("long-secret-value");
        s.add("sit");
        assertEquals("x <sensitive> y <sensitive>", s.mask("x long-secret-value y sit"));
    }

    @Test
    void blankValuesAreNotSecrets() {
        s.add(null);
        s.add("");
        s.add("   ");
        assertTrue(s.isEmpty());
        assertEquals("a b", s.mask("a b"));
    }

    @Test
    void multiLineSecretsAreMaskedLineByLine() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5v\nbmUAAAAEbm9uZQ\nab\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";
        s.add(key);
        assertEquals("key: <sensitive>", s.mask("key: " + key));
        assertEquals("got <sensitive> from the agent", s.mask("got b3BlbnNzaC1rZXktdjEAAAAABG5v from the agent"));
        assertEquals("  <sensitive>", s.mask("  bmUAAAAEbm9uZQ"));
        // Lines shorter than four characters would mask half of every output.
        assertEquals("ab", s.mask("ab"));
    }

    @Test
    void windowsLineEndsInASecret() {
        s.add("line-one\r\nline-two");
        assertEquals("<sensitive> <sensitive>", s.mask("line-one line-two"));
    }

    @Test
    void maskStringsInAJsonTree() {
        s.add("t0ken");
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree("{\"a\": \"x t0ken\", \"n\": 5, \"list\": [\"t0ken\", {\"b\":"
                + " \"t0ken!\"}], \"t0ken\": \"key\", \"z\": true}");
        s.maskStrings(tree);
        assertEquals("x <sensitive>", tree.get("a").asString());
        assertEquals(5, tree.get("n").asInt());
        assertEquals("[\"<sensitive>\",{\"b\":\"<sensitive>!\"}]", tree.get("list").toString());
        assertEquals("key", tree.get("<sensitive>").asString());
        assertFalse(tree.has("t0ken"));
        assertEquals(List.of("a", "n", "list", "<sensitive>", "z"), List.copyOf(tree.propertyNames()));
    }

    @Test
    void theGlobalRegistryIsShared() {
        Secrets.global().add("global-secret-for-test-7f3a");
        assertEquals("<sensitive>", Secrets.global().mask("global-secret-for-test-7f3a"));
    }
}
