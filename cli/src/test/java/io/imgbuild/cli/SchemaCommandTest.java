package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Corpus;
import io.imgbuild.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The assembled schema (for editors) is a valid draft 2020-12 schema that accepts the corpus
 * templates imgbuild accepts and flags a misspelt key, so an editor agrees with validate.
 */
class SchemaCommandTest {

    @Test
    void editorSchemaAgreesWithValidate(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.in(dir, "schema");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode schemaNode = Json.MAPPER.readTree(r.out());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
        Path corpus = Corpus.dir();
        List<String> rows = Files.readAllLines(corpus.resolve("expected.tsv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t");
            if (c.length < 3 || !c[2].equals("accept")) {
                continue;
            }
            JsonNode template = Json.MAPPER.readTree(Files.readString(corpus.resolve("templates/" + c[0] + ".json")));
            assertEquals(List.of(), schema.validate(template).stream().map(Object::toString).toList(), c[0]);
        }
        JsonNode typo = Json.MAPPER.readTree("{\"builders\": [{\"type\": \"null\", \"ssh_usrname\": \"x\"}]}");
        assertFalse(schema.validate(typo).isEmpty(), "an editor flags an unknown key");
        assertTrue(r.out().contains("\"builder.qemu\""), "plugins are included");
    }
}
