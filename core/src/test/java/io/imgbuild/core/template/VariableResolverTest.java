package io.imgbuild.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.problem.SourceLocation;
import io.imgbuild.core.secret.Secrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableResolverTest {

    private static final InterpolationContext BASE = InterpolationContext.builder()
            .env(Map.of("MY_HOME", "/home/me", "EMPTY", "")).build();

    private Problems problems;
    private final Secrets secrets = new Secrets();

    private Map<String, String> resolve(String variablesJson, List<VariableInput> inputs) {
        return resolve(variablesJson, "", inputs);
    }

    private Map<String, String> resolve(String variablesJson, String extraRoot, List<VariableInput> inputs) {
        TemplateFixture f = TemplateFixture.parse("{\"variables\": " + variablesJson + extraRoot
                + ", \"builders\": [{\"type\": \"null\"}]}");
        problems = f.problems;
        assertTrue(problems.isEmpty(), problems.all()::toString);
        return VariableResolver.resolve(f.template, inputs, BASE, secrets, problems);
    }

    private static VariableInput var(String name, String value) {
        return new VariableInput(name, value, "-var", null);
    }

    private static VariableInput fileVar(String name, String value) {
        return new VariableInput(name, value, "-var-file v.json", new SourceLocation("v.json", 1, 2));
    }

    @Test
    void defaultsOfEveryScalarKind() {
        Map<String, String> v = resolve("{\"s\": \"x\", \"n\": 3, \"f\": 1.5, \"b\": true, \"e\": \"\"}", List.of());
        assertEquals(Map.of("s", "x", "n", "3", "f", "1.5", "b", "true", "e", ""), v);
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void envIsAllowedInDefaults() {
        Map<String, String> v = resolve("{\"home\": \"{{env `MY_HOME`}}/x\", \"none\": \"{{env `NOT_SET_ANYWHERE`}}\"}",
                List.of());
        assertEquals("/home/me/x", v.get("home"));
        assertEquals("", v.get("none"));
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void aDefaultMayUseAnotherVariableDeclaredLater() {
        Map<String, String> v = resolve("{\"name\": \"{{user `base`}}-{{user `ver`}}\", \"base\": \"debian\", "
                + "\"ver\": \"12\"}", List.of(var("ver", "13")));
        assertEquals("debian-13", v.get("name"));
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void aCycleIsAnError() {
        Map<String, String> v = resolve("{\"a\": \"{{user `b`}}\", \"b\": \"x{{user `a`}}\"}", List.of());
        List<Problem> errors = problems.errors();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).message().contains("refers to itself"), errors.get(0).message());
        assertTrue(errors.get(0).path().startsWith("variables."), errors.get(0).path());
        assertEquals(2, v.size());
    }

    @Test
    void aSelfReferenceIsACycle() {
        resolve("{\"a\": \"{{user `a`}}\"}", List.of());
        assertEquals(List.of("variable \"a\" refers to itself through other variables"),
                problems.errors().stream().map(Problem::message).toList());
    }

    @Test
    void requiredVariableMissing() {
        Map<String, String> v = resolve("{\"region\": null}", List.of());
        Problem p = problems.errors().get(0);
        assertEquals("variables.region", p.path());
        assertEquals("required variable \"region\" is not set", p.message());
        assertEquals("t.json:1:16", p.location().toString());
        assertEquals("", v.get("region"));
    }

    @Test
    void requiredVariableGivenIsFine() {
        Map<String, String> v = resolve("{\"region\": null}", List.of(var("region", "eu-west-1")));
        assertEquals("eu-west-1", v.get("region"));
        assertTrue(problems.isEmpty());
    }

    @Test
    void theLaterInputWinsWhateverItsKind() {
        String vars = "{\"greeting\": \"default\"}";
        assertEquals("file", resolve(vars, List.of(var("greeting", "cli"), fileVar("greeting", "file"))).get("greeting"));
        assertEquals("cli", resolve(vars, List.of(fileVar("greeting", "file"), var("greeting", "cli"))).get("greeting"));
        assertEquals("two", resolve(vars, List.of(var("greeting", "one"), var("greeting", "two"))).get("greeting"));
    }

    @Test
    void anInputIsNotInterpolated() {
        assertEquals("{{user `x`}}", resolve("{\"a\": \"\", \"x\": \"1\"}", List.of(var("a", "{{user `x`}}"))).get("a"));
    }

    @Test
    void anUndeclaredInputIsAWarning() {
        Map<String, String> v = resolve("{\"region\": \"x\"}", List.of(fileVar("regoin", "y")));
        assertFalse(problems.hasErrors());
        Problem w = problems.warnings().get(0);
        assertEquals("-var-file v.json sets variable \"regoin\", which the template does not declare; did you mean "
                + "\"region\"?", w.message());
        assertEquals("v.json:1:2", w.location().toString());
        assertEquals(Map.of("region", "x"), v);
    }

    @Test
    void sensitiveValuesAreRegistered() {
        resolve("{\"password\": \"hunter22\", \"token\": null, \"plain\": \"visible\"}",
                ", \"sensitive-variables\": [\"password\", \"token\"]", List.of(var("token", "t0ken-value")));
        assertEquals("pw <sensitive> tok <sensitive> visible", secrets.mask("pw hunter22 tok t0ken-value visible"));
    }

    @Test
    void aBadFunctionInADefaultIsLocatedInTheString() {
        resolve("{\n  \"a\": \"abc {{ nosuchfunc }}\"\n}", List.of());
        Problem p = problems.errors().get(0);
        assertEquals("variables.a", p.path());
        assertEquals(2, p.location().line());
        assertEquals("  \"a\": \"abc {{ ".length() + 1, p.location().column(), p::format); // at the function name
    }
}
