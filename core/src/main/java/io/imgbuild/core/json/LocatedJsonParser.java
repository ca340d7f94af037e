package io.imgbuild.core.json;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict JSON (no comments, no trailing commas) into a Jackson tree plus a map of where each key and
 * value starts. Duplicate keys are reported, as Packer does, instead of silently keeping the last.
 */
public final class LocatedJsonParser {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String fileName;
    private final String text;
    private final Map<JsonPath, Long> keyOffsets = new HashMap<>();
    private final Map<JsonPath, Long> valueOffsets = new HashMap<>();
    private final List<Problem> duplicates = new ArrayList<>();
    private final LineIndex lines;

    private LocatedJsonParser(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        this.lines = new LineIndex(text);
    }

    /** The parsed document and any duplicate-key problems; throws on a syntax error. */
    public record Result(LocatedDocument document, List<Problem> problems) {
    }

    public static Result parse(String fileName, String text) throws JsonSyntaxException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new LocatedJsonParser(fileName, body).run();
    }

    private Result run() throws JsonSyntaxException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw syntax(0, "the file is empty", null);
            }
            JsonNode root = readValue(p, JsonPath.ROOT);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw syntax(offset(p.currentTokenLocation()), "unexpected content after the end of the JSON document",
                        "a template is a single JSON object; remove what follows its closing brace");
            }
            LocatedDocument doc = new LocatedDocument(fileName, text, root, keyOffsets, valueOffsets);
            return new Result(doc, List.copyOf(duplicates));
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            long off = loc == null ? text.length() : offset(loc);
            String msg = cleanMessage(e.getOriginalMessage());
            throw syntax(off, msg, hintFor(msg, (int) off));
        }
    }

    private JsonNode readValue(JsonParser p, JsonPath path) {
        valueOffsets.put(path, offset(p.currentTokenLocation()));
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p, path);
            case START_ARRAY:
                return readArray(p, path);
            case VALUE_STRING:
                return NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }

    private ObjectNode readObject(JsonParser p, JsonPath path) {
        ObjectNode node = NODES.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonPath child = path.key(name);
            long keyOffset = offset(p.currentTokenLocation());
            p.nextToken();
            if (node.has(name)) {
                duplicates.add(Problem.error(child.toString(), lines.locate(fileName, (int) keyOffset),
                        "duplicate key \"" + name + "\" (first at line "
                                + lines.locate(fileName, keyOffsets.get(child).intValue()).line() + ")",
                        "a key may appear only once in an object; remove or rename one of them"));
                p.skipChildren(); // keep the first value; the error above stops the build anyway
                continue;
            }
            keyOffsets.put(child, keyOffset);
            node.set(name, readValue(p, child));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected token " + t);
        }
        return node;
    }

    private ArrayNode readArray(JsonParser p, JsonPath path) {
        ArrayNode node = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            node.add(readValue(p, path.index(i++)));
        }
        return node;
    }

    private static long offset(TokenStreamLocation loc) {
        return Math.max(0, loc.getCharOffset());
    }

    private JsonSyntaxException syntax(long offset, String message, String hint) {
        SourceLocation loc = lines.locate(fileName, (int) offset);
        String full = hint == null ? message : message + "\n    " + hint;
        return new JsonSyntaxException(new JsonSyntaxError(loc, full, lines.excerpt(loc.line(), loc.column())));
    }

    /** Jackson's messages are precise but long; keep the first sentence without source details. */
    private static String cleanMessage(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        String m = message.lines().findFirst().orElse(message);
        int at = m.indexOf(" at [Source");
        return at > 0 ? m.substring(0, at) : m;
    }

    private String hintFor(String message, int offset) {
        String lower = message.toLowerCase();
        int prev = previousNonSpace(offset);
        if (prev >= 0 && text.charAt(prev) == ',' && (lower.contains("property name") || lower.contains("expected a value")
                || lower.contains("start an array") || lower.contains("start array") || lower.contains("expected")
                || lower.contains("unexpected character"))) {
            return "JSON allows no comma after the last element: remove the trailing comma";
        }
        if (lower.contains("end-of-input")) {
            return "the document ends early: check for a missing closing brace, bracket or quote";
        }
        if (lower.contains("comment")) {
            return "JSON has no comments; use a root key starting with \"_\" for a note";
        }
        if (lower.contains("single quote") || lower.contains("'''")) {
            return "JSON strings use double quotes";
        }
        if (lower.contains("unrecognized token") || lower.contains("unrecognized character")) {
            return "strings must be in double quotes; true, false and null are lower case";
        }
        return null;
    }

    private int previousNonSpace(int offset) {
        for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
