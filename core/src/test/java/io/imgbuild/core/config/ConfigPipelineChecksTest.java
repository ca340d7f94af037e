package io.imgbuild.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.secret.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pipeline rejects or warns about, and where it says the problem is. */
class ConfigPipelineChecksTest {

    @TempDir
    Path dir;

    private WidgetFixture run(String keys) {
        return WidgetFixture.run(dir, WidgetFixture.REQUIRED + ", " + keys);
    }

    @Test
    void anInvalidDurationIsLocatedAtItsValue() {
        WidgetFixture f = run("\"boot_wait\": \"5 minutes\"");
        Problem p = f.onlyError();
        assertEquals("builders[1].boot_wait", p.path());
        assertTrue(p.message().contains("\"5 minutes\""), p.message());
        assertEquals(2, p.location().line());
        assertEquals(f.columnOf("\"5 minutes\""), p.location().column());
    }

    @Test
    void aDurationWithoutUnit() {
        Problem p = run("\"boot_wait\": \"10\"").onlyError();
        assertTrue(p.message().startsWith("missing unit in duration \"10\""), p.message());
    }

    @Test
    void aFragmentDurationIsCheckedToo() {
        assertEquals("builders[1].ssh_timeout", run("\"ssh_timeout\": \"soon\"").onlyError().path());
    }

    @Test
    void sizes() {
        assertTrue(run("\"disk_size\": \"20G\"").problems.isEmpty());
        assertTrue(run("\"disk_size\": 20480").problems.isEmpty());
        WidgetFixture f = run("\"disk_size\": \"20 gigs\"");
        Problem p = f.onlyError();
        assertEquals("builders[1].disk_size", p.path());
        assertTrue(p.message().contains("is not a size"), p.message());
        assertEquals(f.columnOf("\"20 gigs\""), p.location().column());
    }

    @Test
    void anAbsurdSizeIsAnErrorNotACrash() {
        Problem p = run("\"disk_size\": \"99999999999T\"").onlyError();
        assertEquals("builders[1].disk_size", p.path());
    }

    @Test
    void aDeprecatedKeyIsRenamedWithAWarning() {
        WidgetFixture f = run("\"ssh_wait_timeout\": \"10m\"");
        assertFalse(f.problems.hasErrors(), f.problems.all()::toString);
        Problem w = f.problems.warnings().get(0);
        assertEquals("builders[1].ssh_wait_timeout", w.path());
        assertEquals("ssh_wait_timeout is deprecated: use ssh_timeout", w.message());
        assertEquals(f.columnOf("\"ssh_wait_timeout\""), w.location().column());
        assertEquals("10m", f.config.node().get("ssh_timeout").asString());
        assertFalse(f.config.node().has("ssh_wait_timeout"));
        assertTrue(f.config.isSet("ssh_timeout"), "the renamed key counts as set by the user");
    }

    @Test
    void aDeprecatedKeyNextToItsNewNameIsIgnored() {
        WidgetFixture f = run("\"ssh_wait_timeout\": \"10m\", \"ssh_timeout\": \"1m\"");
        assertEquals("1m", f.config.node().get("ssh_timeout").asString());
        assertTrue(f.problems.warnings().get(0).message().contains("is ignored because ssh_timeout is set"));
    }

    @Test
    void anUnsupportedKeyIsAnErrorWithItsReason() {
        Problem p = run("\"floppy_label\": \"x\"").onlyError();
        assertEquals("builders[1].floppy_label", p.path());
        assertEquals("floppy_label is not supported by imgbuild", p.message());
        assertEquals("floppies are not supported; use cd_files instead", p.hint());
    }

    @Test
    void localPathsMustExist() throws Exception {
        Files.createDirectory(dir.resolve("http"));
        Files.writeString(dir.resolve("a.iso"), "x");
        assertTrue(run("\"iso_file\": \"a.iso\", \"http_directory\": \"http\", \"scripts\": [\"a.iso\"]").problems
                .isEmpty());
        WidgetFixture f = run("\"iso_file\": \"missing.iso\", \"http_directory\": \"a.iso\", \"scripts\": [\"a.iso\", "
                + "\"http\"]");
        assertEquals(List.of(
                "builders[1].iso_file: local file \"missing.iso\" does not exist (looked at " + dir.resolve("missing.iso")
                        + ")",
                "builders[1].http_directory: local directory \"a.iso\" is not a directory (looked at " + dir.resolve("a.iso")
                        + ")",
                "builders[1].scripts[1]: local file \"http\" is a directory, not a file (looked at " + dir.resolve("http")
                        + ")"), f.errors());
    }

