package io.imgbuild.core.interpolate;

import java.util.List;

/**
 * String functions. The string being worked on is always the last parameter, so it can arrive
 * through a pipe: {@code {{ user `x` | replace_all "-" "_" }}}.
 */
final class TextFunctions {

    private static final ValueType S = ValueType.STRING;
    private static final ValueType N = ValueType.NUMBER;

    /** Characters AWS allows in AMI names besides ASCII letters and digits. */
    private static final String RESOURCE_NAME_PUNCTUATION = "()[] ./-'@_";

    private TextFunctions() {
    }

    static List<Builtin> all() {
        return List.of(
                Builtin.of("lower", List.of(S), "{{ user `name` | lower }}",
                        (call, args, ctx) -> GoStrings.toLower((String) args.get(0))),
                Builtin.of("upper", List.of(S), "{{ user `name` | upper }}",
                        (call, args, ctx) -> GoStrings.toUpper((String) args.get(0))),
                Builtin.of("split", List.of(S, S, N), "{{ split \"a,b,c\" \",\" 0 }}", TextFunctions::split)
                        .withRule(TextFunctions::checkSplitIndex),
                Builtin.of("replace", List.of(S, S, N, S), "{{ replace \"old\" \"new\" 1 \"old old\" }}",
                        (call, args, ctx) -> GoStrings.replace((String) args.get(3), (String) args.get(0),
                                (String) args.get(1), (Long) args.get(2))),
                Builtin.of("replace_all", List.of(S, S, S), "{{ user `name` | replace_all \"-\" \"_\" }}",
                        (call, args, ctx) -> GoStrings.replace((String) args.get(2), (String) args.get(0),
                                (String) args.get(1), -1)),
                Builtin.of("clean_resource_name", List.of(S), "{{ user `name` | clean_resource_name }}",
                        (call, args, ctx) -> cleanResourceName((String) args.get(0))));
    }

    private static Object split(Expr.Call call, List<Object> args, InterpolationContext ctx) {
        String separator = (String) args.get(1);
        long index = (Long) args.get(2);
        List<String> parts = GoStrings.split((String) args.get(0), separator);
        if (index < 0 || index >= parts.size()) {
            Expr arg = call.args().get(2);
            // The parts are not shown: the string may come from a sensitive variable.
            throw new RenderFailure(arg.offset(), arg.length(), "split: index " + index + " is out of range:"
                    + " splitting by \"" + separator + "\" gave " + parts.size()
                    + (parts.size() == 1 ? " part" : " parts"),
                    parts.isEmpty() ? "the string is empty" : "use an index from 0 to " + (parts.size() - 1));
        }
        return parts.get((int) index);
    }

    private static void checkSplitIndex(Expr.Call call, InterpolationContext ctx, List<TemplateError> out) {
        Expr index = call.args().get(2);
        if (index instanceof Expr.Literal lit && lit.value() instanceof Long n && n < 0) {
            out.add(new TemplateError(index.offset(), index.length(), "split: index " + n + " is negative",
                    "indexes count from 0"));
        }
    }

    /** Keeps what AWS allows in AMI names and turns every other character into "-". */
    static String cleanResourceName(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean allowed = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || RESOURCE_NAME_PUNCTUATION.indexOf(cp) >= 0;
            out.append(allowed ? (char) cp : '-');
        });
        return out.toString();
    }
}
