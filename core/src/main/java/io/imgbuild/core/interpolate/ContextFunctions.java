package io.imgbuild.core.interpolate;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Functions that read the context: variables, environment, build, directories, time. */
final class ContextFunctions {

    private static final List<ValueType> NONE = List.of();
    private static final List<ValueType> ONE_STRING = List.of(ValueType.STRING);

    private ContextFunctions() {
    }

    /** Why a context value is missing, and what to do. */
    private record Unavailable(String message, String hint) {
    }

    private static final Unavailable TEMPLATE_DIR_MISSING = new Unavailable(
            "template_dir is not available here: the template was not read from a file",
            "use {{ pwd }} or an absolute path");
    private static final Unavailable BUILD_NAME_MISSING = new Unavailable(
            "build_name is not available here",
            "the build name is known only inside builders, provisioners and post-processors, not in variables");
    private static final Unavailable BUILD_TYPE_MISSING = new Unavailable(
            "build_type is not available here",
            "the build type is known only inside builders, provisioners and post-processors, not in variables");

    static List<Builtin> all() {
        return List.of(
                Builtin.of(Functions.USER, ONE_STRING, "{{ user `name` }}", ContextFunctions::user)
                        .withRule(ContextFunctions::checkUser),
                Builtin.of("env", ONE_STRING, "{{ env `HOME` }}",
                        (call, args, ctx) -> ctx.env().getOrDefault((String) args.get(0), ""))
                        .withRule(ContextFunctions::checkEnv),
                Builtin.of("timestamp", NONE, "{{ timestamp }}",
                        (call, args, ctx) -> Long.toString(ctx.initTime().getEpochSecond())),
                new Builtin("isotime", ONE_STRING, 0, "{{ isotime \"2006-01-02\" }}", Builtin.StaticRule.NONE,
                        ContextFunctions::isotime),
                Builtin.of("uuid", NONE, "{{ uuid }}", (call, args, ctx) -> TimeOrderedUuid.next().toString()),
                Builtin.of("pwd", NONE, "{{ pwd }}", (call, args, ctx) -> ctx.workingDir().toString()),
                Builtin.of("template_dir", NONE, "{{ template_dir }}",
                        (call, args, ctx) -> require(call, ctx.templateDir() == null ? null
                                : ctx.templateDir().toString(), TEMPLATE_DIR_MISSING))
                        .withRule((call, ctx, out) -> requireStatically(call, ctx.templateDir(), out,
                                TEMPLATE_DIR_MISSING)),
                Builtin.of("build_name", NONE, "{{ build_name }}",
                        (call, args, ctx) -> require(call, ctx.buildName(), BUILD_NAME_MISSING))
                        .withRule((call, ctx, out) -> requireStatically(call, ctx.buildName(), out,
                                BUILD_NAME_MISSING)),
                Builtin.of("build_type", NONE, "{{ build_type }}",
                        (call, args, ctx) -> require(call, ctx.buildType(), BUILD_TYPE_MISSING))
                        .withRule((call, ctx, out) -> requireStatically(call, ctx.buildType(), out,
                                BUILD_TYPE_MISSING)),
                Builtin.of("packer_version", NONE, "{{ packer_version }}",
                        (call, args, ctx) -> Functions.PACKER_COMPAT_VERSION),
                Builtin.of(Functions.BUILD, ONE_STRING, "{{ build `Host` }}", ContextFunctions::build)
                        .withRule(ContextFunctions::checkBuild));
    }

    private static Object user(Expr.Call call, List<Object> args, InterpolationContext ctx) {
        String name = (String) args.get(0);
        String value = ctx.declaredVariables().get(name);
        if (value == null) {
            Expr arg = call.args().get(0);
            TemplateError e = undeclared(name, arg.offset(), arg.length(), ctx.declaredVariables().keySet());
            throw new RenderFailure(e.offset(), e.length(), e.message(), e.hint());
        }
        return value;
    }

    private static void checkUser(Expr.Call call, InterpolationContext ctx, List<TemplateError> out) {
        Expr arg = call.args().get(0);
        String name = literalString(arg);
        if (name != null && !ctx.declaredVariables().containsKey(name)) {
            out.add(undeclared(name, arg.offset(), arg.length(), ctx.declaredVariables().keySet()));
        }
    }

    private static TemplateError undeclared(String name, int offset, int length, Collection<String> declared) {
        String hint = declared.isEmpty() ? "this template declares no variables"
                : "declared variables: " + list(declared);
        return new TemplateError(offset, length, "undeclared variable \"" + name + "\": declare it in \"variables\""
                + Suggestions.didYouMean(name, declared), hint);
    }

    private static void checkEnv(Expr.Call call, InterpolationContext ctx, List<TemplateError> out) {
        if (ctx.envAllowed()) {
            return;
        }
        String name = literalString(call.args().get(0));
        String shown = name == null ? "NAME" : name;
        out.add(new TemplateError(call.nameOffset(), call.name().length(),
                "env is only allowed in variable defaults: declare a variable with default \"{{env `" + shown
                        + "`}}\" and use {{user `var`}}",
                "e.g. \"variables\": { \"var\": \"{{env `" + shown + "`}}\" }"));
    }

    private static Object isotime(Expr.Call call, List<Object> args, InterpolationContext ctx) {
        String layout = args.isEmpty() ? GoTimeLayout.RFC3339 : (String) args.get(0);
        return GoTimeLayout.format(layout, ZonedDateTime.ofInstant(ctx.initTime(), ZoneOffset.UTC));
    }

    private static Object build(Expr.Call call, List<Object> args, InterpolationContext ctx) {
        String key = (String) args.get(0);
        String value = ctx.buildData().get(key);
        if (value == null) {
            Expr arg = call.args().get(0);
            Map<String, String> data = ctx.buildData();
            throw new RenderFailure(arg.offset(), arg.length(), "build data has no \"" + key + "\""
                    + Suggestions.didYouMean(key, data.keySet()),
                    data.isEmpty() ? "no build data is available at this point" : "available: " + list(data.keySet()));
        }
        return value;
    }

    private static void checkBuild(Expr.Call call, InterpolationContext ctx, List<TemplateError> out) {
        if (!ctx.allowBuildFunction()) {
            out.add(new TemplateError(call.nameOffset(), call.name().length(),
                    "build is not available in this field",
                    "build data (Host, Port, ID, ...) exists only while a build runs:"
                            + " use it in provisioner or post-processor settings"));
        }
    }

    private static String require(Expr.Call call, String value, Unavailable missing) {
        if (value == null) {
            throw new RenderFailure(call.nameOffset(), call.name().length(), missing.message(), missing.hint());
        }
        return value;
    }

    private static void requireStatically(Expr.Call call, Object value, List<TemplateError> out,
            Unavailable missing) {
        if (value == null) {
            out.add(new TemplateError(call.nameOffset(), call.name().length(), missing.message(), missing.hint()));
        }
    }

    /** The value of a string literal argument, or null when it is computed. */
    static String literalString(Expr e) {
        return e instanceof Expr.Literal lit && lit.value() instanceof String s ? s : null;
    }

    /** Sorted names for hints, shortened when there are many. */
    static String list(Collection<String> names) {
        List<String> sorted = List.copyOf(new TreeSet<>(names));
        int shown = Math.min(sorted.size(), 12);
        String joined = String.join(", ", sorted.subList(0, shown));
        return sorted.size() > shown ? joined + ", ..." : joined;
    }
}
