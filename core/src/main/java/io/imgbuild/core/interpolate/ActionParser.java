package io.imgbuild.core.interpolate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the tokens of one action into an {@link Expr}.
 *
 * <pre>
 * action   := pipeline END
 * pipeline := command ( "|" command )*
 * command  := operand ( SPACE operand )*     only a function name may take arguments
 * operand  := IDENTIFIER | FIELD | STRING | NUMBER | BOOL | "(" pipeline ")"
 * </pre>
 *
 * A bare identifier used as an argument is a call without arguments, as in Go.
 */
final class ActionParser {

    /** Go template keywords for control structures, which imgbuild deliberately leaves out. */
    private static final Set<String> CONTROL_KEYWORDS = Set.of(
            "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue");

    private final String src;
    private final List<Token> tokens;
    private final int actionOffset;
    private final int actionEnd;
    private int next;

    /** An operand, remembering whether it was a bare function name (which may take arguments). */
    private record Operand(Expr expr, boolean bareFunction) {
    }

    ActionParser(String src, List<Token> tokens, int actionOffset) {
        this.src = src;
        this.tokens = tokens;
        this.actionOffset = actionOffset;
        Token end = tokens.get(tokens.size() - 1);
        this.actionEnd = end.offset() + end.length();
    }

    Expr parse() throws SyntaxError {
        if (peek().kind() == Token.Kind.END) {
            throw error(actionOffset, actionEnd - actionOffset, "empty action",
                    "put a value or function call inside, e.g. {{ user `name` }}; to print {{ write {{\"{{\"}}");
        }
        Expr expr = pipeline();
        Token t = peek();
        if (t.kind() != Token.Kind.END) {
            throw t.kind() == Token.Kind.RIGHT_PAREN
                    ? error(t, "unexpected \")\" without a matching \"(\"", null)
                    : error(t, "unexpected " + describe(t), null);
        }
        return expr;
    }

    private Expr pipeline() throws SyntaxError {
        Token first = peek();
        if (first.kind() == Token.Kind.PIPE) {
            throw error(first, "missing value before \"|\"", "write e.g. {{ user `name` | lower }}");
        }
        Expr expr = command(null);
        while (peek().kind() == Token.Kind.PIPE) {
            Token pipe = take();
            Token after = peek();
            if (!after.isOperandStart()) {
                throw error(pipe, "missing function after \"|\"", "write e.g. {{ user `name` | lower }}");
            }
            expr = command(expr);
        }
        return expr;
    }

    /** One command; {@code piped}, when not null, is the value arriving through "|". */
    private Expr command(Expr piped) throws SyntaxError {
        Operand head = operand();
        List<Expr> args = new ArrayList<>();
        Token previous = tokens.get(next - 1);
        while (peek().isOperandStart() || isStray(peek())) {
            Token t = peek();
            if (!t.spaceBefore()) {
                throw error(t, "missing space between " + quote(previous) + " and " + quote(t),
                        "separate function arguments with spaces, e.g. {{ split \"a,b\" \",\" 0 }}");
            }
            args.add(operand().expr());
            previous = tokens.get(next - 1);
        }
        Expr headExpr = head.expr();
        if (!head.bareFunction()) {
            if (!args.isEmpty()) {
                Expr arg = args.get(0);
                throw error(arg.offset(), arg.length(), "cannot give arguments to " + snippet(headExpr)
                        + ": only functions take arguments", null);
            }
            if (piped != null) {
                throw error(headExpr.offset(), headExpr.length(), "cannot pipe into " + snippet(headExpr)
                        + ": only a function can follow \"|\"", "write e.g. {{ user `name` | lower }}");
            }
            return headExpr;
        }
        Expr.Call call = (Expr.Call) headExpr;
        int end = args.isEmpty() ? call.offset() + call.length() : last(args).offset() + last(args).length();
        if (piped != null) {
            args.add(piped);
        }
        return new Expr.Call(call.name(), call.nameOffset(), args, piped != null, call.offset(), end - call.offset());
    }

    private Operand operand() throws SyntaxError {
        Token t = take();
        switch (t.kind()) {
            case IDENTIFIER -> {
                String name = t.text();
                if (CONTROL_KEYWORDS.contains(name)) {
                    throw error(t, "control structures such as `" + name + "` are not supported in imgbuild templates",
                            "templates hold values, function calls and pipes only;"
                                    + " compute the value outside and pass it as a user variable");
                }
                if (name.equals("nil")) {
                    throw error(t, "nil is not supported in imgbuild templates", "use an empty string \"\"");
                }
                return new Operand(new Expr.Call(name, t.offset(), List.of(), false, t.offset(), t.length()), true);
            }
            case FIELD -> {
                return new Operand(new Expr.FieldRef(t.text(), t.offset(), t.length()), false);
            }
            case STRING, NUMBER, BOOL -> {
                return new Operand(new Expr.Literal(t.value(), t.offset(), t.length()), false);
            }
            case LEFT_PAREN -> {
                return new Operand(parenthesized(t), false);
            }
            case DOT -> throw error(t, "{{ . }} (the whole data value) is not supported",
                    "use a named field such as {{ .Name }}");
            case VARIABLE -> throw error(t, "template variables such as `" + t.text()
                    + "` are not supported in imgbuild templates", "use {{ user `name` }} for user variables");
            default -> throw error(t, "unexpected " + describe(t), null);
        }
    }

    private Expr parenthesized(Token open) throws SyntaxError {
        if (peek().kind() == Token.Kind.RIGHT_PAREN) {
            Token close = take();
            throw error(open.offset(), close.offset() + 1 - open.offset(), "empty parentheses",
                    "put a value or function call inside, e.g. (user `name`)");
        }
        Expr inner = pipeline();
        Token close = peek();
        if (close.kind() != Token.Kind.RIGHT_PAREN) {
            throw close.kind() == Token.Kind.END
                    ? error(open, "unclosed \"(\": missing \")\"", "add \")\" before the end of the action")
                    : error(close, "unexpected " + describe(close), null);
        }
        take();
        return inner.withSpan(open.offset(), close.offset() + 1 - open.offset());
    }

    /** Tokens that cannot appear between operands, but are best reported as what they are. */
    private static boolean isStray(Token t) {
        return switch (t.kind()) {
            case DOT, COMMA, DECLARE, ASSIGN -> true;
            default -> false;
        };
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private static Expr last(List<Expr> list) {
        return list.get(list.size() - 1);
    }

    /** The token's source; quoted unless it is a string literal, which already shows its quotes. */
    private String quote(Token t) {
        String text = src.substring(t.offset(), t.offset() + t.length());
        return t.kind() == Token.Kind.STRING ? text : "\"" + text + "\"";
    }

    private String snippet(Expr e) {
        String text = src.substring(e.offset(), e.offset() + e.length());
        return text.length() > 30 ? text.substring(0, 27) + "..." : text;
    }

    private String describe(Token t) {
        return switch (t.kind()) {
            case RIGHT_PAREN -> "\")\"";
            case LEFT_PAREN -> "\"(\"";
            case PIPE -> "\"|\"";
            case COMMA -> "\",\"";
            case DECLARE, ASSIGN -> "assignment " + quote(t) + ": template variables are not supported";
            case END -> "end of action";
            default -> quote(t);
        };
    }

    private SyntaxError error(Token t, String message, String hint) {
        return error(t.offset(), t.length(), message, hint);
    }

    private SyntaxError error(int offset, int length, String message, String hint) {
        // The action's extent is known, so scanning resumes right after it.
        return new SyntaxError(new TemplateError(offset, length, message, hint), actionEnd);
    }
}
