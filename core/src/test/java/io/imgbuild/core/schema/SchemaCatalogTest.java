package io.imgbuild.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** x-include merging and sub-schema navigation, with the test-only widget schema. */
class SchemaCatalogTest {

    private static final String WIDGET = SchemaCatalog.ROOT + "builder/widget.schema.json";

    @Test
    void includedFragmentsAreMerged() {
        ObjectNode s = SchemaCatalog.instance().expanded(WIDGET);
        assertFalse(s.has("x-include"));
        assertTrue(s.get("properties").has("ssh_username"));
        assertTrue(s.get("properties").has("ssh_timeout"));
        List<String> required = new ArrayList<>();
        s.get("required").forEach(n -> required.add(n.asString()));
        assertEquals(List.of("source", "ssh_username"), required);
    }

    @Test
    void thePluginsOwnPropertyBeatsTheFragments() {
        ObjectNode s = SchemaCatalog.instance().expanded(WIDGET);
        assertEquals(2222, s.get("properties").get("ssh_port").get("default").asInt());
    }

    @Test
    void expandedReturnsAFreshCopy() {
        SchemaCatalog.instance().expanded(WIDGET).remove("properties");
        assertTrue(SchemaCatalog.instance().expanded(WIDGET).has("properties"));
    }

    @Test
    void compiledOncePerResource() {
        assertSame(SchemaCatalog.instance().get(WIDGET), SchemaCatalog.instance().get(WIDGET));
    }

    @Test
    void aMissingResourceSaysWhich() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaCatalog.instance().get(SchemaCatalog.ROOT + "builder/nope.schema.json"));
        assertTrue(e.getMessage().contains("builder/nope.schema.json"));
        assertFalse(SchemaCatalog.instance().exists(SchemaCatalog.ROOT + "builder/nope.schema.json"));
        assertTrue(SchemaCatalog.instance().exists(WIDGET));
    }

    @Test
    void subSchemaNavigation() {
        ConfigSchema s = SchemaCatalog.instance().get(WIDGET);
        assertEquals("string", s.at(JsonPath.ROOT.key("boot_command").index(3)).get("type").asString());
        assertEquals("qcow2", s.at(JsonPath.ROOT.key("disk").key("format")).get("default").asString());
        assertNull(s.at(JsonPath.ROOT.key("nope")));
        assertNull(s.at(JsonPath.ROOT.key("disk").key("nope")));
        assertEquals(List.of("string", "integer"), List.copyOf(ConfigSchema.types(s.at(JsonPath.ROOT.key("disk_size")))));
    }

    @Test
    void navigationFollowsLocalRefs() {
        ConfigSchema t = SchemaCatalog.instance().get(SchemaCatalog.TEMPLATE_SCHEMA);
        assertEquals("object", t.at(JsonPath.fromPointer("/builders/0")).get("type").asString());
        assertTrue(t.at(JsonPath.fromPointer("/provisioners/0/pause_before")).has("x-type"));
    }
}
