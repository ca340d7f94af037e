package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;

/** Walks expression trees. */
final class Exprs {

    private Exprs() {
    }

    /**
     * {@code expr} and every expression nested in it, depth first; a piped value comes after the
     * function's own arguments, as it is their last argument.
     */
    static List<Expr> flatten(Expr expr) {
        List<Expr> out = new ArrayList<>();
        collect(expr, out);
        return out;
    }

    private static void collect(Expr expr, List<Expr> out) {
        out.add(expr);
        if (expr instanceof Expr.Call call) {
            for (Expr arg : call.args()) {
                collect(arg, out);
            }
        }
    }
}
