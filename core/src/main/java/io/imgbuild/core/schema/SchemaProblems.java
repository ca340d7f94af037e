package io.imgbuild.core.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.DidYouMean;
import io.imgbuild.core.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns the schema validator's findings into messages a template author can act on: the JSON path,
 * what is wrong in plain words, and a did-you-mean for misspelt keys and values. Alternatives
 * ({@code anyOf}) are folded into one message instead of one per branch.
 */
public final class SchemaProblems {

    private final ConfigSchema schema;
    private final ConfigOrigin origin;
    private final String subject;

    /**
     * @param origin  maps config paths to the template
     * @param subject what the config configures, for hints ("the qemu builder")
     */
    public SchemaProblems(ConfigSchema schema, ConfigOrigin origin, String subject) {
        this.schema = schema;
        this.origin = origin;
        this.subject = subject;
    }

    public List<Problem> translate(List<Error> errors) {
        List<Problem> out = new ArrayList<>();
        for (Finding f : fold(errors.stream().map(Finding::of).toList())) {
            out.add(translate(f));
        }
        return out;
    }

    /** What we need of a validator error; lets alternatives be merged into a new finding. */
    private record Finding(String keyword, JsonPath at, String evaluationPath, Object[] args, String property,
                           JsonNode instanceNode, JsonNode schemaNode, String message) {
        static Finding of(Error e) {
            return new Finding(e.getKeyword(), toPath(e.getInstanceLocation()), e.getEvaluationPath().toString(),
                    e.getArguments() == null ? new Object[0] : e.getArguments(), e.getProperty(), e.getInstanceNode(),
                    e.getSchemaNode(), e.getMessage());
        }
    }

