package io.imgbuild.core.template;

import io.imgbuild.core.interpolate.Functions;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.LocatedDocument;
import io.imgbuild.core.problem.DidYouMean;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.ConfigSchema;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.schema.SchemaProblems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The syntax phase: checks the template's shape against the template schema and the rules that
 * span the whole template (unique build names, only/except/override naming real builds, required
 * Packer version), and separates each component's meta keys from its plugin config. Nothing is
 * interpolated here. Every problem is collected; parsing goes on past errors as far as it can.
 */
public final class TemplateParser {

    static final Set<String> BUILDER_META = Set.of("type", "name");
    static final Set<String> PROVISIONER_META = Set.of("type", "only", "except", "override", "pause_before",
            "max_retries", "timeout");
    static final Set<String> POST_PROCESSOR_META = Set.of("type", "name", "only", "except", "keep_input_artifact");

    private final LocatedDocument doc;
    private final Problems problems;
    private final ConfigOrigin origin;

    private TemplateParser(LocatedDocument doc, Problems problems) {
        this.doc = doc;
        this.problems = problems;
        this.origin = new ConfigOrigin(JsonPath.ROOT, doc);
    }

    public static Template parse(LocatedDocument doc, Path file, Problems problems) {
        return new TemplateParser(doc, problems).parse(file);
    }

