package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Static checks of a parsed template against a context: function names, arity, argument types,
 * declared variables, and which template- and build-time values this field may use. Collects
 * every error instead of stopping at the first.
 */
final class Checker {

    private final InterpolationContext ctx;
    private final List<TemplateError> errors = new ArrayList<>();

    private Checker(InterpolationContext ctx) {
        this.ctx = ctx;
    }

    static List<TemplateError> check(Template template, InterpolationContext ctx) {
        Checker checker = new Checker(ctx);
        for (Segment s : template.segments()) {
            if (s instanceof Segment.Action action) {
                checker.typeOf(action.expr());
            }
        }
        return checker.errors;
    }

    /** Checks {@code e} and returns its static type; ANY after an error, to avoid follow-on noise. */
    private ValueType typeOf(Expr e) {
        if (e instanceof Expr.Literal lit) {
            return ValueType.of(lit.value());
        }
        if (e instanceof Expr.FieldRef field) {
            checkField(field);
            return ValueType.ANY;
        }
        return checkCall((Expr.Call) e);
    }

    private void checkField(Expr.FieldRef field) {
        Set<String> allowed = ctx.allowedFields();
        if (allowed.contains(field.name())) {
            return;
        }
        String shown = "{{ ." + field.name() + " }}";
        if (allowed.isEmpty()) {
            errors.add(new TemplateError(field.offset(), field.length(), shown + " is not available in this field:"
                    + " this field takes no {{ .Field }} values",
                    "build-time values such as {{ .HTTPIP }} work only in the settings that document them"));
            return;
        }
        List<String> shownAllowed = allowed.stream().sorted().map(n -> "." + n).toList();
        errors.add(new TemplateError(field.offset(), field.length(), shown + " is not available in this field"
                + Suggestions.closest(field.name(), allowed).map(n -> " (did you mean {{ ." + n + " }}?)").orElse(""),
                "available here: " + String.join(", ", shownAllowed)));
    }

    private ValueType checkCall(Expr.Call call) {
        List<ValueType> argTypes = new ArrayList<>(call.args().size());
        for (Expr arg : call.args()) {
            argTypes.add(typeOf(arg));
        }
        Builtin fn = Functions.lookup(call.name());
        if (fn == null) {
            reportUnknown(call);
            return ValueType.ANY;
        }
        if (!checkArity(call, fn)) {
            return ValueType.STRING;
        }
        boolean typesOk = true;
        for (int i = 0; i < argTypes.size(); i++) {
            ValueType expected = fn.params().get(i);
            ValueType actual = argTypes.get(i);
            if (actual != ValueType.ANY && actual != expected) {
                Expr arg = call.args().get(i);
                errors.add(new TemplateError(arg.offset(), arg.length(), "argument " + (i + 1) + " of " + fn.name()
                        + " must be " + expected.description() + ", not " + actual.description()
                        + (i == argTypes.size() - 1 && call.piped() ? " (the piped value is the last argument)" : ""),
                        typeHint(expected) + "usage: " + fn.usage()));
                typesOk = false;
            }
        }
        if (typesOk) {
            fn.rule().check(call, ctx, errors);
        }
        return ValueType.STRING;
    }

    private void reportUnknown(Expr.Call call) {
        UnsupportedFunctions.Reason reason = UnsupportedFunctions.lookup(call.name());
        if (reason != null) {
            errors.add(new TemplateError(call.nameOffset(), call.name().length(), reason.message(), reason.hint()));
            return;
        }
        errors.add(new TemplateError(call.nameOffset(), call.name().length(),
                "unknown function \"" + call.name() + "\"" + Suggestions.didYouMean(call.name(), Functions.names()),
                "available functions: " + String.join(", ", Functions.names())));
    }

    private boolean checkArity(Expr.Call call, Builtin fn) {
        int got = call.args().size();
        int max = fn.params().size();
        int min = fn.requiredArgs();
        if (got >= min && got <= max) {
            return true;
        }
        String expected;
        if (max == 0) {
            expected = "no arguments";
        } else if (min == max) {
            expected = max + (max == 1 ? " argument" : " arguments");
        } else if (min == 0) {
            expected = "at most " + max + (max == 1 ? " argument" : " arguments");
        } else {
            expected = min + " to " + max + " arguments";
        }
        String piped = call.piped() ? " (counting the piped value)" : "";
        errors.add(new TemplateError(call.nameOffset(), call.name().length(),
                fn.name() + " takes " + expected + ", got " + got + piped, "usage: " + fn.usage()));
        return false;
    }

    private static String typeHint(ValueType expected) {
        return switch (expected) {
            case NUMBER -> "write the number without quotes; ";
            case STRING -> "quote it; ";
            default -> "";
        };
    }
}
