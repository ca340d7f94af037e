package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.CTX;
import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static io.imgbuild.core.interpolate.Fixtures.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Syntax errors: where they are reported and what they say. */
class SyntaxErrorTest {

    @Test
    void unclosedActionPointsAtItsOpeningBraces() {
        TemplateError e = onlyError("echo {{user `x`");
        assertError(e, 5, 2, "unclosed action");
        assertTrue(e.hint().contains("}}"));
    }

    @Test
    void unclosedActionWinsOverAStrayQuoteInsideIt() {
        assertError(onlyError("echo {{user `x``"), 5, 2, "unclosed action");
    }

    @Test
    void actionLeftOpenBeforeTheNextOneIsReportedAndTheNextOneStillChecked() {
        List<TemplateError> errors = Fixtures.renderErrors("{{ user `name` and {{ nope }}");
        assertEquals(2, errors.size(), errors::toString);
        assertError(errors.get(0), 0, 2, "unclosed action");
        assertError(errors.get(1), 22, 4, "unknown function \"nope\"");
    }

    @Test
    void unterminatedDoubleQuotedStringPointsAtTheQuote() {
        TemplateError e = onlyError("a {{ \"abc }} b");
        assertError(e, 5, 1, "unterminated string");
    }

    @Test
    void doubleQuotedStringsCannotSpanLines() {
        assertError(onlyError("{{ \"one\ntwo\" }}"), 3, 1, "unterminated string");
    }

    @Test
    void unterminatedRawStringPointsAtTheBacktick() {
        assertError(onlyError("{{ `abc }} tail"), 3, 1, "unterminated raw string");
    }

    @Test
    void badEscapePointsAtTheBackslash() {
        TemplateError e = onlyError("{{ \"ok \\q\" }}");
        assertError(e, 7, 2, "unknown escape sequence \\q");
        assertNotNull(e.hint());
    }

    @Test
    void shortUnicodeEscapeIsReported() {
        assertError(onlyError("{{ \"\\u12\" }}"), 4, 4, "expected \\uHHHH");
    }

    @Test
    void byteEscapesAboveAsciiAreRejected() {
        assertError(onlyError("{{ \"\\xff\" }}"), 4, 4, "above \\x7f");
    }

    @Test
    void surrogateEscapesAreRejected() {
        assertError(onlyError("{{ \"\\ud800\" }}"), 4, 6, "not a valid Unicode code point");
    }

    @ParameterizedTest
    @ValueSource(strings = {"if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"})
    void controlStructuresAreRejectedByName(String keyword) {
        assertError(onlyError("x {{ " + keyword + " `a` }}"), 5, keyword.length(),
                "control structures such as `" + keyword + "` are not supported in imgbuild templates");
    }

    @Test
    void templateVariablesAreRejected() {
        assertError(onlyError("{{ $x := `a` }}"), 3, 2, "template variables such as `$x` are not supported");
    }

    @Test
    void bareDotIsNotSupported() {
        assertError(onlyError("{{ . }}"), 3, 1, "not supported");
    }

    @Test
    void nestedFieldsAreNotSupported() {
        assertError(onlyError("{{ .Build.Name }}"), 3, 11, "nested field references");
    }

    @Test
    void nilIsNotSupported() {
        assertError(onlyError("{{ nil }}"), 3, 3, "nil is not supported");
    }

    @Test
    void emptyActionSpansTheWholeAction() {
        assertError(onlyError("a {{  }} b"), 2, 6, "empty action");
    }

    @Test
    void argumentsMustBeSeparatedBySpaces() {
        assertError(onlyError("{{ lower\"A\" }}"), 8, 3, "missing space between \"lower\" and \"A\"");
    }

    @Test
    void onlyFunctionsTakeArguments() {
        assertError(onlyError("{{ \"a\" \"b\" }}"), 7, 3, "only functions take arguments");
        assertError(onlyError("{{ (lower \"A\") \"b\" }}"), 15, 3, "only functions take arguments");
    }

    @Test
    void onlyFunctionsMayFollowAPipe() {
        assertError(onlyError("{{ \"a\" | \"b\" }}"), 9, 3, "only a function can follow \"|\"");
    }

    @Test
    void pipeNeedsAValueBeforeAndAFunctionAfter() {
        assertError(onlyError("{{ | lower }}"), 3, 1, "missing value before \"|\"");
        assertError(onlyError("{{ lower `A` | }}"), 13, 1, "missing function after \"|\"");
    }

    @Test
    void parenthesesMustBalanceAndHoldSomething() {
        assertError(onlyError("{{ (lower `A` }}"), 3, 1, "unclosed \"(\"");
        assertError(onlyError("{{ lower `A`) }}"), 12, 1, "unexpected \")\"");
        assertError(onlyError("{{ ( ) }}"), 3, 3, "empty parentheses");
    }

    @Test
    void onlyWholeDecimalNumbersAreSupported() {
        assertError(onlyError("{{ 1.5 }}"), 3, 3, "bad number \"1.5\"");
        assertError(onlyError("{{ 0x1F }}"), 3, 4, "bad number \"0x1F\"");
        assertError(onlyError("{{ 99999999999999999999 }}"), 3, 20, "too large");
    }

    @Test
    void singleQuotesAreNotStrings() {
        assertError(onlyError("{{ 'a' }}"), 3, 1, "single quotes");
    }

    @Test
    void unexpectedCharacterIsNamed() {
        assertError(onlyError("{{ user `name` ; }}"), 15, 1, "unexpected character \";\"");
    }

    @Test
    void everyBadActionIsReportedNotJustTheFirst() {
        String text = "{{ if }} ok {{ \"x }} {{ lower `A` }} {{ 1.5 }}";
        List<TemplateError> errors = Interpolator.check(text, CTX);
        assertEquals(List.of(3, 15, 40), errors.stream().map(TemplateError::offset).toList(), errors::toString);
    }

    @Test
    void parseReportsSyntaxErrorsAsAnException() {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("a {{ ) }} {{ . }}"));
        assertEquals(2, e.errors().size());
        assertTrue(e.getMessage().contains("offset 5"), e.getMessage());
    }
}
