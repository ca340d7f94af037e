package io.imgbuild.core.interpolate;

import static io.imgbuild.core.interpolate.Fixtures.CTX;
import static io.imgbuild.core.interpolate.Fixtures.INIT_TIME;
import static io.imgbuild.core.interpolate.Fixtures.assertError;
import static io.imgbuild.core.interpolate.Fixtures.onlyError;
import static io.imgbuild.core.interpolate.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Functions that read the context: user, env, time, uuid, directories, build name and type, version. */
class ContextFunctionsTest {

    @Nested
    class User {
        @Test
        void returnsTheDeclaredValue() throws TemplateException {
            assertEquals("ami-Hello-World", render("ami-{{user `name`}}"));
            assertEquals("eu-west-1", render("{{ user \"region\" }}"));
        }

        @Test
        void valueIsInsertedAsIsEvenIfItLooksLikeATemplate() throws TemplateException {
            InterpolationContext ctx = CTX.withDeclaredVariables(Map.of("tricky", "{{ user `tricky` }}"));
            assertEquals("{{ user `tricky` }}", render("{{ user `tricky` }}", ctx));
        }

        @Test
        void undeclaredVariableIsAnErrorWithDidYouMean() {
            TemplateError e = onlyError("x {{ user `nmae` }}");
            assertError(e, 10, 6, "undeclared variable \"nmae\": declare it in \"variables\" (did you mean \"name\"?)");
            assertTrue(e.hint().contains("name, region"), e.hint());
        }

        @Test
        void undeclaredVariableWithNothingCloseHasNoSuggestion() {
            TemplateError e = onlyError("{{ user `completely_different` }}");
            assertEquals("undeclared variable \"completely_different\": declare it in \"variables\"", e.message());
        }

        @Test
        void noVariablesDeclaredSaysSo() {
            TemplateError e = onlyError("{{ user `a` }}", CTX.withDeclaredVariables(Map.of()));
            assertEquals("this template declares no variables", e.hint());
        }

        @Test
        void computedNamesAreCheckedWhenRendering() throws TemplateException {
            assertEquals("Hello-World", render("{{ user (lower `NAME`) }}"));
            assertError(onlyError("{{ user (lower `NMAE`) }}"), 8, 14, "undeclared variable \"nmae\"");
        }

        @Test
        void takesExactlyOneString() {
            assertError(onlyError("{{ user }}"), 3, 4, "user takes 1 argument, got 0");
            assertError(onlyError("{{ user `a` `b` }}"), 3, 4, "user takes 1 argument, got 2");
            assertError(onlyError("{{ user 1 }}"), 8, 1, "argument 1 of user must be a string, not a whole number");
        }
    }

    @Nested
    class Env {
        private final InterpolationContext variableDefaults = CTX.withEnvAllowed(true);

        @Test
        void readsTheEnvironmentInVariableDefaults() throws TemplateException {
            assertEquals("/home/me/.ssh", render("{{env `HOME`}}/.ssh", variableDefaults));
        }

        @Test
        void unsetVariableGivesEmptyString() throws TemplateException {
            assertEquals("[]", render("[{{ env `NOT_SET_ANYWHERE` }}]", variableDefaults));
        }

        @Test
        void isAnErrorOutsideVariableDefaults() {
            TemplateError e = onlyError("{{ env `HOME` }}");
            assertError(e, 3, 3, "env is only allowed in variable defaults: declare a variable with default"
                    + " \"{{env `HOME`}}\" and use {{user `var`}}");
        }

        @Test
        void takesExactlyOneArgument() {
            assertError(onlyError("{{ env }}", variableDefaults), 3, 3, "env takes 1 argument, got 0");
        }
    }

    @Nested
    class Time {
        @Test
        void timestampIsTheInitTimeInUnixSeconds() throws TemplateException {
            assertEquals("1614834367", render("{{ timestamp }}"));
        }

        @Test
        void timestampIsTheSameForEveryCallWithOneContext() throws TemplateException {
            InterpolationContext now = InterpolationContext.builder().build();
            String first = render("{{ timestamp }}", now);
            String again = render("{{timestamp}}-{{timestamp}}", now);
            assertEquals(first + "-" + first, again);
            assertEquals(now.initTime().getEpochSecond(), Long.parseLong(first));
        }

        @Test
        void timestampTakesNoArguments() {
            assertError(onlyError("{{ timestamp 1 }}"), 3, 9, "timestamp takes no arguments, got 1");
        }

        @Test
        void isotimeDefaultsToRfc3339InUtc() throws TemplateException {
            assertEquals("2021-03-04T05:06:07Z", render("{{ isotime }}"));
        }

