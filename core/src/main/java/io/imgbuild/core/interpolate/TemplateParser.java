package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template string into text and actions, applying trim markers and dropping comments.
 * It keeps going after a bad action, so one pass reports every syntax error it can.
 */
final class TemplateParser {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    /** Segments of the actions that parsed, and the errors of those that did not. */
    record Result(List<Segment> segments, List<TemplateError> errors) {
    }

    private final String src;
    private final List<Segment> segments = new ArrayList<>();
    private final List<TemplateError> errors = new ArrayList<>();
    /** Set after a right trim marker: the next text loses its leading white space. */
    private boolean trimNextText;

    private TemplateParser(String src) {
        this.src = src;
    }

    static Result parse(String src) {
        return new TemplateParser(src).run();
    }

    private Result run() {
        int pos = 0;
        while (pos >= 0) {
            int open = src.indexOf(OPEN, pos);
            if (open < 0) {
                addText(pos, src.length(), false);
                break;
            }
            boolean trimLeft = src.startsWith("-", open + 2) && open + 3 < src.length()
                    && TextTrim.isSpace(src.charAt(open + 3));
            addText(pos, open, trimLeft);
            int bodyStart = open + 2 + (trimLeft ? 2 : 0);
            pos = src.startsWith("/*", bodyStart) ? comment(open, bodyStart) : action(open, bodyStart);
        }
        return new Result(List.copyOf(segments), List.copyOf(errors));
    }

    /** Parses the action at {@code open}; returns where text resumes, or a negative number to stop. */
    private int action(int open, int bodyStart) {
        if (src.indexOf(CLOSE, bodyStart) < 0) {
            // No closing braces anywhere after: that is the real problem, whatever else is inside.
            errors.add(new TemplateError(open, 2, "unclosed action: missing }}",
                    "close the action with }}; to print {{ literally write {{\"{{\"}}"));
            return SyntaxError.STOP;
        }
        try {
            List<Token> tokens = new ActionLexer(src, open, bodyStart).lex();
            Token end = tokens.get(tokens.size() - 1);
            int after = end.offset() + end.length();
            Expr expr = new ActionParser(src, tokens, open).parse();
            segments.add(new Segment.Action(expr, open, after - open));
            trimNextText = Boolean.TRUE.equals(end.value());
            return after;
        } catch (SyntaxError e) {
            errors.add(e.error());
            trimNextText = false;
            return e.resumeAt();
        }
    }

    /** Skips a comment, which in Go must start and end right next to the braces (or trim markers). */
    private int comment(int open, int bodyStart) {
        int close = src.indexOf("*/", bodyStart + 2);
        if (close < 0) {
            errors.add(new TemplateError(open, 2, "unclosed comment: missing */}}", "end the comment with */}}"));
            return SyntaxError.STOP;
        }
        int after = close + 2;
        if (src.startsWith(CLOSE, after)) {
            return after + 2;
        }
        if (after < src.length() && TextTrim.isSpace(src.charAt(after)) && src.startsWith("-" + CLOSE, after + 1)) {
            trimNextText = true;
            return after + 4;
        }
        errors.add(new TemplateError(close, 2, "comment must end with */}}",
                "put }} (or \" -}}\") right after */; nothing else may follow a comment inside an action"));
        int resume = src.indexOf(CLOSE, after);
        return resume < 0 ? SyntaxError.STOP : resume + 2;
    }

    private void addText(int from, int to, boolean trimTrailing) {
        int start = trimNextText ? TextTrim.skipLeading(src, from, to) : from;
        int end = trimTrailing ? TextTrim.skipTrailing(src, start, to) : to;
        trimNextText = false;
        if (end > start) {
            segments.add(new Segment.Text(src.substring(start, end)));
        }
    }
}
