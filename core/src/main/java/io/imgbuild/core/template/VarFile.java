package io.imgbuild.core.template;

import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.JsonSyntaxException;
import io.imgbuild.core.json.LocatedDocument;
import io.imgbuild.core.json.LocatedJsonParser;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.problem.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads a {@code -var-file}: a flat JSON object of variable names to values. */
public final class VarFile {

    private VarFile() {
    }

    public static List<VariableInput> read(String shownName, Path file, Problems problems) {
        String origin = "-var-file " + shownName;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(Problem.error(null, null, "cannot read var file " + shownName + ": " + describe(e),
                    "check the path given to -var-file"));
            return List.of();
        }
        LocatedDocument doc;
        try {
            LocatedJsonParser.Result r = LocatedJsonParser.parse(shownName, text);
            r.problems().forEach(problems::add);
            doc = r.document();
        } catch (JsonSyntaxException e) {
            problems.add(Problem.error(null, e.error().location(), e.error().message(), null));
            return List.of();
        }
        if (!doc.root().isObject()) {
            problems.add(Problem.error("", doc.locate(JsonPath.ROOT), "a var file must be a JSON object of names to values",
                    "write it like {\"region\": \"eu-west-1\"}"));
            return List.of();
        }
        List<VariableInput> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : doc.root().properties()) {
            JsonPath at = JsonPath.ROOT.key(e.getKey());
            SourceLocation loc = doc.locate(at);
            JsonNode v = e.getValue();
            if (v.isContainer()) {
                problems.add(Problem.error(at.toString(), loc, "a variable's value must be a string, number or boolean",
                        "JSON templates have string variables only"));
                continue;
            }
            out.add(new VariableInput(e.getKey(), v.isNull() ? "" : v.asString(), origin, loc));
        }
        return out;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
