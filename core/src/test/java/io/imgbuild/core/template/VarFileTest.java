package io.imgbuild.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarFileTest {

    @TempDir
    Path dir;

    private final Problems problems = new Problems();

    private List<VariableInput> read(String text) throws Exception {
        Path f = dir.resolve("vars.json");
        Files.writeString(f, text);
        return VarFile.read("vars.json", f, problems);
    }

    @Test
    void readsScalarsInOrder() throws Exception {
        List<VariableInput> in = read("{\n \"region\": \"eu\",\n \"count\": 3,\n \"on\": true,\n \"none\": null\n}");
        assertTrue(problems.isEmpty(), problems.all()::toString);
        assertEquals(List.of("region=eu", "count=3", "on=true", "none="),
                in.stream().map(v -> v.name() + "=" + v.value()).toList());
        assertEquals("-var-file vars.json", in.get(0).origin());
        assertEquals("vars.json:3:2", in.get(1).location().toString());
    }

    @Test
    void aNestedValueIsALocatedError() throws Exception {
        List<VariableInput> in = read("{\"a\": \"x\",\n \"tags\": {\"k\": \"v\"}}");
        assertEquals(List.of("a"), in.stream().map(VariableInput::name).toList());
        Problem p = problems.errors().get(0);
        assertEquals("tags", p.path());
        assertEquals("vars.json:2:2", p.location().toString());
    }

    @Test
    void notAnObject() throws Exception {
        assertEquals(List.of(), read("[\"a\"]"));
        assertEquals("a var file must be a JSON object of names to values", problems.errors().get(0).message());
    }

    @Test
    void aSyntaxErrorIsLocated() throws Exception {
        assertEquals(List.of(), read("{\n \"a\": \"x\",\n}"));
        Problem p = problems.errors().get(0);
        assertEquals("vars.json:3:1", p.location().toString());
        assertTrue(p.message().contains("trailing comma"), p.message());
    }

    @Test
    void duplicateKeysAreReported() throws Exception {
        read("{\"a\": \"1\",\n \"a\": \"2\"}");
        assertEquals("duplicate key \"a\" (first at line 1)", problems.errors().get(0).message());
    }

    @Test
    void aMissingFile() {
        assertEquals(List.of(), VarFile.read("nope.json", dir.resolve("nope.json"), problems));
        assertEquals("cannot read var file nope.json: no such file", problems.errors().get(0).message());
    }
}
