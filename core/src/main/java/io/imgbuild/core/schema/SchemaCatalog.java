package io.imgbuild.core.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.imgbuild.core.json.JsonSyntaxException;
import io.imgbuild.core.json.LocatedJsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads config schemas from the classpath (each plugin ships its own), merges the fragments they
 * include and compiles them once per JVM. Loading is lazy so {@code validate} only pays for the
 * plugins a template uses.
 */
public final class SchemaCatalog {

    public static final String ROOT = "io/imgbuild/schema/";
    public static final String TEMPLATE_SCHEMA = ROOT + "template.schema.json";
    private static final Set<String> EXTENSIONS = Set.of("x-include", "x-type", "x-sensitive", "x-build-vars",
            "x-path", "x-deprecated", "x-unsupported");
    private static final SchemaCatalog INSTANCE = new SchemaCatalog();

    private final Map<String, ConfigSchema> compiled = new ConcurrentHashMap<>();
    private volatile SchemaRegistry registry;

    private SchemaCatalog() {
    }

    public static SchemaCatalog instance() {
        return INSTANCE;
    }

    /** The schema at a classpath resource, fragments merged in, compiled. */
    public ConfigSchema get(String resource) {
        return compiled.computeIfAbsent(resource, r -> {
            ObjectNode expanded = expanded(r);
            Schema schema = registry().getSchema(expanded);
            return new ConfigSchema(r, expanded, schema);
        });
    }

    /** Whether a schema resource exists on the classpath. */
    public boolean exists(String resource) {
        return classLoader().getResource(resource) != null;
    }

    /** The schema with its {@code x-include} fragments merged (a fresh copy the caller may change). */
    public ObjectNode expanded(String resource) {
        ObjectNode node = load(resource);
        JsonNode includes = node.remove("x-include");
        if (includes == null) {
            return node;
        }
        for (JsonNode inc : includes) {
            ObjectNode fragment = expanded(ROOT + "fragment/" + inc.asString() + ".schema.json");
            merge(node, fragment, "properties");
            merge(node, fragment, "$defs");
            mergeRequired(node, fragment);
        }
        return node;
    }

    /** The plugin's own entries win over the fragment's. */
    private static void merge(ObjectNode target, ObjectNode fragment, String section) {
        JsonNode from = fragment.get(section);
        if (from == null) {
            return;
        }
        ObjectNode into = target.has(section) ? (ObjectNode) target.get(section) : target.putObject(section);
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = from.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!into.has(e.getKey())) {
                merged.set(e.getKey(), e.getValue());
            }
        }
        into.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        target.set(section, merged);
    }

    private static void mergeRequired(ObjectNode target, ObjectNode fragment) {
        JsonNode from = fragment.get("required");
        if (from == null) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        target.path("required").forEach(n -> names.add(n.asString()));
        from.forEach(n -> names.add(n.asString()));
        ArrayNode req = target.putArray("required");
        names.forEach(req::add);
    }

    private ObjectNode load(String resource) {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource not found on the classpath: " + resource);
            }
            // Our own tree reader, not a data-binding mapper: much cheaper to start for validate.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (ObjectNode) LocatedJsonParser.parse(resource, text).document().root();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("schema resource " + resource + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : SchemaCatalog.class.getClassLoader();
    }

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    Dialect.Builder b = Dialect.builder(Dialects.getDraft202012());
                    EXTENSIONS.forEach(k -> b.keyword(new NonValidationKeyword(k)));
                    registry = SchemaRegistry.withDialect(b.build());
                }
                r = registry;
            }
        }
        return r;
    }
}
