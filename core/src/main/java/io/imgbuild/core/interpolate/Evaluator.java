package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;

/** Renders a checked template. Throws {@link RenderFailure} for problems only run time can see. */
final class Evaluator {

    private final InterpolationContext ctx;

    private Evaluator(InterpolationContext ctx) {
        this.ctx = ctx;
    }

    static String render(Template template, InterpolationContext ctx) {
        List<Segment> segments = template.segments();
        if (segments.size() == 1 && segments.get(0) instanceof Segment.Text text) {
            return text.text();
        }
        Evaluator evaluator = new Evaluator(ctx);
        StringBuilder out = new StringBuilder(template.source().length() + 16);
        for (Segment s : segments) {
            if (s instanceof Segment.Text text) {
                out.append(text.text());
            } else {
                out.append(evaluator.eval(((Segment.Action) s).expr()));
            }
        }
        return out.toString();
    }

    private Object eval(Expr e) {
        if (e instanceof Expr.Literal lit) {
            return lit.value();
        }
        if (e instanceof Expr.FieldRef field) {
            String value = ctx.fieldValues().get(field.name());
            if (value == null) {
                throw new RenderFailure(field.offset(), field.length(),
                        "{{ ." + field.name() + " }} has no value at this point",
                        "this value is supplied only while the build runs");
            }
            return value;
        }
        Expr.Call call = (Expr.Call) e;
        Builtin fn = Functions.lookup(call.name());
        List<Object> args = new ArrayList<>(call.args().size());
        for (int i = 0; i < call.args().size(); i++) {
            Expr arg = call.args().get(i);
            args.add(coerce(eval(arg), fn.params().get(i), fn, i, arg));
        }
        return fn.body().apply(call, args, ctx);
    }

    /** Values of dot-fields are strings; where a number is wanted, they must read as one. */
    private static Object coerce(Object value, ValueType expected, Builtin fn, int index, Expr arg) {
        if (expected == ValueType.NUMBER && value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException ex) {
                throw new RenderFailure(arg.offset(), arg.length(), "argument " + (index + 1) + " of " + fn.name()
                        + " must be a whole number, got \"" + s + "\"", "usage: " + fn.usage());
            }
        }
        if (expected == ValueType.STRING && !(value instanceof String)) {
            return String.valueOf(value); // unreachable after checking; kept total for safety
        }
        return value;
    }
}
