package io.imgbuild.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Syntax errors: where, why, an excerpt with a caret, and a hint for the common mistakes. */
class LocatedJsonParserSyntaxTest {

    private static JsonSyntaxError error(String text) {
        return assertThrows(JsonSyntaxException.class, () -> LocatedJsonParser.parse("t.json", text)).error();
    }

    @Test
    void trailingCommaInAnObject() {
        String text = "{\n  \"builders\": [\n  {\"type\":\"null\",\n   \"communicator\":\"none\",}\n  ]\n}";
        JsonSyntaxError e = error(text);
        assertEquals("t.json", e.location().file());
        assertEquals(4, e.location().line());
        assertEquals(26, e.location().column(), e.toString());
        assertTrue(e.message().contains("remove the trailing comma"), e.message());
        String[] lines = e.excerpt().split("\n");
        assertEquals(3, lines.length, e.excerpt());
        assertEquals("    3:   {\"type\":\"null\",", lines[0]);
        assertEquals("    4:    \"communicator\":\"none\",}", lines[1]);
        assertEquals('}', lines[1].charAt(lines[2].indexOf('^')), "caret under the brace:\n" + e.excerpt());
        assertEquals(lines[2].length() - 1, lines[2].indexOf('^'));
    }

    @Test
    void trailingCommaInAnArray() {
        JsonSyntaxError e = error("{\"a\": [1, 2,\n ]}");
        assertEquals(2, e.location().line());
        assertEquals(2, e.location().column());
        assertTrue(e.message().contains("remove the trailing comma"), e.message());
    }

    @Test
    void theCaretFollowsWideLineNumbers() {
        String text = "{\n".repeat(1) + "  \"a\": 1,\n".repeat(9) + "  \"b\": x\n}";
        JsonSyntaxError e = error(text);
        assertEquals(11, e.location().line());
        String[] lines = e.excerpt().split("\n");
        assertTrue(lines[1].startsWith("    11:   \"b\": x"), e.excerpt());
        assertEquals('x', lines[1].charAt(lines[2].indexOf('^')), e.excerpt());
    }

    @Test
    void anUnquotedWordGetsAHint() {
        JsonSyntaxError e = error("{\"a\": yes}");
        assertEquals(1, e.location().line());
        assertEquals(7, e.location().column());
        assertTrue(e.message().contains("true, false and null are lower case"), e.message());
        assertFalse(e.excerpt().contains("    0:"), e.excerpt());
    }

    @Test
    void aCommentGetsAHint() {
        JsonSyntaxError e = error("{\n  // note\n  \"a\": 1\n}");
        assertEquals(2, e.location().line());
        assertTrue(e.message().contains("\"_\""), e.message());
    }

    @Test
    void anUnterminatedDocumentSaysItEndsEarly() {
        JsonSyntaxError e = error("{\"a\": [1, 2\n");
        assertTrue(e.message().contains("ends early"), e.message());
    }

    @Test
    void anEmptyFileIsAnError() {
        JsonSyntaxError e = error("");
        assertEquals("the file is empty", e.message());
        assertEquals(1, e.location().line());
        assertEquals(1, e.location().column());
        assertEquals("the file is empty", error("  \n\t\n").message());
    }

    @Test
    void contentAfterTheDocumentIsAnError() {
        JsonSyntaxError e = error("{\"a\": 1}\n{\"b\": 2}");
        assertEquals(2, e.location().line());
        assertEquals(1, e.location().column());
        assertTrue(e.message().startsWith("unexpected content after the end"), e.message());
    }

    @Test
    void theExceptionMessageNamesTheLocation() {
        JsonSyntaxException ex = assertThrows(JsonSyntaxException.class, () -> LocatedJsonParser.parse("t.json", "[1,,]"));
        assertTrue(ex.getMessage().startsWith("t.json:1:4: "), ex.getMessage());
        assertFalse(ex.getMessage().contains("[Source"), ex.getMessage());
    }

    @Test
    void aNonObjectDocumentParses() throws Exception {
        // The parser reads any JSON value; the template and var-file readers decide what they accept.
        LocatedJsonParser.Result r = LocatedJsonParser.parse("t.json", "[1, 2]");
        assertTrue(r.document().root().isArray());
        assertEquals("1:5", r.document().locateValue(JsonPath.ROOT.index(1)).line() + ":"
                + r.document().locateValue(JsonPath.ROOT.index(1)).column());
    }
}
