package io.imgbuild.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.SourceLocation;
import org.junit.jupiter.api.Test;

/** Where keys and values are, in line:column, and what duplicate keys report. */
class LocatedJsonParserLocationsTest {

    private static final String DOC = """
            {
              "builders": [
                {"type": "null"},
                {
                  "type": "qemu",
                  "ssh_timeout": "5m"
                }
              ],
              "variables": {"a": 1}
            }
            """;

    private static LocatedDocument parse(String text) throws JsonSyntaxException {
        LocatedJsonParser.Result r = LocatedJsonParser.parse("t.json", text);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        return r.document();
    }

    private static String at(SourceLocation l) {
        return l.line() + ":" + l.column();
    }

    @Test
    void keysAreLocatedAtTheirOpeningQuote() throws Exception {
        LocatedDocument doc = parse(DOC);
        assertEquals("2:3", at(doc.locate(JsonPath.fromPointer("/builders"))));
        assertEquals("6:7", at(doc.locate(JsonPath.fromPointer("/builders/1/ssh_timeout"))));
        assertEquals("9:17", at(doc.locate(JsonPath.fromPointer("/variables/a"))));
        assertEquals("t.json", doc.locate(JsonPath.ROOT).file());
    }

    @Test
    void valuesAreLocatedWhereTheyStart() throws Exception {
        LocatedDocument doc = parse(DOC);
        assertEquals("6:22", at(doc.locateValue(JsonPath.fromPointer("/builders/1/ssh_timeout"))));
        assertEquals("2:15", at(doc.locateValue(JsonPath.fromPointer("/builders"))));
        assertEquals("9:22", at(doc.locateValue(JsonPath.fromPointer("/variables/a"))));
    }

    @Test
    void arrayElementsAreLocatedAtTheirValue() throws Exception {
        LocatedDocument doc = parse(DOC);
        assertEquals("3:5", at(doc.locate(JsonPath.ROOT.key("builders").index(0))));
        assertEquals("4:5", at(doc.locate(JsonPath.ROOT.key("builders").index(1))));
    }

    @Test
    void anUnknownPathFallsBackToItsNearestAncestor() throws Exception {
        LocatedDocument doc = parse(DOC);
        assertEquals("4:5", at(doc.locate(JsonPath.ROOT.key("builders").index(1).key("no_such_key"))));
        assertEquals("4:5", at(doc.locateValue(JsonPath.ROOT.key("builders").index(1).key("no_such_key"))));
        assertEquals("1:1", at(doc.locate(JsonPath.ROOT.key("nothing"))));
    }

    @Test
    void aByteOrderMarkDoesNotShiftColumns() throws Exception {
        LocatedDocument doc = parse("\uFEFF{\"a\": 1}");
        assertEquals("1:2", at(doc.locate(JsonPath.ROOT.key("a"))));
        assertEquals(1, doc.root().get("a").asInt());
    }

    @Test
    void crlfLineEndsCountAsOneLine() throws Exception {
        LocatedDocument doc = parse("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}");
        assertEquals("3:3", at(doc.locate(JsonPath.ROOT.key("b"))));
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() throws Exception {
        String text = """
                {
                  "builders": [{
                    "type": "null",
                    "name": "a",
                    "type": "qemu"
                  }]
                }
                """;
        LocatedJsonParser.Result r = LocatedJsonParser.parse("t.json", text);
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem p = r.problems().get(0);
        assertTrue(p.isError());
        assertEquals("builders[0].type", p.path());
        assertEquals("t.json:5:5", p.location().toString());
        assertEquals("duplicate key \"type\" (first at line 3)", p.message());
        // The first value is kept; the error stops the build anyway.
        assertEquals("null", r.document().root().get("builders").get(0).get("type").asString());
    }

    @Test
    void aDuplicateKeyWithAnObjectValueIsSkippedWhole() throws Exception {
        LocatedJsonParser.Result r = LocatedJsonParser.parse("t.json", "{\"a\": {\"x\": 1},\n \"a\": {\"y\": [1, {\"z\": 2}]}, \"b\": 3}");
        assertEquals(1, r.problems().size());
        assertEquals("t.json:2:2", r.problems().get(0).location().toString());
        assertEquals(3, r.document().root().get("b").asInt());
        assertEquals(1, r.document().root().get("a").size());
    }

    @Test
    void locateInStringSkipsEscapes() throws Exception {
        // decoded: say "hi" é {{ bad }}  — the error is at decoded index 13 ("{{")
        String text = "{\n  \"k\": \"say \\\"hi\\\" \\u00e9 {{ bad }}\"\n}";
        LocatedDocument doc = parse(text);
        String decoded = doc.root().get("k").asString();
        int index = decoded.indexOf("{{");
        assertEquals(11, index);
        SourceLocation loc = doc.locateInString(JsonPath.ROOT.key("k"), index);
        int column = text.split("\n")[1].indexOf("{{") + 1;
        assertEquals(2, loc.line());
        assertEquals(column, loc.column());
    }

    @Test
    void locateInStringAtZeroIsJustInsideTheQuote() throws Exception {
        LocatedDocument doc = parse("{\"k\": \"abc\"}");
        assertEquals("1:8", at(doc.locateInString(JsonPath.ROOT.key("k"), 0)));
        assertEquals("1:10", at(doc.locateInString(JsonPath.ROOT.key("k"), 2)));
    }

    @Test
    void locateInStringOnANonStringFallsBackToTheKey() throws Exception {
        LocatedDocument doc = parse("{\"k\": 12}");
        assertEquals("1:2", at(doc.locateInString(JsonPath.ROOT.key("k"), 1)));
    }

    @Test
    void numbersKeepTheirType() throws Exception {
        LocatedDocument doc = parse("{\"i\": 1, \"l\": 12345678901, \"b\": 123456789012345678901234, \"d\": 1.5, \"t\": true,"
                + " \"n\": null}");
        assertTrue(doc.root().get("i").isInt());
        assertTrue(doc.root().get("l").isLong());
        assertTrue(doc.root().get("b").isBigInteger());
        assertEquals("1.5", doc.root().get("d").asString());
        assertTrue(doc.root().get("t").asBoolean());
        assertTrue(doc.root().get("n").isNull());
    }
}
