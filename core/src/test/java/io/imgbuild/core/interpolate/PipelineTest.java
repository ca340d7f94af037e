package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static io.imgbuild.core.interpolate.Fixtures.onlyError;
import static io.imgbuild.core.interpolate.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pipes, chains of pipes, parentheses, and functions used as arguments. */
class PipelineTest {

    @Test
    void pipedValueBecomesTheLastArgument() throws TemplateException {
        // replace's source string is its 4th argument: the piped value fills it.
        assertEquals("Hello_World", render("{{ user `name` | replace `-` `_` -1 }}"));
    }

    @Test
    void pipesChain() throws TemplateException {
        assertEquals("HELLO_WORLD", render("{{ user `name` | replace_all `-` `_` | lower | upper }}"));
    }

    @Test
    void pipeIntoASplitPicksThePartOfThePipedIndex() throws TemplateException {
        // The piped value is the index here: split "a,b,c" "," (2).
        assertEquals("c", render("{{ 2 | split (user `csv`) `,` }}"));
    }

    @Test
    void parenthesesNest() throws TemplateException {
        assertEquals("WEST", render("{{ upper (split (lower (user `region`)) `-` 1) }}"));
    }

    @Test
    void parenthesesMayHoldAPipeline() throws TemplateException {
        assertEquals("hello_world!", render("{{ replace_all `-` `_` (user `name` | lower) }}!"));
    }

    @Test
    void parenthesizedValueMayStartAPipeline() throws TemplateException {
        assertEquals("hello-world", render("{{ (user `name`) | lower }}"));
    }

    @Test
    void functionNameAsAnArgumentIsCalledWithoutArguments() throws TemplateException {
        assertEquals("qemu-1", render("{{ lower build_name }}"));
        assertEquals("1614834367", render("{{ split timestamp `,` 0 }}"));
    }

    @Test
    void functionNameAsAnArgumentStillHasItsArityChecked() {
        assertError(onlyError("{{ lower user }}"), 9, 4, "user takes 1 argument, got 0");
    }

    @Test
    void arityErrorMentionsThePipedValue() {
        TemplateError e = onlyError("{{ user `name` | lower `x` }}");
        assertError(e, 17, 5, "lower takes 1 argument, got 2 (counting the piped value)");
        assertEquals("usage: {{ user `name` | lower }}", e.hint());
    }

    @Test
    void typeErrorOnThePipedValueSaysItIsTheLastArgument() {
        assertError(onlyError("{{ 3 | lower }}"), 3, 1,
                "argument 1 of lower must be a string, not a whole number (the piped value is the last argument)");
    }

    @Test
    void spacesAroundPipesAreOptional() throws TemplateException {
        assertEquals("hello-world", render("{{user `name`|lower}}"));
    }

    @Test
    void actionsMaySpanLines() throws TemplateException {
        assertEquals("HELLO-WORLD", render("{{ user `name`\n   | upper }}"));
    }

    @Test
    void errorsInsideNestedCallsPointAtTheInnerToken() {
        assertError(onlyError("{{ upper (lower (usr `name`)) }}"), 17, 3, "unknown function \"usr\"");
    }
}
