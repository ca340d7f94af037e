package io.imgbuild.core.interpolate;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed template string, immutable and reusable: parse once, check and render many times
 * through {@link Interpolator}.
 */
public final class Template {

    private final String source;
    private final List<Segment> segments;
    private final boolean literal;
    private final Set<String> fieldNames;
    private final Set<String> userVariables;
    private final boolean usesBuildFunction;

    private Template(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
        this.literal = segments.stream().noneMatch(s -> s instanceof Segment.Action);
        Set<String> fields = new LinkedHashSet<>();
        Set<String> variables = new LinkedHashSet<>();
        boolean build = false;
        for (Segment s : segments) {
            if (!(s instanceof Segment.Action action)) {
                continue;
            }
            for (Expr e : Exprs.flatten(action.expr())) {
                if (e instanceof Expr.FieldRef f) {
                    fields.add(f.name());
                } else if (e instanceof Expr.Call c && c.name().equals(Functions.BUILD)) {
                    build = true;
                } else if (e instanceof Expr.Call c && c.name().equals(Functions.USER) && c.args().size() == 1) {
                    String name = ContextFunctions.literalString(c.args().get(0));
                    if (name != null) {
                        variables.add(name);
                    }
                }
            }
        }
        this.fieldNames = Collections.unmodifiableSet(fields);
        this.userVariables = Collections.unmodifiableSet(variables);
        this.usesBuildFunction = build;
    }

    /** Parses a template string; reports every syntax error found, not just the first. */
    public static Template parse(String text) throws TemplateException {
        if (text.indexOf("{{") < 0) {
            return new Template(text, text.isEmpty() ? List.of() : List.of(new Segment.Text(text)));
        }
        TemplateParser.Result result = TemplateParser.parse(text);
        if (!result.errors().isEmpty()) {
            throw new TemplateException(result.errors());
        }
        return new Template(text, result.segments());
    }

    /** Builds a template from segments that parsed, even if others did not (for checking). */
    static Template fromSegments(String text, List<Segment> segments) {
        return new Template(text, segments);
    }

    /** The string this template was parsed from, unchanged. */
    public String source() {
        return source;
    }

    /** True when there is nothing to evaluate: no actions, only text (and maybe comments). */
    public boolean isLiteral() {
        return literal;
    }

    /** Build-time dot-field names used, e.g. {@code HTTPIP} for {@code {{ .HTTPIP }}}, each once. */
    public Set<String> fieldNames() {
        return fieldNames;
    }

    /**
     * Names of user variables read with a written-out name, e.g. {@code a} for {@code {{ user `a` }}},
     * each once, in a stable order. Names computed at render time ({@code user (lower "A")}) are not listed.
     */
    public Set<String> userVariables() {
        return userVariables;
    }

    /** Whether the string needs build-time values (dot-fields or {@code build}), so must be deferred. */
    public boolean usesBuildTimeValues() {
        return usesBuildFunction || !fieldNames.isEmpty();
    }

    List<Segment> segments() {
        return segments;
    }

    @Override
    public String toString() {
        return "Template[" + source + "]";
    }
}
