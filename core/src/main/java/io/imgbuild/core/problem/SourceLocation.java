package io.imgbuild.core.problem;

/**
 * A place in a source file: 1-based line and column. {@code file} is what the user typed (or "-" for
 * stdin), so messages point where the user looks.
 */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
