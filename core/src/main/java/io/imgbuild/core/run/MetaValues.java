package io.imgbuild.core.run;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.interpolate.Interpolator;
import io.imgbuild.core.interpolate.TemplateException;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;

/** A provisioner's pause_before, timeout and max_retries: interpolated, then parsed with located errors. */
final class MetaValues {

    private final ConfigOrigin origin;
    private final InterpolationContext ctx;
    private final Problems problems;

    MetaValues(ConfigOrigin origin, InterpolationContext ctx, Problems problems) {
        this.origin = origin;
        this.ctx = ctx;
        this.problems = problems;
    }

    Duration duration(String key, String raw) {
        String text = render(key, raw);
        if (text == null || text.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            Duration d = GoDuration.parse(text);
            if (d.isNegative()) {
                problems.add(origin.error(JsonPath.ROOT.key(key), false, key + " cannot be negative", null));
                return Duration.ZERO;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(origin.error(JsonPath.ROOT.key(key), false, e.getMessage(), null));
            return Duration.ZERO;
        }
    }

    int count(String key, String raw) {
        String text = render(key, raw);
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(origin.error(JsonPath.ROOT.key(key), false, "\"" + text + "\" is not a count", "use a whole number"
                    + " such as 3"));
            return 0;
        }
    }

    private String render(String key, String raw) {
        if (raw == null || raw.indexOf("{{") < 0) {
            return raw;
        }
        try {
            return Interpolator.render(raw, ctx);
        } catch (TemplateException e) {
            e.errors().forEach(err -> problems.add(origin.errorInString(JsonPath.ROOT.key(key), err.offset(), err.message(),
                    err.hint())));
            return null;
        }
    }
}
