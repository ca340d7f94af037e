package io.imgbuild.core.config;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.JsonSyntaxException;
import io.imgbuild.core.json.LocatedDocument;
import io.imgbuild.core.json.LocatedJsonParser;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.ConfigSchema;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.secret.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the test-only widget builder schema through the real pipeline, as the second builder of a
 * template, so problems have real paths ({@code builders[1].memory}) and real locations.
 */
final class WidgetFixture {

    static final String SCHEMA = SchemaCatalog.ROOT + "builder/widget.schema.json";
    /** The keys every widget needs. */
    static final String REQUIRED = "\"source\": \"s\", \"ssh_username\": \"u\"";

    final Problems problems = new Problems();
    final ComponentConfig config;
    final LocatedDocument document;

    WidgetFixture(Path workingDir, Secrets secrets, String keysJson) {
        // Line 1: {"builders": [{"type": "null"},
        // Line 2: {"type": "widget", <keysJson>}]}
        String text = "{\"builders\": [{\"type\": \"null\"},\n{\"type\": \"widget\", " + keysJson + "}]}";
        try {
            LocatedJsonParser.Result r = LocatedJsonParser.parse("t.json", text);
            if (!r.problems().isEmpty()) {
                throw new AssertionError("bad test input: " + r.problems());
            }
            document = r.document();
        } catch (JsonSyntaxException e) {
            throw new AssertionError(e);
        }
        ObjectNode raw = ((ObjectNode) document.root().get("builders").get(1)).deepCopy();
        raw.remove("type");
        ConfigSchema schema = SchemaCatalog.instance().get(SCHEMA);
        InterpolationContext ctx = InterpolationContext.builder()
                .declaredVariables(Map.of("mem", "2048", "yes", "true", "host", "example.org"))
                .env(Map.of())
                .workingDir(workingDir)
                .templateDir(workingDir)
                .buildName("w1")
                .buildType("widget")
                .build();
        config = new ConfigPipeline(secrets).run(ComponentKind.BUILDER, "widget", raw,
                new ConfigOrigin(JsonPath.ROOT.key("builders").index(1), document), schema, ctx, "the widget builder",
                problems);
    }

    static WidgetFixture run(Path workingDir, String keysJson) {
        return new WidgetFixture(workingDir, new Secrets(), keysJson);
    }

    /** Column of the first occurrence of {@code needle} on line 2, 1-based. */
    int columnOf(String needle) {
        String line2 = document.text().split("\n")[1];
        int i = line2.indexOf(needle);
        if (i < 0) {
            throw new AssertionError(needle + " not on line 2: " + line2);
        }
        return i + 1;
    }

    List<String> errors() {
        return problems.errors().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    Problem onlyError() {
        List<Problem> errors = problems.errors();
        if (errors.size() != 1) {
            throw new AssertionError("expected one error, got " + problems.all());
        }
        return errors.get(0);
    }
}
