package io.imgbuild.core.template;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.interpolate.Interpolator;
import io.imgbuild.core.interpolate.TemplateError;
import io.imgbuild.core.interpolate.TemplateException;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.DidYouMean;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.problem.Severity;
import io.imgbuild.core.secret.Secrets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Gives every declared variable its value: the last {@code -var} / {@code -var-file} input in
 * command-line order, else its default. Defaults may use {@code env} and other variables (resolved
 * first; a cycle is an error). A required variable without a value is an error; an input for an
 * undeclared variable is a warning (a typo, or a var file shared by several templates).
 */
public final class VariableResolver {

    private final Template template;
    private final InterpolationContext base;
    private final Problems problems;
    private final ConfigOrigin origin;
    private final Map<String, VariableDecl> decls = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> visiting = new HashSet<>();

    private VariableResolver(Template template, InterpolationContext base, Problems problems) {
        this.template = template;
        this.base = base;
        this.problems = problems;
        this.origin = new ConfigOrigin(JsonPath.ROOT, template.document());
        template.variables().forEach(d -> decls.put(d.name(), d));
    }

    /**
     * @param base the run's interpolation context (env, times, directories); no build yet
     * @return name to value for every declared variable (failed ones map to "")
     */
    public static Map<String, String> resolve(Template template, List<VariableInput> inputs, InterpolationContext base,
                                              Secrets secrets, Problems problems) {
        VariableResolver r = new VariableResolver(template, base, problems);
        r.applyInputs(inputs);
        for (VariableDecl d : template.variables()) {
            r.resolve(d.name());
        }
        for (String s : template.sensitiveVariables()) {
            secrets.add(r.values.get(s));
        }
        return Map.copyOf(r.values);
    }

    private void applyInputs(List<VariableInput> inputs) {
        for (VariableInput in : inputs) {
            if (!decls.containsKey(in.name())) {
                problems.add(new Problem(Severity.WARNING, null, in.location(), in.origin() + " sets variable \""
                        + in.name() + "\", which the template does not declare" + DidYouMean.suffix(in.name(),
                        decls.keySet()), "it has no effect; declare it in \"variables\" or remove it"));
                continue;
            }
            values.put(in.name(), in.value()); // later inputs overwrite earlier ones
        }
    }

    private String resolve(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        VariableDecl d = decls.get(name);
        if (!visiting.add(name)) {
            problems.add(origin.error(d.path(), true, "variable \"" + name + "\" refers to itself through other variables",
                    "break the cycle: give one of them a plain default"));
            values.put(name, "");
            return "";
        }
        String value = d.required() ? required(d) : fromDefault(d);
        visiting.remove(name);
        values.put(name, value);
        return value;
    }

    private String required(VariableDecl d) {
        problems.add(origin.error(d.path(), true, "required variable \"" + d.name() + "\" is not set",
                "pass -var '" + d.name() + "=VALUE' or put it in a -var-file"));
        return "";
    }

    private String fromDefault(VariableDecl d) {
        JsonNode def = d.defaultValue();
        String text = def.asString();
        if (text.indexOf("{{") < 0) {
            return text;
        }
        io.imgbuild.core.interpolate.Template t;
        try {
            t = io.imgbuild.core.interpolate.Template.parse(text);
        } catch (TemplateException e) {
            report(d, e.errors());
            return "";
        }
        for (String ref : t.userVariables()) {
            if (decls.containsKey(ref)) {
                resolve(ref);
            }
        }
        Map<String, String> known = new LinkedHashMap<>();
        decls.keySet().forEach(k -> known.put(k, values.getOrDefault(k, "")));
        InterpolationContext ctx = base.withEnvAllowed(true).withDeclaredVariables(known);
        List<TemplateError> errors = Interpolator.check(t, ctx);
        if (!errors.isEmpty()) {
            report(d, errors);
            return "";
        }
        try {
            return Interpolator.render(t, ctx);
        } catch (TemplateException e) {
            report(d, e.errors());
            return "";
        }
    }

    private void report(VariableDecl d, List<TemplateError> errors) {
        for (TemplateError e : errors) {
            problems.add(origin.errorInString(d.path(), e.offset(), e.message(), e.hint()));
        }
    }
}
