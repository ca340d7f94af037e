package io.imgbuild.core.interpolate;

/** Static type of a value, for argument checks before anything runs. */
enum ValueType {
    STRING("a string"),
    NUMBER("a whole number"),
    BOOL("a boolean (true or false)"),
    /** Not known until run time (dot-field values); checked when rendering. */
    ANY("any value");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static ValueType of(Object literal) {
        if (literal instanceof Long) {
            return NUMBER;
        }
        if (literal instanceof Boolean) {
            return BOOL;
        }
        return STRING;
    }
}
