package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.CTX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A parsed Template: what it knows about itself, and reuse across renders and contexts. */
class TemplateTest {

    @Test
    void keepsItsSource() throws TemplateException {
        String text = "a {{- user `name` -}} b";
        assertSame(text, Template.parse(text).source());
    }

    @Test
    void literalTemplatesRenderToTheSourceItself() throws TemplateException {
        String text = "just text";
        Template t = Template.parse(text);
        assertTrue(t.isLiteral());
        assertFalse(t.usesBuildTimeValues());
        assertSame(text, Interpolator.render(t, CTX));
    }

    @Test
    void templatesWithActionsAreNotLiteral() throws TemplateException {
        assertFalse(Template.parse("{{ `x` }}").isLiteral());
    }

    @Test
    void oneParseServesManyContexts() throws TemplateException {
        Template t = Template.parse("{{ user `name` }}-{{ timestamp }}");
        assertEquals("Hello-World-1614834367", Interpolator.render(t, CTX));
        InterpolationContext other = CTX.withDeclaredVariables(Map.of("name", "other"))
                .withInitTime(Instant.ofEpochSecond(42));
        assertEquals("other-42", Interpolator.render(t, other));
        assertEquals("Hello-World-1614834367", Interpolator.render(t, CTX));
    }

    @Test
    void reusedTemplateIsStillCheckedAgainstEachContext() throws TemplateException {
        Template t = Template.parse("{{ build_name }}");
        assertEquals("qemu-1", Interpolator.render(t, CTX));
        assertEquals(1, Interpolator.check(t, CTX.withBuildName(null)).size());
    }

    @Test
    void reportsTheFieldsItUses() throws TemplateException {
        Template t = Template.parse("{{ .Vars }} {{ .Path | lower }} {{ .Vars }}");
        assertEquals(Set.of("Vars", "Path"), t.fieldNames());
        assertTrue(t.usesBuildTimeValues());
    }

    @Test
    void buildFunctionCountsAsBuildTimeEvenWhenNested() throws TemplateException {
        Template t = Template.parse("{{ lower (build `ID`) }}");
        assertTrue(t.usesBuildTimeValues());
        assertEquals(Set.of(), t.fieldNames());
    }

    @Test
    void reportsTheUserVariablesItNamesEachOnce() throws TemplateException {
        Template t = Template.parse("{{ user `b` }}{{ lower (user \"a\") }}{{ user `b` | upper }}{{ user (lower `C`) }}");
        assertEquals(java.util.List.of("b", "a"), java.util.List.copyOf(t.userVariables()));
    }
}
