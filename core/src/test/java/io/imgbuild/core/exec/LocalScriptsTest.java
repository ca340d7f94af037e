package io.imgbuild.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.config.ConfigPipeline;
import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.SourceLocator;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import io.imgbuild.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Inline and file scripts run on this host with the shell-local options. */
@Timeout(30)
class LocalScriptsTest {

    @TempDir
    Path dir;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Ui ui = new Ui(new Secrets(), List.of(e -> {
        if (e instanceof UiEvent.Line l) {
            lines.add(l.level() + " " + l.text());
        }
    }), Clock.systemUTC());
    private Problems problems;

    private ComponentConfig config(String json) {
        problems = new Problems();
        InterpolationContext ctx = InterpolationContext.builder().workingDir(dir).templateDir(dir).buildName("b")
                .buildType("null").env(Map.of()).build();
        ComponentConfig c = new ConfigPipeline(new Secrets()).run(ComponentKind.PROVISIONER, "local-test",
                (ObjectNode) Json.MAPPER.readTree(json), new ConfigOrigin(JsonPath.ROOT, SourceLocator.NONE),
                SchemaCatalog.instance().get(SchemaCatalog.ROOT + "provisioner/local-test.schema.json"), ctx,
                "the shell-local provisioner", problems);
        LocalScriptSpec.check(c);
        assertTrue(problems.isEmpty(), problems.all()::toString);
        return c;
    }

    private void run(String json) throws Exception {
        ComponentConfig c = config(json);
        new LocalScripts(LocalScriptSpec.from(c), c.renderer()).run(ui.forBuild("b"), Cancellation.root(),
                Map.of("PACKER_BUILD_NAME", "b"), dir);
    }

    private List<String> output() {
        return lines.stream().filter(l -> l.startsWith("MESSAGE ")).map(l -> l.substring(8)).toList();
    }

    @Test
    void inlineCommandsRunAsOneScript() throws Exception {
        run("{\"inline\": [\"X=1\", \"echo x=$X in $(pwd)\"]}");
        assertEquals(List.of("x=1 in " + dir.toRealPath()), output());
        assertTrue(lines.contains("SAY Running local shell script: (inline)"), lines::toString);
    }

    @Test
    void theDefaultShebangStopsAtTheFirstError() {
        StepFailure e = assertThrows(StepFailure.class, () -> run("{\"inline\": [\"false\", \"echo after\"]}"));
        assertEquals("script exited with status 1; allowed exit codes are [0]", e.getMessage());
        assertEquals(List.of(), output());
    }

    @Test
    void inlineShebangChoosesTheInterpreter() throws Exception {
        run("{\"inline\": [\"if [[ -n $BASH_VERSION ]]; then echo bash; fi\"], \"inline_shebang\": \"/bin/bash -e\"}");
        assertEquals(List.of("bash"), output());
    }

    @Test
    void validExitCodes() throws Exception {
        run("{\"inline\": [\"exit 3\"], \"valid_exit_codes\": [0, 3]}");
        StepFailure e = assertThrows(StepFailure.class, () -> run("{\"inline\": [\"exit 3\"]}"));
        assertTrue(e.getMessage().contains("status 3"), e.getMessage());
    }

    @Test
    void variablesReachTheScript() throws Exception {
        run("{\"inline\": [\"echo \\\"$PACKER_BUILD_NAME|$FOO|$BAR\\\"\"], \"environment_vars\": [\"FOO=it's a $test\"],"
                + " \"env\": {\"BAR\": \"b=c\"}}");
        assertEquals(List.of("b|it's a $test|b=c"), output());
    }

    @Test
    void scriptFilesRunInOrderAndStderrIsAnError() throws Exception {
        Path one = dir.resolve("one.sh");
        Path two = dir.resolve("two.sh");
        Files.writeString(one, "echo one\necho oops >&2\n");
        Files.writeString(two, "echo two\n");
        run("{\"scripts\": [\"one.sh\", \"two.sh\"], \"execute_command\": [\"/bin/sh\", \"-c\", \"{{.Vars}} /bin/sh "
                + "{{.Script}}\"]}");
        assertEquals(List.of("one", "two"), output());
        assertTrue(lines.contains("ERROR oops"), lines::toString);
        assertTrue(lines.contains("SAY Running local shell script: " + one), lines::toString);
    }

    @Test
    void theTemporaryScriptIsRemoved() throws Exception {
        run("{\"inline\": [\"echo $0\"]}");
        Path script = Path.of(output().get(0));
        assertTrue(script.getFileName().toString().startsWith("imgbuild-shell"), script::toString);
        assertFalse(Files.exists(script));
    }

    @Test
    void aTempfileExtensionWithALeadingDotIsNotDoubled() throws Exception {
        run("{\"inline\": [\"echo $0\"], \"tempfile_extension\": \".sh\"}");
        String name = Path.of(output().get(0)).getFileName().toString();
        assertTrue(name.endsWith(".sh") && !name.endsWith("..sh"), name);
    }

    @Test
    void oneSourceOfCommandsIsRequired() {
        problems = new Problems();
        ComponentConfig none = new ConfigPipeline(new Secrets()).run(ComponentKind.PROVISIONER, "local-test",
                Json.MAPPER.createObjectNode(), new ConfigOrigin(JsonPath.ROOT, SourceLocator.NONE),
                SchemaCatalog.instance().get(SchemaCatalog.ROOT + "provisioner/local-test.schema.json"),
                InterpolationContext.builder().workingDir(dir).build(), "x", problems);
        LocalScriptSpec.check(none);
        assertEquals("nothing to run: set one of command, inline, script or scripts", problems.errors().get(0).message());
    }
}
