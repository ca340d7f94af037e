package io.imgbuild.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared by the provisioner tests. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The corpus's helper files (scripts/, files/motd, salt/, cookbooks/) under {@code dir}. */
    public static void corpusHelpers(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/a.sh"), "echo a\n");
        Files.writeString(dir.resolve("scripts/b.sh"), "echo b\n");
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n");
        Files.createDirectories(dir.resolve("salt/states"));
        Files.createDirectories(dir.resolve("salt/pillar"));
        Files.writeString(dir.resolve("salt/states/top.sls"), "base: {}\n");
        Files.createDirectories(dir.resolve("cookbooks/base/recipes"));
        Files.writeString(dir.resolve("cookbooks/base/recipes/default.rb"), "log 'hi'\n");
    }

    /** The placeholder provisioner fails with the message that says SSH is missing. */
    public static void assertNeedsSsh(Provisioner p, String type) {
        StepFailure f = assertThrows(StepFailure.class, () -> p.provision(null));
        assertEquals("the " + type + " provisioner needs the ssh communicator, which this version of imgbuild does not"
                + " have yet", f.getMessage());
    }

    /** With communicator none, a guest provisioner stops with a plain statement. */
    public static void assertNeedsConnection(Provisioner p, String type, Path workingDir) {
        StepFailure f = assertThrows(StepFailure.class, () -> p.provision(new TestContext(workingDir)));
        assertEquals("the " + type + " provisioner needs a connection to the machine, but this build uses communicator"
                + " none", f.getMessage());
    }

    /** A JSON object from key, value, key, value...: no escaping by hand for tricky strings. */
    public static String json(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Json.MAPPER.writeValueAsString(m);
    }
}
