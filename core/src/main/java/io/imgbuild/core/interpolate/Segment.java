package io.imgbuild.core.interpolate;

/** A piece of a parsed template: literal text or an action whose value is printed. */
sealed interface Segment {

    /** Text copied to the output as is (after trim markers have been applied). */
    record Text(String text) implements Segment {
    }

    /**
     * An action {@code {{ ... }}}.
     *
     * @param offset where its opening braces are
     * @param length up to and including its closing braces
     */
    record Action(Expr expr, int offset, int length) implements Segment {
    }
}
