package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.CTX;
import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Template time versus build time: deferring whole strings and rendering them later. */
class DeferralTest {

    private static final InterpolationContext BOOT_COMMAND = CTX.withAllowedFields(Set.of("HTTPIP", "HTTPPort"));
    private static final InterpolationContext PROVISIONER = CTX.withAllowBuildFunction(true);

    @Test
    void stringWithoutBuildTimeValuesRendersNow() throws TemplateException {
        Rendered r = Interpolator.renderNow("ami-{{ user `name` }}-{{ timestamp }}", BOOT_COMMAND);
        assertFalse(r.deferred());
        assertEquals("ami-Hello-World-1614834367", r.text());
    }

    @Test
    void dotFieldDefersTheWholeOriginalString() throws TemplateException {
        String text = "<esc> http://{{ .HTTPIP }}:{{ .HTTPPort }}/{{ user `name` }}.cfg";
        Rendered r = Interpolator.renderNow(text, BOOT_COMMAND);
        assertTrue(r.deferred());
        assertSame(text, r.text());
    }

    @Test
    void deferredStringRendersLaterWithTheValuesInOneGo() throws TemplateException {
        String text = "<esc> http://{{ .HTTPIP }}:{{ .HTTPPort }}/{{ user `name` }}.cfg";
        String deferred = Interpolator.renderNow(text, BOOT_COMMAND).text();
        InterpolationContext runTime = BOOT_COMMAND.withFieldValues(Map.of("HTTPIP", "10.0.2.2", "HTTPPort", "8123"));
        assertEquals("<esc> http://10.0.2.2:8123/Hello-World.cfg", Interpolator.render(deferred, runTime));
    }

    @Test
    void userValuesAreNeverReparsedAsTemplates() throws TemplateException {
        // If the string were rendered in two passes, "{{ .HTTPIP }}" inside the value would be expanded.
        InterpolationContext ctx = BOOT_COMMAND.withDeclaredVariables(Map.of("v", "{{ .HTTPIP }}"))
                .withFieldValues(Map.of("HTTPIP", "10.0.2.2"));
        String text = "{{ .HTTPIP }} {{ user `v` }}";
        assertTrue(Interpolator.renderNow(text, ctx).deferred());
        assertEquals("10.0.2.2 {{ .HTTPIP }}", Interpolator.render(text, ctx));
    }

    @Test
    void buildFunctionDefersToo() throws TemplateException {
        String text = "ssh {{ build `User` }}@{{ build `Host` }}";
        assertTrue(Interpolator.renderNow(text, PROVISIONER).deferred());
        InterpolationContext runTime = PROVISIONER.withBuildData(Map.of("User", "root", "Host", "10.0.0.5"));
        assertEquals("ssh root@10.0.0.5", Interpolator.render(text, runTime));
    }

    @Test
    void deferralStillChecksTheStringFirst() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Interpolator.renderNow("{{ .HTTPIP }} {{ user `nope` }}", BOOT_COMMAND));
        assertEquals(1, e.errors().size());
        assertError(e.errors().get(0), 22, 6, "undeclared variable \"nope\"");
    }

    @Test
    void disallowedFieldIsAnErrorNotADeferral() {
        TemplateException e = assertThrows(TemplateException.class, () -> Interpolator.renderNow("{{ .Vars }}", BOOT_COMMAND));
        assertError(e.errors().get(0), 3, 5, "{{ .Vars }} is not available in this field");
    }

    @Test
    void missingFieldValueAtRunTimeNamesTheField() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Interpolator.render("{{ .HTTPIP }}:{{ .HTTPPort }}", BOOT_COMMAND.withFieldValues(Map.of("HTTPIP", "x"))));
        assertError(e.errors().get(0), 17, 9, "{{ .HTTPPort }} has no value at this point");
    }

    @Test
    void missingBuildKeyAtRunTimeNamesTheKey() {
        InterpolationContext runTime = PROVISIONER.withBuildData(Map.of("Host", "h", "Port", "22"));
        TemplateException e = assertThrows(TemplateException.class, () -> Interpolator.render("{{ build `Hots` }}", runTime));
        TemplateError error = e.errors().get(0);
        assertError(error, 9, 6, "build data has no \"Hots\" (did you mean \"Host\"?)");
        assertEquals("available: Host, Port", error.hint());
    }

    @Test
    void builderSpecificBuildKeysAreAccepted() throws TemplateException {
        InterpolationContext runTime = PROVISIONER.withBuildData(Map.of("WinRMPassword", "s3cret"));
        assertEquals("s3cret", Interpolator.render("{{ build `WinRMPassword` }}", runTime));
    }

    @Test
    void literalStringIsNeverDeferred() throws TemplateException {
        String text = "plain";
        Rendered r = Interpolator.renderNow(text, BOOT_COMMAND);
        assertEquals(Rendered.value("plain"), r);
        assertSame(text, r.text());
    }

    @Test
    void parsedTemplateCanBeDeferredAndRenderedManyTimes() throws TemplateException {
        Template t = Template.parse("{{ .HTTPIP }}/{{ user `name` | lower }}");
        assertTrue(t.usesBuildTimeValues());
        assertEquals(Set.of("HTTPIP"), t.fieldNames());
        assertTrue(Interpolator.renderNow(t, BOOT_COMMAND).deferred());
        for (String ip : new String[] {"10.0.0.1", "10.0.0.2", "10.0.0.3"}) {
            assertEquals(ip + "/hello-world", Interpolator.render(t, BOOT_COMMAND.withFieldValues(Map.of("HTTPIP", ip))));
        }
    }
}