    @Test
    void aSensitiveValueIsRegisteredForMasking() {
        Secrets secrets = new Secrets();
        new WidgetFixture(dir, secrets, WidgetFixture.REQUIRED + ", \"password\": \"{{user `host`}}-s3cret\"");
        assertEquals("pw=<sensitive>", secrets.mask("pw=example.org-s3cret"));
    }

    @Test
    void aSensitiveValueIsMaskedByTheGlobalRegistry() {
        new WidgetFixture(dir, Secrets.global(), WidgetFixture.REQUIRED + ", \"password\": \"global-widget-pw-93\"");
        assertEquals("<sensitive>", Secrets.global().mask("global-widget-pw-93"));
    }

    @Test
    void anInterpolationErrorIsLocatedInsideTheString() {
        WidgetFixture f = run("\"source\": \"a {{user `nope`}} b\"".replace("\"source\"", "\"iso_file\""));
        Problem p = f.problems.errors().get(0);
        assertEquals("builders[1].iso_file", p.path());
        assertEquals(2, p.location().line());
        int open = f.columnOf("{{user `nope`}}");
        assertTrue(p.location().column() > open && p.location().column() < open + "{{user `nope`}}".length(),
                () -> "column " + p.location().column() + " should fall inside the action at " + open + ": " + p.format());
    }

    @Test
    void buildVarsAreDeferredAndRenderedLater() throws Exception {
        WidgetFixture f = run("\"boot_command\": [\"<esc> http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg {{user `host`}}\","
                + " \"plain {{build_name}}\"]");
        assertTrue(f.problems.isEmpty(), f.problems.all()::toString);
        String deferred = f.config.node().get("boot_command").get(0).asString();
        assertEquals("<esc> http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg {{user `host`}}", deferred);
        assertEquals("plain w1", f.config.node().get("boot_command").get(1).asString());
        String rendered = f.config.renderer().render(deferred, java.util.Map.of("HTTPIP", "10.0.2.2", "HTTPPort", "8080"));
        assertEquals("<esc> http://10.0.2.2:8080/ks.cfg example.org", rendered);
    }

    @Test
    void aBuildVarTheKeyDoesNotTakeIsAnError() {
        WidgetFixture f = run("\"boot_command\": [\"{{ .Nope }}\"], \"iso_file\": \"{{ .HTTPIP }}\"");
        assertEquals(2, f.problems.errors().size(), f.problems.all()::toString);
        assertEquals("builders[1].boot_command[0]", f.problems.errors().get(0).path());
        assertEquals("builders[1].iso_file", f.problems.errors().get(1).path());
    }

    @Test
    void anUnknownKeyNamesItsPathAndTheClosestKey() {
        WidgetFixture f = run("\"memroy\": 2048");
        Problem p = f.onlyError();
        assertEquals("builders[1].memroy", p.path());
        assertEquals("unknown key \"memroy\"; did you mean \"memory\"?", p.message());
        assertEquals(f.columnOf("\"memroy\""), p.location().column());
        assertTrue(p.hint().contains("the widget builder"), p.hint());
    }

    @Test
    void anUnknownKeyInANestedObject() {
        Problem p = run("\"disk\": {\"formt\": \"raw\"}").onlyError();
        assertEquals("builders[1].disk.formt", p.path());
        assertEquals("unknown key \"formt\"; did you mean \"format\"?", p.message());
    }

    @Test
    void anEnumViolationListsTheAllowedValues() {
        Problem p = run("\"mode\": \"fsat\"").onlyError();
        assertEquals("builders[1].mode", p.path());
        assertEquals("\"fsat\" is not one of the allowed values; did you mean \"fast\"?", p.message());
        assertEquals("use one of: fast, slow, careful", p.hint());
    }

    @Test
    void aMissingRequiredKey() {
        WidgetFixture f = WidgetFixture.run(dir, "\"ssh_username\": \"u\"");
        Problem p = f.onlyError();
        assertEquals("builders[1].source", p.path());
        assertEquals("missing required key \"source\"", p.message());
        assertEquals("add \"source\": where the widget comes from.", p.hint());
        assertEquals(2, p.location().line());
    }

    @Test
    void aMissingRequiredKeyFromTheFragment() {
        assertEquals(List.of("builders[1].ssh_username: missing required key \"ssh_username\""),
                WidgetFixture.run(dir, "\"source\": \"s\"").errors());
    }

    @Test
    void aRangeViolation() {
        Problem p = run("\"memory\": 8").onlyError();
        assertEquals("8 is below the minimum of 64", p.message());
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        WidgetFixture f = WidgetFixture.run(dir, "\"memroy\": 1, \"mode\": \"x\", \"boot_wait\": \"x\"");
        assertEquals(5, f.problems.errors().size(), f.problems.all()::toString);
    }
}