    private Problem translate(Finding e) {
        JsonPath at = e.at();
        Object[] args = e.args();
        switch (e.keyword()) {
            case "additionalProperties": {
                String key = e.property() != null ? e.property() : String.valueOf(args[0]);
                Set<String> known = ConfigSchema.propertyNames(orEmpty(schema.at(at)));
                return origin.error(at.key(key), true, "unknown key \"" + key + "\"" + DidYouMean.suffix(key, known),
                        known.isEmpty() ? "remove it" : "remove it or fix its spelling; `imgbuild schema` lists the keys of "
                                + subject);
            }
            case "required": {
                String key = e.property() != null ? e.property() : String.valueOf(args[0]);
                JsonNode prop = orEmpty(schema.at(at)).path("properties").path(key);
                String desc = prop.path("description").asString("");
                // Named by the missing key's own path; located at the object that lacks it.
                return origin.error(at.key(key), true, "missing required key \"" + key + "\"",
                        desc.isEmpty() ? "add \"" + key + "\"" : "add \"" + key + "\": " + lowerFirst(desc));
            }
            case "type": {
                String found = String.valueOf(args.length > 0 ? args[0] : "?");
                String expected = args.length > 1 ? String.valueOf(args[1]) : "?";
                return origin.error(at, false, "expected " + typeWords(expected) + ", got " + article(found),
                        hintFromDescription(at));
            }
            case "enum": {
                JsonNode allowed = e.schemaNode();
                List<String> values = new ArrayList<>();
                if (allowed != null) {
                    allowed.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
                }
                JsonNode bad = e.instanceNode();
                String shown = bad == null ? "?" : bad.isString() ? "\"" + bad.asString() + "\"" : bad.toString();
                String suggestion = bad != null && bad.isString() ? DidYouMean.suffix(bad.asString(), values) : "";
                return origin.error(at, false, shown + " is not one of the allowed values" + suggestion,
                        "use one of: " + String.join(", ", values));
            }
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum": {
                String bound = e.schemaNode() == null ? "?" : e.schemaNode().toString();
                String value = e.instanceNode() == null ? "the value" : e.instanceNode().toString();
                String word = e.keyword().contains("inimum") ? "below the minimum of " : "above the maximum of ";
                return origin.error(at, false, value + " is " + word + bound,
                        hintFromDescription(at));
            }
            case "minItems": {
                String min = e.schemaNode() == null ? "1" : e.schemaNode().toString();
                return origin.error(at, false, "needs at least " + min + " item" + ("1".equals(min) ? "" : "s"),
                        hintFromDescription(at));
            }
            case "anyOf":
            case "oneOf":
                return origin.error(at, false, "has none of the accepted forms",
                        hintFromDescription(at));
            default:
                return origin.error(at, false, e.message(), hintFromDescription(at));
        }
    }

    /**
     * Where the schema offers alternatives, drop the complaints of the branches whose type did not
     * match when another branch got further, and merge "wrong type" complaints at one place into one.
     */
    private static List<Finding> fold(List<Finding> errors) {
        List<Finding> kept = new ArrayList<>();
        for (Finding e : errors) {
            if (isAlternativeTypeMismatch(e) && anotherBranchGotFurther(e, errors)) {
                continue;
            }
            kept.add(e);
        }
        Map<JsonPath, List<Finding>> typeErrors = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding e : kept) {
            if (isAlternativeTypeMismatch(e)) {
                typeErrors.computeIfAbsent(e.at(), k -> new ArrayList<>()).add(e);
            } else {
                out.add(e);
            }
        }
        for (List<Finding> group : typeErrors.values()) {
            Set<String> expected = new LinkedHashSet<>();
            for (Finding e : group) {
                if (e.args().length > 1) {
                    expected.addAll(splitTypes(String.valueOf(e.args()[1])));
                }
            }
            Finding first = group.get(0);
            Object found = first.args().length > 0 ? first.args()[0] : "?";
            out.add(new Finding("type", first.at(), "", new Object[]{found, String.join(", ", expected)}, null,
                    first.instanceNode(), null, null));
        }
        return out;
    }

    private static boolean isAlternativeTypeMismatch(Finding e) {
        return "type".equals(e.keyword()) && e.evaluationPath().contains("anyOf");
    }

    private static boolean anotherBranchGotFurther(Finding e, List<Finding> all) {
        for (Finding other : all) {
            if (other == e) {
                continue;
            }
            boolean deeper = startsWith(other.at(), e.at()) && other.at().segments().size() > e.at().segments().size();
            boolean sameButNotType = other.at().equals(e.at()) && !"type".equals(other.keyword());
            if (deeper || sameButNotType) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(JsonPath p, JsonPath prefix) {
        List<Object> a = p.segments();
        List<Object> b = prefix.segments();
        return a.size() >= b.size() && a.subList(0, b.size()).equals(b);
    }

    private static Collection<String> splitTypes(String s) {
        String t = s.replace("[", "").replace("]", "");
        List<String> out = new ArrayList<>();
        for (String part : t.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private String hintFromDescription(JsonPath at) {
        JsonNode s = schema.at(at);
        String d = s == null ? "" : s.path("description").asString("");
        return d.isEmpty() ? null : lastKeyOr(at) + ": " + lowerFirst(d);
    }

    private static String lastKeyOr(JsonPath at) {
        String k = at.lastKey();
        return k != null ? k : at.toString();
    }

    static JsonPath toPath(NodePath p) {
        JsonPath path = JsonPath.ROOT;
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            path = el instanceof Integer n ? path.index(n) : path.key(String.valueOf(el));
        }
        return path;
    }

    private static JsonNode orEmpty(JsonNode n) {
        return n == null ? tools.jackson.databind.node.MissingNode.getInstance() : n;
    }

    static String typeWords(String expected) {
        List<String> words = splitTypes(expected).stream().map(SchemaProblems::article).toList();
        if (words.size() <= 1) {
            return words.isEmpty() ? expected : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    static String article(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "an array";
            case "object" -> "an object";
            case "null" -> "null";
            default -> type;
        };
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
