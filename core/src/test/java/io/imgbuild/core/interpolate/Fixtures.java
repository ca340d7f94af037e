package io.imgbuild.core.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A fixed context and shorthands shared by the interpolation tests. */
final class Fixtures {

    /** 2021-03-04 was a Thursday; the nanoseconds exercise fractional-second layouts. */
    static final Instant INIT_TIME = Instant.parse("2021-03-04T05:06:07.123456789Z");

    static final InterpolationContext CTX = InterpolationContext.builder()
            .declaredVariables(Map.of("name", "Hello-World", "region", "eu-west-1", "csv", "a,b,c"))
            .env(Map.of("HOME", "/home/me"))
            .initTime(INIT_TIME)
            .workingDir(Path.of("/work/dir"))
            .templateDir(Path.of("/templates/web"))
            .buildName("qemu-1")
            .buildType("qemu")
            .build();

    private Fixtures() {
    }

    static String render(String text) throws TemplateException {
        return Interpolator.render(text, CTX);
    }

    static String render(String text, InterpolationContext ctx) throws TemplateException {
        return Interpolator.render(text, ctx);
    }

    /** Renders expecting failure and returns the errors. */
    static List<TemplateError> renderErrors(String text, InterpolationContext ctx) {
        return assertThrows(TemplateException.class, () -> Interpolator.render(text, ctx)).errors();
    }

    static List<TemplateError> renderErrors(String text) {
        return renderErrors(text, CTX);
    }

    /** The single error {@code text} has when rendered with {@code ctx}. */
    static TemplateError onlyError(String text, InterpolationContext ctx) {
        List<TemplateError> errors = renderErrors(text, ctx);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    static TemplateError onlyError(String text) {
        return onlyError(text, CTX);
    }

    /** Asserts an error's position and that its message contains {@code fragment}. */
    static void assertError(TemplateError e, int offset, int length, String fragment) {
        assertEquals(offset, e.offset(), () -> "offset of " + e);
        assertEquals(length, e.length(), () -> "length of " + e);
        assertTrue(e.message().contains(fragment), () -> "message \"" + e.message() + "\" lacks \"" + fragment + "\"");
    }
}
