package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static io.imgbuild.core.interpolate.Fixtures.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unknown and deliberately unsupported function names. */
class FunctionNamesTest {

    @Test
    void theSupportedFunctionsAreExactlyThese() {
        assertEquals(Set.of("build", "build_name", "build_type", "clean_resource_name", "env", "isotime", "lower",
                "packer_version", "pwd", "replace", "replace_all", "split", "template_dir", "timestamp", "upper",
                "user", "uuid"), Functions.names());
    }

    @Test
    void unknownFunctionSuggestsTheClosestName() {
        TemplateError e = onlyError("a {{ frobnicate }}");
        assertError(e, 5, 10, "unknown function \"frobnicate\"");
        assertTrue(e.hint().startsWith("available functions: build, build_name"), e.hint());
    }

    @ParameterizedTest
    @CsvSource({
        "uper, upper",
        "timestmp, timestamp",
        "isotme, isotime",
        "replaceall, replace_all",
        "clean_resourcename, clean_resource_name",
        "Lower, lower",
        "buildname, build_name",
    })
    void misspeltFunctionsGetADidYouMean(String typo, String meant) {
        TemplateError e = onlyError("{{ " + typo + " }}");
        assertEquals("unknown function \"" + typo + "\" (did you mean \"" + meant + "\"?)", e.message());
    }

    @Test
    void farOffNamesGetNoSuggestion() {
        assertEquals("unknown function \"printf\"", onlyError("{{ printf `x` }}").message());
    }

    @Test
    void sedPointsToReplace() {
        TemplateError e = onlyError("{{ sed `s/a/b/` `abc` }}");
        assertError(e, 3, 3, "sed is not supported by imgbuild");
        assertTrue(e.message().contains("replace or replace_all"), e.message());
    }

    @ParameterizedTest
    @CsvSource({
        "consul_key, consul kv get",
        "vault, vault kv get",
        "aws_secretsmanager, aws secretsmanager get-secret-value",
    })
    void secretStoreFunctionsAreNotSupportedAndSayWhatToDo(String name, String hintFragment) {
        TemplateError e = onlyError("{{ " + name + " `a` }}");
        assertError(e, 3, name.length(), name + " is not supported by imgbuild");
        assertTrue(e.hint().contains(hintFragment) && e.hint().contains("-var"), e.hint());
    }

    @Test
    void strftimePointsToIsotime() {
        TemplateError e = onlyError("{{ strftime `%Y` }}");
        assertError(e, 3, 8, "strftime is not supported by imgbuild: use isotime");
        assertTrue(e.hint().contains("isotime \"2006-01-02"), e.hint());
    }

    @Test
    void builderSpecificCleanFunctionsPointToCleanResourceName() {
        assertError(onlyError("{{ clean_ami_name `a` }}"), 3, 14, "use clean_resource_name");
    }

    @Test
    void argumentsOfAnUnknownFunctionAreStillChecked() {
        List<TemplateError> errors = Interpolator.check("{{ nope (user `missing`) }}", Fixtures.CTX);
        assertEquals(List.of("unknown function \"nope\"", "undeclared variable \"missing\": declare it in \"variables\""),
                errors.stream().map(TemplateError::message).toList());
    }
}
