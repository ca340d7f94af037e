package io.imgbuild.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Defaults from the schema (and its fragment), and Packer's weak decoding of strings. */
class ConfigPipelineDefaultsAndCoercionTest {

    @TempDir
    Path dir;

    private WidgetFixture run(String keys) {
        WidgetFixture f = WidgetFixture.run(dir, WidgetFixture.REQUIRED + (keys.isEmpty() ? "" : ", " + keys));
        return f;
    }

    @Test
    void defaultsAreFilledAndNotCountedAsSet() {
        WidgetFixture f = run("");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        ObjectNode n = f.config.node();
        assertEquals(1024, n.get("memory").asInt());
        assertFalse(n.get("headless").asBoolean());
        assertEquals("fast", n.get("mode").asString());
        assertFalse(f.config.isSet("memory"));
        assertFalse(f.config.isSet("mode"));
        assertTrue(f.config.isSet("source"));
        assertFalse(n.has("tags"), "no default, so not filled");
    }

    @Test
    void aDefaultIsRenderedLikeAUserValue() {
        assertEquals("output-w1", run("").config.node().get("output_directory").asString());
    }

    @Test
    void fragmentDefaultsAreFilledAndThePluginsOwnPropertyWins() {
        ObjectNode n = run("").config.node();
        assertEquals("5m", n.get("ssh_timeout").asString());
        assertEquals(2222, n.get("ssh_port").asInt());
    }

    @Test
    void nestedDefaultsAreFilledWhenTheObjectIsGiven() {
        ObjectNode n = run("\"disk\": {\"cache\": \"none\"}").config.node();
        assertEquals("{\"cache\":\"none\",\"format\":\"qcow2\"}", n.get("disk").toString());
    }

    @Test
    void aUserValueBeatsTheDefault() {
        WidgetFixture f = run("\"memory\": 4096");
        assertEquals(4096, f.config.node().get("memory").asInt());
        assertTrue(f.config.isSet("memory"));
    }

    @Test
    void numericStringsBecomeIntegers() {
        WidgetFixture f = run("\"memory\": \"2048\"");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        assertTrue(f.config.node().get("memory").isIntegralNumber());
        assertEquals(2048, f.config.node().get("memory").asInt());
    }

    @Test
    void interpolatedNumbersBecomeIntegers() {
        WidgetFixture f = run("\"memory\": \"{{user `mem`}}\"");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        assertEquals(2048, f.config.node().get("memory").asInt());
        assertTrue(f.config.node().get("memory").isIntegralNumber());
    }

    @Test
    void booleanStringsBecomeBooleans() {
        for (String s : List.of("true", "1", "T", "{{user `yes`}}")) {
            WidgetFixture f = run("\"headless\": \"" + s + "\"");
            assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
            assertTrue(f.config.node().get("headless").isBoolean(), s);
            assertTrue(f.config.node().get("headless").asBoolean(), s);
        }
        assertFalse(run("\"headless\": \"false\"").config.node().get("headless").asBoolean());
    }

    @Test
    void aNonBooleanStringIsATypeError() {
        assertEquals(List.of("builders[1].headless: expected true or false, got a string"), run("\"headless\": \"yes\"")
                .errors());
    }

    @Test
    void aSingleStringBecomesAOneItemArray() {
        WidgetFixture f = run("\"tags\": \"blue\"");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        assertEquals("[\"blue\"]", f.config.node().get("tags").toString());
    }

    @Test
    void numbersAndBooleansBecomeStringsWhereAStringIsExpected() {
        WidgetFixture f = WidgetFixture.run(dir, "\"source\": 12, \"ssh_username\": true");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        assertEquals("12", f.config.node().get("source").asString());
        assertEquals("true", f.config.node().get("ssh_username").asString());
    }

    @Test
    void aStringThatIsANumberStaysAStringWhereAStringIsAllowed() {
        WidgetFixture f = run("\"cpus\": \"4\"");
        assertTrue(f.config.node().get("cpus").isString());
    }

    @Test
    void decimalStringsBecomeNumbers() {
        WidgetFixture f = run("\"ratio\": \"1.25\"");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        assertEquals(1.25, f.config.node().get("ratio").asDouble());
    }

    @Test
    void bindMapsSnakeCaseToARecord() {
        record Widget(String source, int memory, boolean headless, String sshTimeout, java.time.Duration bootWait) {
        }
        Widget w = run("\"headless\": \"true\", \"boot_wait\": \"1m30s\"").config.bind(Widget.class);
        assertEquals(new Widget("s", 1024, true, "5m", java.time.Duration.ofSeconds(90)), w);
    }
}
