package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static io.imgbuild.core.interpolate.Fixtures.onlyError;
import static io.imgbuild.core.interpolate.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** lower, upper, split, replace, replace_all, clean_resource_name. */
class TextFunctionsTest {

    @Nested
    class LowerAndUpper {
        @Test
        void changeCase() throws TemplateException {
            assertEquals("hello-world", render("{{ lower (user `name`) }}"));
            assertEquals("HELLO-WORLD", render("{{ upper (user `name`) }}"));
        }

        @Test
        void mapEachCharacterLikeGoIgnoringLocale() throws TemplateException {
            assertEquals("ÉTÉ", render("{{ upper `été` }}"));
            assertEquals("straße", render("{{ lower `STRAßE` }}"));
            assertEquals("STRAßE", render("{{ upper `straße` }}")); // Go has no one-letter upper-case ß
            assertEquals("i", render("{{ lower `I` }}")); // not the Turkish dotless ı, whatever the JVM locale
        }

        @Test
        void takeExactlyOneString() {
            assertError(onlyError("{{ lower }}"), 3, 5, "lower takes 1 argument, got 0");
            assertError(onlyError("{{ upper `a` `b` }}"), 3, 5, "upper takes 1 argument, got 2");
            assertError(onlyError("{{ upper true }}"), 9, 4, "argument 1 of upper must be a string, not a boolean");
        }
    }

    @Nested
    class Split {
        @Test
        void returnsThePartAtTheIndex() throws TemplateException {
            assertEquals("a", render("{{ split (user `csv`) \",\" 0 }}"));
            assertEquals("c", render("{{ split (user `csv`) \",\" 2 }}"));
            assertEquals("west", render("{{ split (user `region`) `-` 1 }}"));
        }

        @Test
        void keepsEmptyPartsLikeGo() throws TemplateException {
            assertEquals("", render("{{ split `a,,b,` `,` 3 }}"));
            assertEquals("b", render("{{ split `a,,b,` `,` 2 }}"));
        }

        @Test
        void emptySeparatorSplitsIntoCharacters() throws TemplateException {
            assertEquals("é", render("{{ split `cé!` `` 1 }}"));
        }

        @Test
        void indexOutOfRangeIsAnErrorAtTheIndex() {
            TemplateError e = onlyError("{{ split (user `csv`) \",\" 3 }}");
            assertError(e, 26, 1, "split: index 3 is out of range: splitting by \",\" gave 3 parts");
            assertEquals("use an index from 0 to 2", e.hint());
        }

        @Test
        void negativeLiteralIndexIsCaughtBeforeRendering() {
            assertEquals(1, Interpolator.check("{{ split `a` `,` -1 }}", Fixtures.CTX).size());
            assertError(onlyError("{{ split `a` `,` -1 }}"), 17, 2, "split: index -1 is negative");
        }

        @Test
        void checksArityAndTypes() {
            assertError(onlyError("{{ split `a,b` `,` }}"), 3, 5, "split takes 3 arguments, got 2");
            TemplateError quoted = onlyError("{{ split `a,b` `,` \"1\" }}");
            assertError(quoted, 19, 3, "argument 3 of split must be a whole number, not a string");
            assertEquals("write the number without quotes; usage: {{ split \"a,b,c\" \",\" 0 }}", quoted.hint());
        }

        @Test
        void indexFromAFieldMustReadAsANumber() throws TemplateException {
            InterpolationContext ctx = Fixtures.CTX.withAllowedFields(java.util.Set.of("N"));
            assertEquals("b", render("{{ split `a,b` `,` .N }}", ctx.withFieldValues(java.util.Map.of("N", "1"))));
            assertError(onlyError("{{ split `a,b` `,` .N }}", ctx.withFieldValues(java.util.Map.of("N", "one"))),
                    19, 2, "argument 3 of split must be a whole number, got \"one\"");
        }
    }

    @Nested
    class Replace {
        @Test
        void replacesTheFirstNOccurrences() throws TemplateException {
            assertEquals("a_b-c-d", render("{{ replace `-` `_` 1 `a-b-c-d` }}"));
            assertEquals("a_b_c-d", render("{{ replace `-` `_` 2 `a-b-c-d` }}"));
        }

        @Test
        void negativeCountReplacesAll() throws TemplateException {
            assertEquals("a_b_c_d", render("{{ replace `-` `_` -1 `a-b-c-d` }}"));
        }

        @Test
        void zeroCountReplacesNothing() throws TemplateException {
            assertEquals("a-b", render("{{ replace `-` `_` 0 `a-b` }}"));
        }

        @Test
        void emptyOldInsertsBetweenCharactersLikeGo() throws TemplateException {
            assertEquals(".a.b", render("{{ replace `` `.` 2 `ab` }}"));
            assertEquals(".a.b.", render("{{ replace `` `.` -1 `ab` }}"));
        }

        @Test
        void sourceIsTheLastArgumentSoItCanBePiped() throws TemplateException {
            assertEquals("eu_west-1", render("{{ user `region` | replace `-` `_` 1 }}"));
        }

        @Test
        void checksArityAndTypes() {
            assertError(onlyError("{{ replace `-` `_` `a-b` }}"), 3, 7, "replace takes 4 arguments, got 3");
            assertError(onlyError("{{ replace `-` `_` `1` `a-b` }}"), 19, 3,
                    "argument 3 of replace must be a whole number, not a string");
        }
    }

    @Nested
    class ReplaceAll {
        @Test
        void replacesEveryOccurrence() throws TemplateException {
            assertEquals("eu_west_1", render("{{ replace_all `-` `_` (user `region`) }}"));
        }

        @Test
        void worksInAPipe() throws TemplateException {
            assertEquals("eu_west_1", render("{{ user `region` | replace_all \"-\" \"_\" }}"));
        }

        @Test
        void checksArityAndTypes() {
            assertError(onlyError("{{ replace_all `-` `_` }}"), 3, 11, "replace_all takes 3 arguments, got 2");
            assertError(onlyError("{{ replace_all `-` 1 `a` }}"), 19, 1,
                    "argument 2 of replace_all must be a string, not a whole number");
        }
    }

    @Nested
    class CleanResourceName {
        @Test
        void keepsWhatAwsAllowsInAmiNames() throws TemplateException {
            String allowed = "Az09()[] ./-'@_";
            assertEquals(allowed, render("{{ clean_resource_name \"" + allowed + "\" }}"));
        }

        @Test
        void replacesEveryOtherCharacterWithADash() throws TemplateException {
            assertEquals("my-app-v1-2---", render("{{ clean_resource_name `my:app+v1,2!é?` }}"));
        }

        @Test
        void replacesACharacterOutsideTheBasicPlaneWithOneDash() throws TemplateException {
            assertEquals("a-b", render("{{ clean_resource_name `a\uD83D\uDE00b` }}"));
        }

        @Test
        void doesNotTruncate() throws TemplateException {
            String longName = "x".repeat(300);
            assertEquals(longName, render("{{ `" + longName + "` | clean_resource_name }}"));
        }

        @Test
        void takesExactlyOneString() {
            assertError(onlyError("{{ clean_resource_name }}"), 3, 19, "clean_resource_name takes 1 argument, got 0");
        }
    }
}