    private Template parse(Path file) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            error(JsonPath.ROOT, "a template must be a JSON object, not " + kindOf(root),
                    "start from {\"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}]}");
            return null;
        }
        List<JsonPath> nested = nestedSequences(root);
        checkShape(root, nested);
        List<VariableDecl> variables = variables(root);
        List<String> sensitive = sensitive(root, variables);
        List<BuilderDef> builders = builders(root);
        List<String> names = builders.stream().map(BuilderDef::name).toList();
        List<ProvisionerDef> provisioners = new ArrayList<>();
        JsonNode provs = array(root.path("provisioners"));
        for (int i = 0; i < provs.size(); i++) {
            ProvisionerDef p = provisioner(provs.get(i), JsonPath.ROOT.key("provisioners").index(i), names);
            if (p != null) {
                provisioners.add(p);
            }
        }
        ProvisionerDef cleanup = root.has("error-cleanup-provisioner")
                ? provisioner(root.get("error-cleanup-provisioner"), JsonPath.ROOT.key("error-cleanup-provisioner"), names)
                : null;
        List<List<PostProcessorDef>> chains = postProcessors(root, names, nested);
        String description = root.path("description").asString(null);
        String minVersion = root.path("min_packer_version").asString(null);
        checkMinVersion(minVersion);
        return new Template(doc, file, description, minVersion, variables, sensitive, builders, provisioners, cleanup,
                chains);
    }

    private void checkShape(JsonNode root, List<JsonPath> nested) {
        ConfigSchema schema = SchemaCatalog.instance().get(SchemaCatalog.TEMPLATE_SCHEMA);
        for (Problem p : new SchemaProblems(schema, origin, "a template").translate(schema.validate(root))) {
            if (nested.stream().noneMatch(n -> p.path() != null && p.path().startsWith(n.toString()))) {
                problems.add(p);
            }
        }
    }

    /** Packer forbids a sequence inside a sequence; say so plainly instead of "wrong type". */
    private List<JsonPath> nestedSequences(JsonNode root) {
        List<JsonPath> found = new ArrayList<>();
        JsonNode pps = array(root.path("post-processors"));
        for (int i = 0; i < pps.size(); i++) {
            JsonNode chain = pps.get(i);
            if (!chain.isArray()) {
                continue;
            }
            for (int j = 0; j < chain.size(); j++) {
                if (chain.get(j).isArray()) {
                    JsonPath at = JsonPath.ROOT.key("post-processors").index(i).index(j);
                    found.add(at);
                    error(at, "a post-processor sequence cannot contain another sequence",
                            "flatten it: list the post-processors of the inner array in the outer one");
                }
            }
        }
        return found;
    }

    private List<VariableDecl> variables(JsonNode root) {
        List<VariableDecl> out = new ArrayList<>();
        JsonNode vars = root.path("variables");
        if (!vars.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : vars.properties()) {
            JsonPath at = JsonPath.ROOT.key("variables").key(e.getKey());
            if (e.getKey().isEmpty()) {
                error(at, "a variable needs a name", null);
                continue;
            }
            out.add(new VariableDecl(e.getKey(), e.getValue(), at));
        }
        return out;
    }

    private List<String> sensitive(JsonNode root, List<VariableDecl> variables) {
        List<String> out = new ArrayList<>();
        JsonNode list = array(root.path("sensitive-variables"));
        List<String> declared = variables.stream().map(VariableDecl::name).toList();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isString()) {
                continue;
            }
            String name = list.get(i).asString();
            if (!declared.contains(name)) {
                // A typo here would print the secret in clear: refuse it.
                error(JsonPath.ROOT.key("sensitive-variables").index(i), "sensitive variable \"" + name
                        + "\" is not declared in \"variables\"" + DidYouMean.suffix(name, declared),
                        "declare it in \"variables\" or fix the name, so its value is masked");
            }
            out.add(name);
        }
        return out;
    }

    private List<BuilderDef> builders(JsonNode root) {
        List<BuilderDef> out = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        JsonNode list = array(root.path("builders"));
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            JsonPath at = JsonPath.ROOT.key("builders").index(i);
            if (!b.isObject() || !b.path("type").isString()) {
                continue; // reported by the schema
            }
            String type = b.get("type").asString();
            String name = b.path("name").isString() ? b.get("name").asString() : type;
            if (name.isEmpty()) {
                error(at.key("name"), "a build name cannot be empty", "remove \"name\" to use the type, or give a name");
                continue;
            }
            JsonPath first = seen.putIfAbsent(name, at);
            if (first != null) {
                error(b.has("name") ? at.key("name") : at, "two builds are named \"" + name + "\" (the other is " + first
                        + ")", "give each builder a unique \"name\"");
                continue;
            }
            out.add(new BuilderDef(i, name, type, withoutKeys((ObjectNode) b, BUILDER_META), at));
        }
        return out;
    }

    private ProvisionerDef provisioner(JsonNode p, JsonPath at, List<String> names) {
        if (!p.isObject() || !p.path("type").isString()) {
            return null;
        }
        List<String> only = names(p, "only", at, names);
        List<String> except = names(p, "except", at, names);
        if (p.has("only") && p.has("except")) {
            error(at.key("except"), "only one of \"only\" and \"except\" may be set", "keep the one that lists fewer builds");
        }
        Map<String, ObjectNode> overrides = new LinkedHashMap<>();
        JsonNode ov = p.path("override");
        if (ov.isObject()) {
            for (Map.Entry<String, JsonNode> e : ov.properties()) {
                if (!names.contains(e.getKey())) {
                    error(at.key("override").key(e.getKey()), "override names build \"" + e.getKey()
                            + "\", which does not exist" + DidYouMean.suffix(e.getKey(), names),
                            "the builds are: " + String.join(", ", names));
                } else if (e.getValue().isObject()) {
                    overrides.put(e.getKey(), (ObjectNode) e.getValue());
                }
            }
        }
        return new ProvisionerDef(p.get("type").asString(), withoutKeys((ObjectNode) p, PROVISIONER_META), only, except,
                overrides, text(p.get("pause_before")), text(p.get("max_retries")), text(p.get("timeout")), at);
    }

    private List<List<PostProcessorDef>> postProcessors(JsonNode root, List<String> names, List<JsonPath> nested) {
        List<List<PostProcessorDef>> chains = new ArrayList<>();
        JsonNode list = array(root.path("post-processors"));
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            JsonPath at = JsonPath.ROOT.key("post-processors").index(i);
            List<PostProcessorDef> chain = new ArrayList<>();
            if (item.isArray()) {
                for (int j = 0; j < item.size(); j++) {
                    PostProcessorDef d = postProcessor(item.get(j), at.index(j), names);
                    if (d != null) {
                        chain.add(d);
                    }
                }
            } else {
                PostProcessorDef d = postProcessor(item, at, names);
                if (d != null) {
                    chain.add(d);
                }
            }
            if (!chain.isEmpty()) {
                chains.add(chain);
            }
        }
        return chains;
    }

    private PostProcessorDef postProcessor(JsonNode p, JsonPath at, List<String> names) {
        if (p.isString()) {
            return new PostProcessorDef(p.asString(), null, ObjectNodes.empty(), List.of(), List.of(), null, at);
        }
        if (!p.isObject() || !p.path("type").isString()) {
            return null;
        }
        List<String> only = names(p, "only", at, names);
        List<String> except = names(p, "except", at, names);
        if (p.has("only") && p.has("except")) {
            error(at.key("except"), "only one of \"only\" and \"except\" may be set", "keep the one that lists fewer builds");
        }
        Boolean keep = p.path("keep_input_artifact").isBoolean() ? p.get("keep_input_artifact").asBoolean() : null;
        String name = p.path("name").isString() ? p.get("name").asString() : null;
        return new PostProcessorDef(p.get("type").asString(), name, withoutKeys((ObjectNode) p, POST_PROCESSOR_META), only,
                except, keep, at);
    }

    /** An only/except list; every entry must name (or match, as a glob) at least one build. */
    private List<String> names(JsonNode component, String key, JsonPath at, List<String> builds) {
        JsonNode list = array(component.path(key));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isString()) {
                continue;
            }
            String n = list.get(i).asString();
            Glob g = Glob.of(n);
            if (builds.stream().noneMatch(g::matches)) {
                error(at.key(key).index(i), "\"" + key + "\" names build \"" + n + "\", which does not exist"
                                + (g.isLiteral() ? DidYouMean.suffix(n, builds) : ""),
                        "the builds are: " + String.join(", ", builds));
            }
            out.add(n);
        }
        return out;
    }

    private void checkMinVersion(String min) {
        if (min == null) {
            return;
        }
        JsonPath at = JsonPath.ROOT.key("min_packer_version");
        int cmp;
        try {
            cmp = Versions.compare(min, Functions.PACKER_COMPAT_VERSION);
        } catch (IllegalArgumentException e) {
            error(at, "\"" + min + "\" is not a version", "write it like 1.5.0");
            return;
        }
        if (cmp > 0) {
            error(at, "this template requires Packer " + min + " or newer; imgbuild implements the template language of "
                            + "Packer " + Functions.PACKER_COMPAT_VERSION,
                    "if the template uses nothing newer than Packer " + Functions.PACKER_COMPAT_VERSION
                            + ", lower min_packer_version");
        }
    }

    private static ObjectNode withoutKeys(ObjectNode node, Set<String> meta) {
        ObjectNode copy = node.deepCopy();
        meta.forEach(copy::remove);
        return copy;
    }

    /**
     * The node when it is an array, else an empty one: the schema reports a list given as an object,
     * and indexing an object by position would yield null.
     */
    private static JsonNode array(JsonNode n) {
        return n.isArray() ? n : MissingNode.getInstance();
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainer()) {
            return null;
        }
        return n.asString();
    }

    private static String kindOf(JsonNode n) {
        if (n.isArray()) {
            return "an array";
        }
        if (n.isString()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        return n.isBoolean() ? "a boolean" : "null";
    }

    private void error(JsonPath at, String message, String hint) {
        problems.add(origin.error(at, true, message, hint));
    }
}
