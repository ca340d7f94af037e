package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain text, escaping of braces, and the literals an action can hold. */
class TextAndLiteralsTest {

    @Test
    void textWithoutActionsIsReturnedAsTheSameInstance() throws TemplateException {
        String text = "no actions here, just {single} braces";
        assertSame(text, render(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "{ }", "}}", "a }} b", "{x}", "{ {", "} }}}", "json: {\"a\": 1}"})
    void singleBracesAndStrayClosingBracesAreText(String text) throws TemplateException {
        assertEquals(text, render(text));
        assertEquals(text + " !", render(text + " {{ \"!\" }}"));
    }

    @Test
    void aBraceRightBeforeAnActionBelongsToTheActionAsInGo() {
        // "{{{" opens an action whose first character is "{": an error in Go too.
        Fixtures.assertError(Fixtures.onlyError("{{{ `x` }}"), 2, 1, "unexpected character \"{\"");
    }

    @Test
    void aBraceRightAfterAnActionIsText() throws TemplateException {
        assertEquals("{ x}", render("{ {{ `x` }}}"));
        assertEquals("x}", render("{{ `x` }}}"));
    }

    @Test
    void quotedOpeningBracesPrintLiterally() throws TemplateException {
        assertEquals("{{", render("{{\"{{\"}}"));
        assertEquals("{{ .Name }}", render("{{\"{{\"}} .Name }}"));
        assertEquals("}}", render("{{\"}}\"}}"));
        assertEquals("{{user `x`}}", render("{{`{{user `}}`x`{{`}}`}}"));
    }

    @Test
    void rawStringsKeepQuotesAndBackslashesAsTyped() throws TemplateException {
        assertEquals("say \"hi\"", render("{{`say \"hi\"`}}"));
        assertEquals("C:\\temp\\n", render("{{`C:\\temp\\n`}}"));
        assertEquals("two\nlines", render("{{`two\nlines`}}"));
    }

    @Test
    void rawStringsDropCarriageReturnsAsGoDoes() throws TemplateException {
        assertEquals("a\nb", render("{{`a\r\nb`}}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "{{\"tab\\there\"}}            | 'tab\there'",
        "{{\"q\\\"uote\"}}             | 'q\"uote'",
        "{{\"back\\\\slash\"}}         | 'back\\slash'",
        "{{\"line\\nbreak\"}}          | 'line\nbreak'",
        "{{\"cr\\r\"}}                 | 'cr\r'",
        "{{\"\\u00e9t\\u00e9\"}}       | 'été'",
        "{{\"\\U0001F600\"}}           | '\uD83D\uDE00'",
        "{{\"\\x41\\102\"}}            | 'AB'",
        "{{\"bell\\a\\b\\f\\v\"}}      | 'bell\u0007\b\f\u000B'",
    })
    void doubleQuotedStringsUseGoEscapes(String template, String expected) throws TemplateException {
        assertEquals(expected, render(template));
    }

    @Test
    void numbersAndBooleansPrintAsGoPrintsThem() throws TemplateException {
        assertEquals("42", render("{{ 42 }}"));
        assertEquals("-3", render("{{ -3 }}"));
        assertEquals("7", render("{{ +7 }}"));
        assertEquals("true false", render("{{ true }} {{ false }}"));
    }

    @Test
    void aDashFollowedByADigitIsANegativeNumberNotATrimMarker() throws TemplateException {
        assertEquals("x -3", render("x {{-3}}"));
    }

    @Test
    void emptyStringRendersEmpty() throws TemplateException {
        assertEquals("", render(""));
        assertEquals("", render("{{ \"\" }}"));
    }

    @Test
    void unicodeTextAroundActionsIsKept() throws TemplateException {
        assertEquals("héllo → Hello-World ✓", render("héllo → {{ user `name` }} ✓"));
    }
}
