package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks and renders template strings in the two phases of a run.
 *
 * <ul>
 *   <li>{@link #check} finds every static error for a given config field, without rendering.</li>
 *   <li>{@link #renderNow} renders at template time, or defers the whole string, unchanged, when it
 *       uses build-time values ({@code {{ .Field }}} or {@code build}).</li>
 *   <li>{@link #render} renders at run time, with build-time values in the context.</li>
 * </ul>
 *
 * Strings without "{{" are returned as they are, without parsing.
 */
public final class Interpolator {

    private static final Comparator<TemplateError> BY_OFFSET = Comparator.comparingInt(TemplateError::offset);

    private Interpolator() {
    }

    /** Every syntax and static error in {@code text} for the field described by {@code ctx}, by offset. */
    public static List<TemplateError> check(String text, InterpolationContext ctx) {
        if (text.indexOf("{{") < 0) {
            return List.of();
        }
        TemplateParser.Result parsed = TemplateParser.parse(text);
        List<TemplateError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(Checker.check(Template.fromSegments(text, parsed.segments()), ctx));
        errors.sort(BY_OFFSET);
        return List.copyOf(errors);
    }

    /** Every static error in an already parsed template, by offset. */
    public static List<TemplateError> check(Template template, InterpolationContext ctx) {
        List<TemplateError> errors = new ArrayList<>(Checker.check(template, ctx));
        errors.sort(BY_OFFSET);
        return List.copyOf(errors);
    }

    /** Renders at template time, or defers the original string if it needs build-time values. */
    public static Rendered renderNow(String text, InterpolationContext ctx) throws TemplateException {
        if (text.indexOf("{{") < 0) {
            return Rendered.value(text);
        }
        return renderNow(checked(text, ctx), ctx, false);
    }

    /** As {@link #renderNow(String, InterpolationContext)}, for a template parsed once and reused. */
    public static Rendered renderNow(Template template, InterpolationContext ctx) throws TemplateException {
        return renderNow(template, ctx, true);
    }

    /** Renders everything, build-time values included; a missing value is an error naming it. */
    public static String render(String text, InterpolationContext ctx) throws TemplateException {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        return evaluate(checked(text, ctx), ctx);
    }

    /** As {@link #render(String, InterpolationContext)}, for a template parsed once and reused. */
    public static String render(Template template, InterpolationContext ctx) throws TemplateException {
        if (template.isLiteral()) {
            return Evaluator.render(template, ctx); // nothing to check or fail
        }
        throwIfAny(Checker.check(template, ctx));
        return evaluate(template, ctx);
    }

    private static Rendered renderNow(Template template, InterpolationContext ctx, boolean needsCheck)
            throws TemplateException {
        if (needsCheck) {
            throwIfAny(Checker.check(template, ctx));
        }
        if (template.usesBuildTimeValues()) {
            return Rendered.deferred(template.source());
        }
        return Rendered.value(evaluate(template, ctx));
    }

    /** Parses and checks in one pass, so syntax and static errors are reported together. */
    private static Template checked(String text, InterpolationContext ctx) throws TemplateException {
        TemplateParser.Result parsed = TemplateParser.parse(text);
        Template template = Template.fromSegments(text, parsed.segments());
        List<TemplateError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(Checker.check(template, ctx));
        throwIfAny(errors);
        return template;
    }

    private static void throwIfAny(List<TemplateError> errors) throws TemplateException {
        if (!errors.isEmpty()) {
            List<TemplateError> sorted = new ArrayList<>(errors);
            sorted.sort(BY_OFFSET);
            throw new TemplateException(sorted);
        }
    }

    private static String evaluate(Template template, InterpolationContext ctx) throws TemplateException {
        try {
            return Evaluator.render(template, ctx);
        } catch (RenderFailure failure) {
            throw new TemplateException(failure.error());
        }
    }
}
