package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Shell;
import io.imgbuild.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two null builds and two file builds run in parallel with shell-local provisioners, then checksum
 * and manifest: the checksums are sha256sum's, the manifest is valid JSON with every build, and the
 * builds really overlapped.
 */
class ParallelBuildTest {

    @Test
    void nullAndFileBuildsWithChecksumAndManifest(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("big.bin"), new byte[3 * 1024 * 1024 + 17]);
        Files.writeString(dir.resolve("t.json"), """
                {
                  "builders": [
                    {"type": "null", "name": "n1", "communicator": "none"},
                    {"type": "null", "name": "n2", "communicator": "none"},
                    {"type": "file", "name": "f1", "content": "hello from {{build_name}}\\n", "target": "out/f1.txt"},
                    {"type": "file", "name": "f2", "source": "big.bin", "target": "out/f2.bin"}
                  ],
                  "provisioners": [
                    {"type": "shell-local", "inline": [
                      "touch \\"started-$PACKER_BUILD_NAME\\"",
                      "for i in $(seq 50); do [ $(ls started-* | wc -l) -ge 4 ] && break; sleep 0.1; done",
                      "ls started-* | wc -l > \\"seen-$PACKER_BUILD_NAME\\""
                    ]}
                  ],
                  "post-processors": [
                    [{"type": "checksum", "output": "out/{{.BuildName}}.{{.ChecksumType}}", "checksum_types": ["sha256", "md5"]},
                     {"type": "manifest", "output": "out/manifest.json"}]
                  ]
                }
                """);
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());

        for (String b : List.of("n1", "n2", "f1", "f2")) {
            assertEquals("4", Files.readString(dir.resolve("seen-" + b)).trim(), "all four builds ran at once");
        }
        // Checked by the real tools: each line is "HASH  PATH" relative to the checksum file.
        String check = Shell.run(dir.resolve("out"), "sha256sum", "-c", "f2.sha256");
        assertTrue(check.contains("f2.bin: OK"), check);
        Shell.run(dir.resolve("out"), "md5sum", "-c", "f1.md5");
        String expected = Shell.run(dir, "sha256sum", "out/f1.txt").split("\\s+")[0];
        assertTrue(Files.readString(dir.resolve("out/f1.sha256")).startsWith(expected + "  f1.txt"));

        JsonNode manifest = Json.MAPPER.readTree(Files.readString(dir.resolve("out/manifest.json")));
        Set<String> names = new HashSet<>();
        manifest.get("builds").forEach(b -> names.add(b.get("name").asString()));
        assertEquals(Set.of("n1", "n2", "f1", "f2"), names);
        String run = manifest.get("last_run_uuid").asString();
        manifest.get("builds").forEach(b -> assertEquals(run, b.get("packer_run_uuid").asString()));
        JsonNode f2 = find(manifest, "f2");
        assertEquals("file", f2.get("builder_type").asString());
        assertEquals(3 * 1024 * 1024 + 17, find(f2.get("files"), "out/f2.bin").get("size").asLong());
        assertTrue(r.out().contains("Builds finished. The artifacts of successful builds are:"), r.out());
    }

    @Test
    void aSecondRunNeedsForceAndForceStartsTheManifestAfresh(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "file", "content": "x", "target": "out.txt"}],
                 "post-processors": ["manifest"]}
                """);
        assertEquals(0, CliRun.in(dir, "build", "t.json").exitCode());
        CliRun.Result again = CliRun.in(dir, "build", "t.json");
        assertEquals(1, again.exitCode(), again.all());
        assertTrue(again.out().contains("already exists"), again.out());
        CliRun.Result forced = CliRun.in(dir, "build", "-force", "t.json");
        assertEquals(0, forced.exitCode(), forced.all());
        JsonNode manifest = Json.MAPPER.readTree(Files.readString(dir.resolve("packer-manifest.json")));
        assertEquals(1, manifest.get("builds").size(), "-force drops records of earlier runs");
    }

    private static JsonNode find(JsonNode array, String name) {
        JsonNode list = array.has("builds") ? array.get("builds") : array;
        for (JsonNode n : list) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}
