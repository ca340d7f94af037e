package io.imgbuild.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.LocatedDocument;
import io.imgbuild.core.json.LocatedJsonParser;
import io.imgbuild.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** anyOf alternatives folded into one message, exercised through the template schema's post-processors. */
class SchemaProblemsAlternativesTest {

    private static List<Problem> check(String postProcessors) throws Exception {
        String text = "{\"builders\": [{\"type\": \"null\"}],\n \"post-processors\": " + postProcessors + "}";
        LocatedDocument doc = LocatedJsonParser.parse("t.json", text).document();
        ConfigSchema schema = SchemaCatalog.instance().get(SchemaCatalog.TEMPLATE_SCHEMA);
        return new SchemaProblems(schema, new ConfigOrigin(JsonPath.ROOT, doc), "a template")
                .translate(schema.validate(doc.root()));
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void aNumberGetsOneMessageListingEveryAcceptedForm() throws Exception {
        List<Problem> problems = check("[5]");
        assertEquals(List.of("post-processors[0]: expected a string, an object or an array, got an integer"),
                messages(problems));
        assertEquals("t.json:2:22", problems.get(0).location().toString());
    }

    @Test
    void anObjectWithoutTypeSaysTypeIsMissing() throws Exception {
        assertEquals(List.of("post-processors[0].type: missing required key \"type\""),
                messages(check("[{\"output\": \"x\"}]")));
    }

    @Test
    void insideASequenceTheDeeperComplaintWins() throws Exception {
        assertEquals(List.of("post-processors[0][1]: expected a string or an object, got an integer"),
                messages(check("[[\"manifest\", 3]]")));
    }

    @Test
    void aWrongMetaKeyTypeInsideTheObjectForm() throws Exception {
        assertEquals(List.of("post-processors[0].keep_input_artifact: expected true or false, got a string"),
                messages(check("[{\"type\": \"compress\", \"keep_input_artifact\": \"yes\"}]")));
    }

    @Test
    void validFormsHaveNoProblems() throws Exception {
        assertEquals(List.of(), check("[\"manifest\", {\"type\": \"compress\"}, [\"checksum\", {\"type\": \"manifest\"}]]"));
    }

    @Test
    void typeWords() {
        assertEquals("a string", SchemaProblems.typeWords("string"));
        assertEquals("an integer or a string", SchemaProblems.typeWords("[integer, string]"));
        assertEquals("a string, an object or an array", SchemaProblems.typeWords("string, object, array"));
        assertEquals("true or false", SchemaProblems.article("boolean"));
    }
}
