package io.imgbuild.core.json;

/** The text is not JSON; {@link #error()} says where and why. */
public final class JsonSyntaxException extends Exception {

    private final transient JsonSyntaxError error;

    JsonSyntaxException(JsonSyntaxError error) {
        super(error.location() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public JsonSyntaxError error() {
        return error;
    }
}
