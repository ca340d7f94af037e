package io.imgbuild.core.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterpolationContextTest {

    @Test
    void defaultsAreTheStrictestSetting() {
        InterpolationContext ctx = InterpolationContext.builder().build();
        assertEquals(Map.of(), ctx.declaredVariables());
        assertFalse(ctx.envAllowed());
        assertNull(ctx.buildName());
        assertNull(ctx.buildType());
        assertNull(ctx.templateDir());
        assertTrue(ctx.workingDir().isAbsolute());
        assertEquals(Set.of(), ctx.allowedFields());
        assertFalse(ctx.allowBuildFunction());
        assertEquals(Map.of(), ctx.fieldValues());
        assertEquals(Map.of(), ctx.buildData());
    }

    @Test
    void withMethodsCopyAndLeaveTheOriginalAlone() {
        InterpolationContext base = InterpolationContext.builder().buildName("a").build();
        InterpolationContext changed = base.withBuildName("b").withAllowBuildFunction(true)
                .withAllowedFields(Set.of("Vars")).withInitTime(Instant.EPOCH);
        assertNotSame(base, changed);
        assertEquals("a", base.buildName());
        assertFalse(base.allowBuildFunction());
        assertEquals("b", changed.buildName());
        assertTrue(changed.allowBuildFunction());
        assertEquals(Set.of("Vars"), changed.allowedFields());
        assertEquals(Instant.EPOCH, changed.initTime());
    }

    @Test
    void mapsAreCopiedSoLaterChangesDoNotLeakIn() {
        Map<String, String> vars = new HashMap<>(Map.of("a", "1"));
        InterpolationContext ctx = InterpolationContext.builder().declaredVariables(vars).build();
        vars.put("b", "2");
        assertEquals(Map.of("a", "1"), ctx.declaredVariables());
        assertThrows(UnsupportedOperationException.class, () -> ctx.declaredVariables().put("c", "3"));
    }

    @Test
    void directoriesAreStoredAbsolute() {
        InterpolationContext ctx = InterpolationContext.builder().templateDir(Path.of("tpl")).build();
        assertTrue(ctx.templateDir().isAbsolute());
        assertTrue(ctx.templateDir().endsWith("tpl"));
    }

    @Test
    void toStringLeavesValuesOutBecauseTheyMayBeSecret() {
        InterpolationContext ctx = InterpolationContext.builder()
                .declaredVariables(Map.of("password", "hunter2")).buildData(Map.of("Password", "s3cret")).build();
        String shown = ctx.toString();
        assertTrue(shown.contains("password"), shown);
        assertFalse(shown.contains("hunter2") || shown.contains("s3cret"), shown);
    }
}
