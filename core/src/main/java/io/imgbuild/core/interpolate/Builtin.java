package io.imgbuild.core.interpolate;

import java.util.List;

/**
 * A built-in template function.
 *
 * @param params       parameter types in order; the piped value, if any, is the last argument
 * @param requiredArgs how many leading parameters must be given (the rest are optional)
 * @param usage        an example call, shown in hints
 * @param rule         checks that need the context but not run-time values
 * @param body         computes the result; arguments are already of the declared types
 */
record Builtin(String name, List<ValueType> params, int requiredArgs, String usage, StaticRule rule, Body body) {

    Builtin {
        params = List.copyOf(params);
    }

    /** A function with only required parameters and no static rule. */
    static Builtin of(String name, List<ValueType> params, String usage, Body body) {
        return new Builtin(name, params, params.size(), usage, StaticRule.NONE, body);
    }

    Builtin withRule(StaticRule newRule) {
        return new Builtin(name, params, requiredArgs, usage, newRule, body);
    }

    /** A context-dependent restriction, checked before rendering. */
    @FunctionalInterface
    interface StaticRule {
        StaticRule NONE = (call, ctx, out) -> { };

        void check(Expr.Call call, InterpolationContext ctx, List<TemplateError> out);
    }

    /** The function itself; throws {@link RenderFailure} for bad run-time input. */
    @FunctionalInterface
    interface Body {
        Object apply(Expr.Call call, List<Object> args, InterpolationContext ctx);
    }
}
