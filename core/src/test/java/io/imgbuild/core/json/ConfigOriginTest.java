package io.imgbuild.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Severity;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Problems found in a component's config are reported at their place in the template. */
class ConfigOriginTest {

    private static final String TEXT = """
            {"builders": [{"type": "qemu"}],
             "provisioners": [{"type": "shell",
               "inline": ["a"], "timeout": "5m",
               "override": {"qemu": {"inline": ["b"]}}}]}
            """;

    /** 1-based column of {@code needle} on line 3. */
    private static int column(String needle) {
        return TEXT.split("\n")[2].indexOf(needle) + 1;
    }

    @Test
    void pathsAreRelativeToTheComponent() throws Exception {
        LocatedDocument doc = LocatedJsonParser.parse("t.json", TEXT).document();
        ConfigOrigin origin = new ConfigOrigin(JsonPath.ROOT.key("provisioners").index(0), doc);
        Problem p = origin.error(JsonPath.ROOT.key("timeout"), false, "bad", "fix it");
        assertEquals("provisioners[0].timeout", p.path());
        assertEquals("t.json:3:" + column("\"5m\""), p.location().toString());
        assertEquals("t.json:3:" + column("\"timeout\""), origin.error(JsonPath.ROOT.key("timeout"), true, "bad", null)
                .location().toString());
    }

    @Test
    void overriddenKeysAreReportedInsideTheOverride() throws Exception {
        LocatedDocument doc = LocatedJsonParser.parse("t.json", TEXT).document();
        JsonPath base = JsonPath.ROOT.key("provisioners").index(0);
        ConfigOrigin origin = new ConfigOrigin(base, base.key("override").key("qemu"), Set.of("inline"), doc);
        Problem p = origin.problem(Severity.WARNING, JsonPath.ROOT.key("inline").index(0), false, "odd", null);
        assertEquals("provisioners[0].override.qemu.inline[0]", p.path());
        assertEquals(4, p.location().line());
        assertEquals("provisioners[0].timeout", origin.documentPath(JsonPath.ROOT.key("timeout")).toString());
    }

    @Test
    void anErrorInsideAString() throws Exception {
        LocatedDocument doc = LocatedJsonParser.parse("t.json", TEXT).document();
        ConfigOrigin origin = new ConfigOrigin(JsonPath.ROOT.key("provisioners").index(0), doc);
        Problem p = origin.errorInString(JsonPath.ROOT.key("timeout"), 1, "bad unit", null);
        assertEquals("t.json:3:" + (column("\"5m\"") + 2), p.location().toString(), "at the m of 5m");
    }

    @Test
    void withoutASourceThereIsNoLocation() {
        ConfigOrigin origin = new ConfigOrigin(JsonPath.ROOT.key("builders").index(0), SourceLocator.NONE);
        Problem p = origin.error(JsonPath.ROOT.key("x"), true, "m", null);
        assertEquals("builders[0].x: m", p.format());
    }
}
