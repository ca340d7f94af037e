package io.imgbuild.core.interpolate;

/**
 * A lexical token inside an action.
 *
 * @param value        identifier or field name (String), string value (String), number (Long),
 *                     boolean (Boolean); null for punctuation
 * @param spaceBefore  whether white space precedes it, since arguments must be separated by space
 */
record Token(Kind kind, int offset, int length, Object value, boolean spaceBefore) {

    enum Kind {
        IDENTIFIER,
        FIELD,
        DOT,
        STRING,
        NUMBER,
        BOOL,
        LEFT_PAREN,
        RIGHT_PAREN,
        PIPE,
        VARIABLE,
        DECLARE,
        ASSIGN,
        COMMA,
        /** The closing braces; value is Boolean.TRUE when a trim marker precedes them. */
        END
    }

    String text() {
        return (String) value;
    }

    boolean isOperandStart() {
        return switch (kind) {
            case IDENTIFIER, FIELD, DOT, STRING, NUMBER, BOOL, LEFT_PAREN, VARIABLE -> true;
            default -> false;
        };
    }
}
