package io.imgbuild.core.json;

import io.imgbuild.core.problem.SourceLocation;
import java.util.Arrays;

/** Turns a character offset into 1-based line and column, and shows a line with a caret. */
final class LineIndex {

    private final String text;
    private final int[] lineStarts;

    LineIndex(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    SourceLocation locate(String file, int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = Arrays.binarySearch(lineStarts, clamped);
        if (line < 0) {
            line = -line - 2;
        }
        return new SourceLocation(file, line + 1, clamped - lineStarts[line] + 1);
    }

    /** The given line (1-based) and the one before it, numbered, with a caret under {@code column}. */
    String excerpt(int line, int column) {
        StringBuilder sb = new StringBuilder();
        if (line > 1) {
            appendLine(sb, line - 1);
        }
        appendLine(sb, line);
        int width = String.valueOf(line).length() + 2;
        sb.append(" ".repeat(width + 4 + Math.max(0, column - 1))).append('^');
        return sb.toString();
    }

    private void appendLine(StringBuilder sb, int line) {
        if (line < 1 || line > lineStarts.length) {
            return;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        String content = text.substring(start, Math.max(start, end)).replace("\r", "").replace('\t', ' ');
        sb.append("    ").append(line).append(": ").append(content).append('\n');
    }
}
