package io.imgbuild.core.step;

/**
 * A typed key into a build's {@link State}. Keys are compared by identity: declare each one once as
 * a constant next to the step that puts it.
 */
public final class Key<T> {

    private final String name;

    public Key(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
