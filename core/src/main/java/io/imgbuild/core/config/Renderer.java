package io.imgbuild.core.config;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.interpolate.Interpolator;
import io.imgbuild.core.interpolate.Template;
import io.imgbuild.core.interpolate.TemplateException;
import io.imgbuild.core.step.StepFailure;
import java.util.Map;

/**
 * Renders a config string at build time, once its {@code {{ .Field }}} values exist (the HTTP
 * server's address for a boot command, a script path for an execute_command). It keeps the template
 * context the string was checked with, so user variables and functions work as at load time.
 */
public final class Renderer {

    private final InterpolationContext context;

    Renderer(InterpolationContext context) {
        this.context = context;
    }

    public String render(String template, Map<String, String> fields) throws StepFailure {
        return render(template, fields, Map.of());
    }

    public String render(String template, Map<String, String> fields, Map<String, String> buildData) throws StepFailure {
        try {
            // The fields supplied now are the ones this string may use (defaults written in code, too).
            return Interpolator.render(template, context.withAllowedFields(fields.keySet()).withFieldValues(fields)
                    .withBuildData(buildData));
        } catch (TemplateException e) {
            throw new StepFailure("cannot render \"" + template + "\": " + e.getMessage());
        }
    }

    /**
     * Renders a string the config pipeline left for build time because it uses build-time values
     * ({@code {{ .HTTPIP }}}, {@code {{ build `X` }}}). Any other string was rendered when the template
     * was loaded and is returned unchanged: rendering it again would read a value's own "{{" as
     * template text.
     */
    public String renderDeferred(String text, Map<String, String> fields, Map<String, String> buildData)
            throws StepFailure {
        if (text == null || text.indexOf("{{") < 0) {
            return text;
        }
        try {
            if (!Template.parse(text).usesBuildTimeValues()) {
                return text;
            }
        } catch (TemplateException e) {
            return text; // a rendered value that merely contains "{{"
        }
        return render(text, fields, buildData);
    }
}
