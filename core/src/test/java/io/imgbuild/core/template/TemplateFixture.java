package io.imgbuild.core.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.json.JsonSyntaxException;
import io.imgbuild.core.json.LocatedJsonParser;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import java.util.List;

/** Parses template text the way the CLI does and keeps the problems. */
final class TemplateFixture {

    final Problems problems = new Problems();
    final Template template;

    private TemplateFixture(String json) {
        try {
            LocatedJsonParser.Result r = LocatedJsonParser.parse("t.json", json);
            r.problems().forEach(problems::add);
            template = TemplateParser.parse(r.document(), null, problems);
        } catch (JsonSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static TemplateFixture parse(String json) {
        return new TemplateFixture(json);
    }

    /** Parses a template that must have no problems at all. */
    static Template valid(String json) {
        TemplateFixture f = new TemplateFixture(json);
        assertTrue(f.problems.isEmpty(), () -> "unexpected problems: " + f.problems.all());
        return f.template;
    }

    /** "path: message" for every error. */
    List<String> errors() {
        return problems.errors().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    /** The one error whose path is {@code path}. */
    Problem errorAt(String path) {
        List<Problem> at = problems.errors().stream().filter(p -> path.equals(p.path())).toList();
        if (at.size() != 1) {
            throw new AssertionError("expected one error at " + path + ", got " + problems.all());
        }
        return at.get(0);
    }
}
