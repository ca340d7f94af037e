package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one action into tokens, from just after its opening braces (and trim marker) up to and
 * including its closing braces. Strings are scanned whole, so braces inside quotes do not end
 * the action: {@code {{"}}"}} prints two closing braces.
 */
final class ActionLexer {

    private final String src;
    private final int actionOffset;
    private int pos;

    /**
     * @param src          the whole template string
     * @param actionOffset where the action's opening braces are, for errors about the whole action
     * @param bodyStart    where the first token may start
     */
    ActionLexer(String src, int actionOffset, int bodyStart) {
        this.src = src;
        this.actionOffset = actionOffset;
        this.pos = bodyStart;
    }

    /** Tokens of the action; the last one is always {@link Token.Kind#END}. */
    List<Token> lex() throws SyntaxError {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            int spaceStart = pos;
            while (pos < src.length() && TextTrim.isSpace(src.charAt(pos))) {
                pos++;
            }
            boolean spaceBefore = pos > spaceStart || TextTrim.isSpace(src.charAt(pos - 1));
            if (pos >= src.length()) {
                throw new SyntaxError(new TemplateError(actionOffset, 2, "unclosed action: missing }}",
                        "close the action with }}; to print {{ literally write {{\"{{\"}}"), SyntaxError.STOP);
            }
            Token token = next(spaceBefore);
            tokens.add(token);
            if (token.kind() == Token.Kind.END) {
                return tokens;
            }
        }
    }

    private Token next(boolean spaceBefore) throws SyntaxError {
        int start = pos;
        char c = src.charAt(pos);
        if (src.startsWith("}}", pos)) {
            pos += 2;
            return new Token(Token.Kind.END, start, 2, Boolean.FALSE, spaceBefore);
        }
        if (src.startsWith("-}}", pos)) {
            if (!spaceBefore) {
                throw error(start, 3, "a trim marker needs a space before it",
                        "write \" -}}\" to trim the white space that follows, or \"}}\" to keep it", pos + 3);
            }
            pos += 3;
            return new Token(Token.Kind.END, start, 3, Boolean.TRUE, spaceBefore);
        }
        if (src.startsWith("{{", pos)) {
            // Most likely the previous action lost its closing braces: report that and resume here.
            throw new SyntaxError(new TemplateError(actionOffset, 2, "unclosed action: missing }}",
                    "close the action with }} before the next {{ at offset " + pos), pos);
        }
        switch (c) {
            case '"':
                return quoted(spaceBefore);
            case '`':
                return raw(spaceBefore);
            case '(':
                return punctuation(Token.Kind.LEFT_PAREN, 1, spaceBefore);
            case ')':
                return punctuation(Token.Kind.RIGHT_PAREN, 1, spaceBefore);
            case '|':
                return punctuation(Token.Kind.PIPE, 1, spaceBefore);
            case ',':
                return punctuation(Token.Kind.COMMA, 1, spaceBefore);
            case '=':
                return punctuation(Token.Kind.ASSIGN, 1, spaceBefore);
            case ':':
                if (src.startsWith(":=", pos)) {
                    return punctuation(Token.Kind.DECLARE, 2, spaceBefore);
                }
                throw unexpected(start);
            case '.':
                return dot(spaceBefore);
            case '$':
                pos++;
                skipWord();
                return new Token(Token.Kind.VARIABLE, start, pos - start, src.substring(start, pos), spaceBefore);
            case '/':
                if (src.startsWith("/*", pos)) {
                    throw error(start, 2, "a comment must start right after the opening braces",
                            "write {{/* comment */}} (or {{- /* comment */ -}}) with nothing else in the action",
                            resumeAfter(start + 2));
                }
                throw unexpected(start);
            case '\'':
                throw error(start, 1, "single quotes do not make a string",
                        "use double quotes \"...\" or backticks `...`", resumeAfter(start + 1));
            default:
                break;
        }
        if (c == '-' || c == '+' || isDigit(c)) {
            return number(spaceBefore);
        }
        if (isWordStart(c)) {
            skipWord();
            String word = src.substring(start, pos);
            if (word.equals("true") || word.equals("false")) {
                return new Token(Token.Kind.BOOL, start, pos - start, Boolean.valueOf(word), spaceBefore);
            }
            return new Token(Token.Kind.IDENTIFIER, start, pos - start, word, spaceBefore);
        }
        throw unexpected(start);
    }

    private Token punctuation(Token.Kind kind, int length, boolean spaceBefore) {
        int start = pos;
        pos += length;
        return new Token(kind, start, length, null, spaceBefore);
    }

    private Token quoted(boolean spaceBefore) throws SyntaxError {
        int start = pos;
        int i = start + 1;
        while (true) {
            char c = i < src.length() ? src.charAt(i) : '\n';
            if (c == '\n') {
                throw error(start, 1, "unterminated string: missing closing \"",
                        "a \"...\" string must end on the same line; use `...` for text with line breaks",
                        resumeAfter(start + 1));
            }
            if (c == '\\') {
                if (i + 1 >= src.length() || src.charAt(i + 1) == '\n') {
                    i++;
                    continue; // reported as unterminated on the next round
                }
                i += 2;
                continue;
            }
            if (c == '"') {
                break;
            }
            i++;
        }
        pos = i + 1;
        String value = GoStringLiteral.unquote(src, start + 1, i, resumeAfter(pos));
        return new Token(Token.Kind.STRING, start, pos - start, value, spaceBefore);
    }

    private Token raw(boolean spaceBefore) throws SyntaxError {
        int start = pos;
        int close = src.indexOf('`', start + 1);
        if (close < 0) {
            int resume = resumeAfter(start + 1);
            throw error(start, 1, "unterminated raw string: missing closing `",
                    resume == SyntaxError.STOP ? "close the string with ` and the action with }}"
                            : "close the string with `", resume);
        }
        pos = close + 1;
        // Go drops carriage returns from raw strings, so CRLF files behave like LF files.
        String value = src.substring(start + 1, close).replace("\r", "");
        return new Token(Token.Kind.STRING, start, pos - start, value, spaceBefore);
    }

    private Token dot(boolean spaceBefore) throws SyntaxError {
        int start = pos;
        pos++;
        if (pos < src.length() && isDigit(src.charAt(pos))) {
            skipNumberChars();
            throw badNumber(start);
        }
        if (pos >= src.length() || !isWordStart(src.charAt(pos))) {
            return new Token(Token.Kind.DOT, start, 1, null, spaceBefore);
        }
        skipWord();
        String name = src.substring(start + 1, pos);
        if (pos < src.length() && src.charAt(pos) == '.') {
            while (pos < src.length() && (src.charAt(pos) == '.' || isWordChar(src.charAt(pos)))) {
                pos++;
            }
            throw error(start, pos - start, "nested field references such as " + src.substring(start, pos)
                    + " are not supported", "use a single field such as {{ ." + name + " }}", resumeAfter(pos));
        }
        return new Token(Token.Kind.FIELD, start, pos - start, name, spaceBefore);
    }

    private Token number(boolean spaceBefore) throws SyntaxError {
        int start = pos;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            pos++;
        }
        skipNumberChars();
        String text = src.substring(start, pos);
        int firstDigit = isDigit(text.charAt(0)) ? 0 : 1;
        boolean decimal = text.length() > firstDigit
                && text.chars().skip(firstDigit).allMatch(ActionLexer::isDigit);
        if (decimal) {
            try {
                return new Token(Token.Kind.NUMBER, start, pos - start, Long.parseLong(text), spaceBefore);
            } catch (NumberFormatException e) {
                throw error(start, pos - start, "number " + text + " is too large", null, resumeAfter(pos));
            }
        }
        throw badNumber(start);
    }

    private SyntaxError badNumber(int start) {
        String text = src.substring(start, pos);
        String hint = text.equals("-") || text.equals("+")
                ? "to trim white space write \"{{- \" or \" -}}\", with a space next to the dash"
                : "only whole decimal numbers such as 3 or -1 are supported";
        return error(start, pos - start, "bad number \"" + text + "\"", hint, resumeAfter(pos));
    }

    private SyntaxError unexpected(int at) {
        int cp = src.codePointAt(at);
        String shown = new String(Character.toChars(cp));
        return error(at, Character.charCount(cp), "unexpected character \"" + shown + "\" in action",
                "actions hold values, function calls and pipes, e.g. {{ user `name` | lower }}",
                resumeAfter(at + Character.charCount(cp)));
    }

    private SyntaxError error(int offset, int length, String message, String hint, int resumeAt) {
        return new SyntaxError(new TemplateError(offset, length, message, hint), resumeAt);
    }

    /** After a broken token, skip to just past the next closing braces, or stop if there are none. */
    private int resumeAfter(int from) {
        int close = src.indexOf("}}", from);
        return close < 0 ? SyntaxError.STOP : close + 2;
    }

    private void skipWord() {
        while (pos < src.length() && isWordChar(src.charAt(pos))) {
            pos++;
        }
    }

    private void skipNumberChars() {
        while (pos < src.length() && (isWordChar(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