        @Test
        void isotimeFormatsWithAGoLayout() throws TemplateException {
            assertEquals("2021-03-04 05:06:07", render("{{ isotime \"2006-01-02 15:04:05\" }}"));
            assertEquals("Mar  4 21 5:06AM", render("{{ isotime `Jan _2 06 3:04PM` }}"));
            assertEquals("20210304-050607.123 UTC", render("{{ isotime \"20060102-150405.000 MST\" }}"));
        }

        @Test
        void isotimeAcceptsAtMostOneLayout() {
            assertError(onlyError("{{ isotime `a` `b` }}"), 3, 7, "isotime takes at most 1 argument, got 2");
        }

        @Test
        void isotimeUsesUtcWhateverTheInitInstant() throws TemplateException {
            InterpolationContext ctx = CTX.withInitTime(Instant.parse("2020-12-31T23:30:00Z"));
            assertEquals("2020-12-31 23:30 +0000 UTC", render("{{ isotime `2006-01-02 15:04 -0700 MST` }}", ctx));
        }
    }

    @Nested
    class Uuid {
        @Test
        void everyCallGivesANewTimeOrderedUuid() throws TemplateException {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String value = render("{{ uuid }}");
                UUID parsed = UUID.fromString(value);
                assertEquals(7, parsed.version());
                assertEquals(2, parsed.variant());
                assertTrue(seen.add(value), "duplicate " + value);
            }
        }

        @Test
        void twoCallsInOneStringDiffer() throws TemplateException {
            String[] parts = render("{{uuid}} {{uuid}}").split(" ");
            assertNotEquals(parts[0], parts[1]);
        }

        @Test
        void takesNoArguments() {
            assertError(onlyError("{{ uuid `x` }}"), 3, 4, "uuid takes no arguments, got 1");
        }
    }

    @Nested
    class Directories {
        @Test
        void pwdIsTheWorkingDirectory() throws TemplateException {
            assertEquals("/work/dir/out", render("{{ pwd }}/out"));
        }

        @Test
        void templateDirIsTheTemplatesDirectory() throws TemplateException {
            assertEquals("/templates/web/scripts/setup.sh", render("{{ template_dir }}/scripts/setup.sh"));
        }

        @Test
        void templateDirIsUnavailableForTemplatesNotReadFromAFile() {
            assertError(onlyError("{{ template_dir }}", CTX.withTemplateDir(null)), 3, 12,
                    "template_dir is not available here");
        }

        @Test
        void relativeDirectoriesAreMadeAbsolute() throws TemplateException {
            InterpolationContext ctx = CTX.withWorkingDir(java.nio.file.Path.of("rel"));
            assertTrue(java.nio.file.Path.of(render("{{ pwd }}", ctx)).isAbsolute());
        }

        @Test
        void takeNoArguments() {
            assertError(onlyError("{{ pwd `x` }}"), 3, 3, "pwd takes no arguments");
            assertError(onlyError("{{ template_dir `x` }}"), 3, 12, "template_dir takes no arguments");
        }
    }

    @Nested
    class BuildNameAndType {
        @Test
        void comeFromTheContext() throws TemplateException {
            assertEquals("qemu-1/qemu", render("{{ build_name }}/{{ build_type }}"));
        }

        @Test
        void areUnavailableWhereNoBuildIsInScope() {
            InterpolationContext variables = CTX.withBuildName(null).withBuildType(null);
            assertError(onlyError("{{ build_name }}", variables), 3, 10, "build_name is not available here");
            assertError(onlyError("{{ build_type }}", variables), 3, 10, "build_type is not available here");
        }

        @Test
        void takeNoArguments() {
            assertError(onlyError("{{ build_name `x` }}"), 3, 10, "build_name takes no arguments, got 1");
            assertError(onlyError("{{ `x` | build_type }}"), 9, 10,
                    "build_type takes no arguments, got 1 (counting the piped value)");
        }
    }

    @Nested
    class PackerVersion {
        @Test
        void isTheImplementedPackerVersion() throws TemplateException {
            assertEquals("1.6.6", Functions.PACKER_COMPAT_VERSION);
            assertEquals("built with 1.6.6", render("built with {{ packer_version }}"));
        }

        @Test
        void takesNoArguments() {
            assertError(onlyError("{{ packer_version 1 }}"), 3, 14, "packer_version takes no arguments");
        }
    }

    @Test
    void initTimeFixtureIsAsDocumented() {
        assertEquals(1614834367L, INIT_TIME.getEpochSecond());
    }
}
