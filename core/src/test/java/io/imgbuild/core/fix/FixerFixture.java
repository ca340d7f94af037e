package io.imgbuild.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.util.Json;
import tools.jackson.databind.node.ObjectNode;

/** Before/after helpers: JSON text compared exactly, so key order counts. */
final class FixerFixture {

    private FixerFixture() {
    }

    static ObjectNode json(String text) {
        return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    /** Applies {@code fixer} to {@code before} and checks the result and whether it reported a change. */
    static void assertFix(Fixer fixer, String before, String after) {
        ObjectNode t = json(before);
        boolean changed = fixer.apply(t);
        assertEquals(json(after).toString(), t.toString());
        assertEquals(!json(before).equals(json(after)), changed, "reported change");
    }
}
