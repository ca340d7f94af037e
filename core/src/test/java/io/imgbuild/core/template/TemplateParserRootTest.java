package io.imgbuild.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Root keys, comments, builders present, and min_packer_version. */
class TemplateParserRootTest {

    private static final String NULL_BUILDER = "\"builders\": [{\"type\": \"null\"}]";

    @Test
    void unknownRootKeyWithDidYouMean() {
        TemplateFixture f = TemplateFixture.parse("{" + NULL_BUILDER + ",\n \"provisoners\": []}");
        Problem p = f.errorAt("provisoners");
        assertEquals("unknown key \"provisoners\"; did you mean \"provisioners\"?", p.message());
        assertEquals("t.json:2:2", p.location().toString());
        assertEquals(1, f.problems.errors().size(), f.problems.all()::toString);
    }

    @Test
    void stringCommentsAreAllowedAtTheRoot() {
        Template t = TemplateFixture.valid("{\"_comment\": \"built nightly\", \"_\": \"x\", " + NULL_BUILDER + "}");
        assertEquals(List.of("null"), t.buildNames());
    }

    @Test
    void aCommentMustBeAString() {
        TemplateFixture f = TemplateFixture.parse("{\"_comment\": 5, " + NULL_BUILDER + "}");
        Problem p = f.errorAt("_comment");
        assertEquals("expected a string, got an integer", p.message());
        assertEquals(1, f.problems.errors().size(), f.problems.all()::toString);
    }

    @Test
    void buildersAreRequired() {
        TemplateFixture f = TemplateFixture.parse("{\"description\": \"x\"}");
        assertEquals(List.of("builders: missing required key \"builders\""), f.errors());
        Problem p = f.problems.errors().get(0);
        assertEquals("add \"builders\": the machines to build, one build each.", p.hint());
        assertEquals("t.json:1:1", p.location().toString());
    }

    @Test
    void buildersCannotBeEmpty() {
        TemplateFixture f = TemplateFixture.parse("{\"builders\": []}");
        assertEquals(List.of("builders: needs at least 1 item"), f.errors());
    }

    @Test
    void aBuilderNeedsAType() {
        TemplateFixture f = TemplateFixture.parse("{\"builders\": [{\"name\": \"x\"}]}");
        assertEquals(List.of("builders[0].type: missing required key \"type\""), f.errors());
    }

    @Test
    void buildersGivenAsAnObjectIsAnErrorNotACrash() {
        TemplateFixture f = TemplateFixture.parse("{\"builders\": {\"type\": \"null\"}}");
        assertEquals(List.of("builders: expected an array, got an object"), f.errors());
    }

    @Test
    void listsGivenAsObjectsAreErrorsNotCrashes() {
        TemplateFixture f = TemplateFixture.parse("{" + NULL_BUILDER + ", \"provisioners\": {\"type\": \"shell\"},"
                + " \"post-processors\": {\"type\": \"manifest\"}, \"sensitive-variables\": {\"a\": \"b\"}}");
        assertEquals(3, f.problems.errors().size(), f.problems.all()::toString);
        assertEquals("expected an array, got an object", f.errorAt("provisioners").message());
        assertEquals("expected an array, got an object", f.errorAt("post-processors").message());
        assertEquals("expected an array, got an object", f.errorAt("sensitive-variables").message());
        assertTrue(f.template.provisioners().isEmpty());
        assertTrue(f.template.postProcessors().isEmpty());
    }

    @Test
    void aTemplateMustBeAnObject() {
        TemplateFixture f = TemplateFixture.parse("[{\"type\": \"null\"}]");
        assertNull(f.template);
        assertEquals(List.of(": a template must be a JSON object, not an array"), f.errors());
    }

    @Test
    void olderMinPackerVersionIsFine() {
        for (String v : List.of("1.5.0", "1.6.6", "v1.2", "1", "1.6.6-rc1")) {
            Template t = TemplateFixture.valid("{\"min_packer_version\": \"" + v + "\", " + NULL_BUILDER + "}");
            assertEquals(v, t.minPackerVersion());
        }
    }

    @Test
    void newerMinPackerVersionIsRejected() {
        for (String v : List.of("1.6.7", "1.10.0", "9.0.0")) {
            TemplateFixture f = TemplateFixture.parse("{\"min_packer_version\": \"" + v + "\", " + NULL_BUILDER + "}");
            Problem p = f.errorAt("min_packer_version");
            assertTrue(p.message().startsWith("this template requires Packer " + v + " or newer"), p.message());
        }
    }

    @Test
    void garbageMinPackerVersionIsRejected() {
        for (String v : List.of("banana", "1.x", "1.2.3.4", "")) {
            TemplateFixture f = TemplateFixture.parse("{\"min_packer_version\": \"" + v + "\", " + NULL_BUILDER + "}");
            assertEquals("\"" + v + "\" is not a version", f.errorAt("min_packer_version").message());
        }
    }

    @Test
    void descriptionAndVariablesAreRead() {
        Template t = TemplateFixture.valid("{\"description\": \"d\", \"variables\": {\"a\": \"x\", \"b\": null, \"c\": 3},"
                + " " + NULL_BUILDER + "}");
        assertEquals("d", t.description());
        assertEquals(List.of("a", "b", "c"), t.variables().stream().map(VariableDecl::name).toList());
        assertTrue(t.variables().get(1).required());
        assertEquals("variables.c", t.variables().get(2).path().toString());
    }

    @Test
    void sensitiveVariableMustBeDeclared() {
        TemplateFixture f = TemplateFixture.parse("{\"variables\": {\"password\": \"\"}, \"sensitive-variables\": "
                + "[\"pasword\"], " + NULL_BUILDER + "}");
        Problem p = f.errorAt("sensitive-variables[0]");
        assertEquals("sensitive variable \"pasword\" is not declared in \"variables\"; did you mean \"password\"?",
                p.message());
    }
}
