package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {{.ArtifactId}} in the vagrant output is what Packer 1.6.6 renders for the file builder ("File"), so
 * {@code out/{{.ArtifactId}}-{{.BuildName}}-{{.Provider}}.box} is one file in out/, not a folder tree
 * named after the target's absolute path; the manifest's artifact_id agrees.
 */
class VagrantArtifactIdTest {

    @Test
    void theFileBuildersArtifactIdNamesTheBoxAsInPacker(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {
                  "builders": [{"type": "file", "name": "deb", "content": "a raw disk", "target": "disk/deb.raw"}],
                  "post-processors": [
                    {"type": "manifest", "output": "builder-manifest.json"},
                    [{"type": "vagrant", "provider_override": "libvirt",
                      "output": "out/{{.ArtifactId}}-{{.BuildName}}-{{.Provider}}.box"},
                     {"type": "manifest", "output": "box-manifest.json"}]
                  ]
                }
                """);
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(0, r.exitCode(), r.all());

        try (Stream<Path> out = Files.walk(dir.resolve("out"))) {
            assertEquals(List.of(dir.resolve("out"), dir.resolve("out/File-deb-libvirt.box")), out.sorted().toList());
        }
        assertEquals("File", artifactId(dir.resolve("builder-manifest.json")));
        assertEquals("libvirt", artifactId(dir.resolve("box-manifest.json")));
    }

    private static String artifactId(Path manifest) throws Exception {
        return Json.MAPPER.readTree(Files.readString(manifest)).get("builds").get(0).get("artifact_id").asString();
    }
}
