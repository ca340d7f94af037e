package io.imgbuild.core.interpolate;

import java.util.List;

/**
 * Parsed expression inside an action. Pipelines are desugared into calls: in {@code a | f b} the
 * piped value {@code a} becomes the last argument of {@code f}, as in Go templates.
 *
 * <p>{@link #offset()} and {@link #length()} span the expression's source text (parentheses
 * included), so errors about it point at the right place.
 */
sealed interface Expr {

    int offset();

    int length();

    Expr withSpan(int offset, int length);

    /** A string, whole number or boolean written in the template. Value is String, Long or Boolean. */
    record Literal(Object value, int offset, int length) implements Expr {
        @Override
        public Literal withSpan(int newOffset, int newLength) {
            return new Literal(value, newOffset, newLength);
        }
    }

    /** {@code .Name}: a build-time value supplied by the config field that holds the string. */
    record FieldRef(String name, int offset, int length) implements Expr {
        @Override
        public FieldRef withSpan(int newOffset, int newLength) {
            return new FieldRef(name, newOffset, newLength);
        }
    }

    /**
     * A function call.
     *
     * @param nameOffset where the function name is, for errors about the function itself
     * @param piped      whether the last argument arrived through {@code |}
     */
    record Call(String name, int nameOffset, List<Expr> args, boolean piped, int offset, int length)
            implements Expr {

        public Call {
            args = List.copyOf(args);
        }

        @Override
        public Call withSpan(int newOffset, int newLength) {
            return new Call(name, nameOffset, args, piped, newOffset, newLength);
        }
    }
}
