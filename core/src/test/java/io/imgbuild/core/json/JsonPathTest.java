package io.imgbuild.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    @Test
    void printsTheWayUsersReadIt() {
        assertEquals("builders[1].ssh_timeout", JsonPath.ROOT.key("builders").index(1).key("ssh_timeout").toString());
        assertEquals("[0]", JsonPath.ROOT.index(0).toString());
        assertEquals("", JsonPath.ROOT.toString());
        assertEquals("variables.my-var", JsonPath.ROOT.key("variables").key("my-var").toString());
    }

    @Test
    void keysThatAreNotIdentifiersAreQuoted() {
        // Hyphens are common in template keys and read fine unquoted.
        assertEquals("post-processors[0]", JsonPath.ROOT.key("post-processors").index(0).toString());
        assertEquals("override[\"my build\"].inline", JsonPath.ROOT.key("override").key("my build").key("inline").toString());
        assertEquals("a[\"say \\\"hi\\\"\"]", JsonPath.ROOT.key("a").key("say \"hi\"").toString());
        assertEquals("a[\"back\\\\slash\"]", JsonPath.ROOT.key("a").key("back\\slash").toString());
        assertEquals("[\"1x\"]", JsonPath.ROOT.key("1x").toString());
        assertEquals("[\"\"]", JsonPath.ROOT.key("").toString());
    }

    @Test
    void fromPointer() {
        assertEquals(JsonPath.ROOT.key("builders").index(0).key("type"), JsonPath.fromPointer("/builders/0/type"));
        assertEquals(JsonPath.ROOT.key("a/b").key("c~d"), JsonPath.fromPointer("/a~1b/c~0d"));
        assertEquals(JsonPath.ROOT, JsonPath.fromPointer(""));
        assertEquals(JsonPath.ROOT, JsonPath.fromPointer(null));
        // A key that is only digits but too long for an index stays a key.
        assertEquals(List.of("1234567890"), JsonPath.fromPointer("/1234567890").segments());
        assertEquals(JsonPath.ROOT.key("a").key(""), JsonPath.fromPointer("/a/"));
    }

    @Test
    void parentResolveAndLastKey() {
        JsonPath p = JsonPath.ROOT.key("builders").index(2);
        assertEquals(JsonPath.ROOT.key("builders"), p.parent());
        assertEquals(JsonPath.ROOT, JsonPath.ROOT.parent());
        assertNull(p.lastKey());
        assertEquals("builders", p.parent().lastKey());
        assertNull(JsonPath.ROOT.lastKey());
        assertEquals("builders[2].ssh_port", p.resolve(JsonPath.ROOT.key("ssh_port")).toString());
        assertTrue(JsonPath.ROOT.isRoot());
    }

    @Test
    void equalityIsBySegments() {
        assertEquals(JsonPath.ROOT.key("a").index(1), JsonPath.fromPointer("/a/1"));
        assertEquals(JsonPath.ROOT.key("a").index(1).hashCode(), JsonPath.fromPointer("/a/1").hashCode());
        assertNotEquals(JsonPath.ROOT.key("a").key("1"), JsonPath.ROOT.key("a").index(1));
    }

    @Test
    void isImmutable() {
        JsonPath base = JsonPath.ROOT.key("a");
        base.key("b");
        assertEquals("a", base.toString());
    }
}
