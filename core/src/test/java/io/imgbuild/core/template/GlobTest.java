package io.imgbuild.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starAndQuestionMark() {
        assertTrue(Glob.of("amazon-*").matches("amazon-ebs"));
        assertTrue(Glob.of("amazon-*").matches("amazon-"));
        assertFalse(Glob.of("amazon-*").matches("xamazon-ebs"));
        assertTrue(Glob.of("q?mu").matches("qemu"));
        assertFalse(Glob.of("q?mu").matches("qmu"));
        assertTrue(Glob.of("*").matches(""));
    }

    @Test
    void characterClasses() {
        assertTrue(Glob.of("node[12]").matches("node1"));
        assertFalse(Glob.of("node[12]").matches("node3"));
        assertTrue(Glob.of("node[!12]").matches("node3"));
        assertFalse(Glob.of("node[!12]").matches("node1"));
        assertTrue(Glob.of("node[a-c]").matches("nodeb"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(Glob.of("a.b+c(d)").matches("a.b+c(d)"));
        assertFalse(Glob.of("a.b").matches("axb"));
        assertTrue(Glob.of("a[").matches("a["));
        assertTrue(Glob.of("$x^").matches("$x^"));
        assertTrue(Glob.of("a\\b").matches("a\\b"));
    }

    @Test
    void literalOrPattern() {
        assertTrue(Glob.of("qemu").isLiteral());
        assertFalse(Glob.of("q*").isLiteral());
        assertFalse(Glob.of("q?").isLiteral());
        assertFalse(Glob.of("q[ab]").isLiteral());
        assertEquals("q*", Glob.of("q*").toString());
    }
}
