package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static io.imgbuild.core.interpolate.Fixtures.onlyError;
import static io.imgbuild.core.interpolate.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's trim markers and comments. */
class TrimAndCommentTest {

    @Test
    void leftTrimRemovesAllWhiteSpaceBeforeTheAction() throws TemplateException {
        assertEquals("a:b", render("a: \n\t {{- \"b\" }}"));
        assertEquals("ab  ", render("a  {{- \"b\" }}  "));
    }

    @Test
    void rightTrimRemovesAllWhiteSpaceAfterTheAction() throws TemplateException {
        assertEquals("  ab", render("  {{ \"a\" -}} \r\n\t b"));
    }

    @Test
    void bothTrimMarkersTogether() throws TemplateException {
        assertEquals("x3y", render("x  {{- 3 -}}  y"));
    }

    @Test
    void trimOnlyTouchesWhiteSpaceNotOtherText() throws TemplateException {
        assertEquals("a.b.c", render("a.{{- \"b\" -}}.c"));
    }

    @Test
    void trimMarkerAcceptsAnyWhiteSpaceAfterTheDash() throws TemplateException {
        assertEquals("ab", render("a \n{{-\n\"b\"\t-}}\n"));
    }

    @Test
    void trimMayRemoveATextSegmentEntirely() throws TemplateException {
        assertEquals("ab", render("{{ \"a\" -}}   \n   {{- \"b\" }}"));
    }

    @Test
    void rightTrimMarkerNeedsASpaceBeforeTheDash() {
        assertError(onlyError("{{ \"a\"-}}"), 6, 3, "trim marker needs a space before it");
    }

    @Test
    void commentsProduceNothing() throws TemplateException {
        assertEquals("ab", render("a{{/* a comment */}}b"));
        assertEquals("ab", render("a{{/* spans\ntwo lines, and has }} inside */}}b"));
        assertEquals("", render("{{/**/}}"));
    }

    @Test
    void commentsMayTrimBothSides() throws TemplateException {
        assertEquals("ab", render("a \n {{- /* note */ -}} \n b"));
    }

    @Test
    void aCommentOnlyTemplateIsLiteral() throws TemplateException {
        Template t = Template.parse("x{{/* c */}}y");
        assertEquals(true, t.isLiteral());
        assertEquals("xy", Interpolator.render(t, Fixtures.CTX));
    }

    @Test
    void unclosedCommentIsReportedAtItsAction() {
        assertError(onlyError("ok {{/* never closed"), 3, 2, "unclosed comment");
    }

    @Test
    void commentMustBeAloneInItsAction() {
        assertError(onlyError("{{ /* c */ }}"), 3, 2, "comment must start right after the opening braces");
        assertError(onlyError("{{/* c */ \"x\" }}"), 7, 2, "comment must end with */}}");
    }
}
