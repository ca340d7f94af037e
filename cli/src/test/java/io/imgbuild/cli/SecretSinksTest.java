package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensitive variable's value, printed by a provisioner, used in a manifest and set on the command
 * line, appears in no output: console (each format), log file, manifest. Packer 1.6.6 prints it in
 * clear with -machine-readable.
 */
class SecretSinksTest {

    private static final String SECRET = "s3cr3t-Value-42";
    private static final String FROM_FLAG = "flag-Secret-77";

    @ParameterizedTest(name = "output {0}")
    @ValueSource(strings = {"human", "machine-readable", "jsonl"})
    void theSecretAppearsInNoSink(String format, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {
                  "variables": {"password": "%s", "token": null},
                  "sensitive-variables": ["password", "token"],
                  "builders": [{"type": "null", "communicator": "none"}],
                  "provisioners": [{"type": "shell-local", "inline": [
                    "echo password is {{user `password`}}",
                    "echo token is {{user `token`}} >&2",
                    "exit 0"
                  ]}],
                  "post-processors": [{"type": "manifest", "output": "manifest.json",
                                       "custom_data": {"pw": "{{user `password`}}", "tok": "{{user `token`}}"}}]
                }
                """.formatted(SECRET));
        Path log = dir.resolve("imgbuild.log");
        try (CliProcess p = CliProcess.start(dir, Map.of("IMGBUILD_LOG", "1", "IMGBUILD_LOG_PATH", log.toString()),
                "build", "--output=" + format, "-var", "token=" + FROM_FLAG, "t.json")) {
            assertEquals(0, p.waitFor(Duration.ofSeconds(60)), p.out() + p.err());
            String manifest = Files.readString(dir.resolve("manifest.json"));
            String logText = Files.readString(log);
            for (String[] sink : new String[][]{{"stdout", p.out()}, {"stderr", p.err()}, {"log", logText},
                {"manifest", manifest}}) {
                assertFalse(sink[1].contains(SECRET), "secret in " + sink[0] + ":\n" + sink[1]);
                assertFalse(sink[1].contains(FROM_FLAG), "-var secret in " + sink[0] + ":\n" + sink[1]);
            }
            assertTrue(p.out().contains("password is <sensitive>"), "the provisioner's line is shown, masked:\n" + p.out());
            assertTrue(logText.contains("<sensitive>"), "the log has the masked line:\n" + logText);
            assertTrue(manifest.contains("\"pw\" : \"<sensitive>\"") || manifest.contains("\"pw\": \"<sensitive>\""),
                    manifest);
        }
    }
}
