package io.imgbuild.core.problem;

import java.util.Objects;

/**
 * One thing wrong (or suspicious) in what the user gave us: where it is, what is wrong, what to do.
 *
 * @param path     JSON path inside the template, e.g. {@code builders[1].ssh_timeout}; empty for the
 *                 whole template, null when the problem is not about the template (a flag, a file)
 * @param location file:line:column when known
 * @param hint     what to do about it, or null
 */
public record Problem(Severity severity, String path, SourceLocation location, String message, String hint) {

    public Problem {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
    }

    public static Problem error(String path, SourceLocation location, String message, String hint) {
        return new Problem(Severity.ERROR, path, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: path: message (hint)}, the form every command prints. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (hint != null && !hint.isEmpty()) {
            sb.append("\n    ").append(hint);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
