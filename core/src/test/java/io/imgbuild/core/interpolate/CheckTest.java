package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.CTX;
import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Static checking for a config field: every error at once, with positions, nothing rendered. */
class CheckTest {

    private static final InterpolationContext BOOT_COMMAND = CTX.withAllowedFields(Set.of("HTTPIP", "HTTPPort", "Name"));

    @Test
    void validStringHasNoErrors() {
        assertEquals(List.of(), Interpolator.check("http://{{ .HTTPIP }}:{{ .HTTPPort }}/{{ user `name` }}", BOOT_COMMAND));
        assertEquals(List.of(), Interpolator.check("no actions at all", CTX));
    }

    @Test
    void dotFieldOutsideTheAllowedSetIsAnError() {
        List<TemplateError> errors = Interpolator.check("{{ .Vars }}", BOOT_COMMAND);
        assertEquals(1, errors.size());
        TemplateError e = errors.get(0);
        assertError(e, 3, 5, "{{ .Vars }} is not available in this field");
        assertEquals("available here: .HTTPIP, .HTTPPort, .Name", e.hint());
    }

    @Test
    void misspeltDotFieldGetsADidYouMean() {
        TemplateError e = Interpolator.check("{{ .HTTPPrt }}", BOOT_COMMAND).get(0);
        assertEquals("{{ .HTTPPrt }} is not available in this field (did you mean {{ .HTTPPort }}?)", e.message());
    }

    @Test
    void fieldThatTakesNoDotValuesSaysSo() {
        TemplateError e = Interpolator.check("ami-{{ .HTTPIP }}", CTX).get(0);
        assertError(e, 7, 7, "{{ .HTTPIP }} is not available in this field: this field takes no {{ .Field }} values");
    }

    @Test
    void buildFunctionOnlyWhereTheFieldAllowsIt() {
        assertError(Interpolator.check("{{ build `Host` }}", CTX).get(0), 3, 5, "build is not available in this field");
        assertEquals(List.of(), Interpolator.check("{{ build `Host` }}", CTX.withAllowBuildFunction(true)));
    }

    @Test
    void buildTakesOneString() {
        InterpolationContext provisioner = CTX.withAllowBuildFunction(true);
        assertError(Interpolator.check("{{ build }}", provisioner).get(0), 3, 5, "build takes 1 argument, got 0");
        assertError(Interpolator.check("{{ build 1 }}", provisioner).get(0), 9, 1, "must be a string");
    }

    @Test
    void returnsEveryErrorOrderedByOffset() {
        String text = "{{ .Nope }} {{ user `missing` }} {{ env `X` }} {{ frob }} {{ lower }} {{ if }} {{ build `ID` }}";
        List<TemplateError> errors = Interpolator.check(text, BOOT_COMMAND);
        assertEquals(List.of(3, 20, 36, 50, 61, 73, 82), errors.stream().map(TemplateError::offset).toList(),
                errors::toString);
        for (TemplateError e : errors) {
            assertTrue(e.offset() + e.length() <= text.length(), e::toString);
        }
    }

    @Test
    void checkDoesNotEvaluateSoRunTimeOnlyProblemsAreNotReported() {
        // The index is out of range, but only rendering can know that.
        assertEquals(List.of(), Interpolator.check("{{ split `a` `,` 5 }}", CTX));
    }

    @Test
    void checkOfAParsedTemplateMatchesCheckOfTheString() throws TemplateException {
        String text = "{{ user `nope` }} {{ .HTTPIP }}";
        assertEquals(Interpolator.check(text, CTX), Interpolator.check(Template.parse(text), CTX));
    }

    @Test
    void errorsCarryAnOffsetAndLengthInsideTheString() {
        String text = "prefix {{ upper (user `region`) | replace_all `-` 3 }}";
        TemplateError e = Interpolator.check(text, CTX).get(0);
        assertEquals("3", text.substring(e.offset(), e.offset() + e.length()));
    }

    @Test
    void envIsFineInVariableDefaults() {
        InterpolationContext defaults = InterpolationContext.builder().envAllowed(true)
                .declaredVariables(Map.of("a", "1")).build();
        assertEquals(List.of(), Interpolator.check("{{ env `HOME` }}-{{ user `a` }}", defaults));
    }
}
