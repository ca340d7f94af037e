package io.imgbuild.core.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.config.ConfigPipeline;
import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.json.SourceLocator;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** IsoConfig against the iso schema fragment, through the real config pipeline. */
class IsoConfigTest {

    @TempDir
    Path dir;

    private Problems problems;

    private ComponentConfig config(String json) {
        problems = new Problems();
        InterpolationContext ctx = InterpolationContext.builder().workingDir(dir).templateDir(dir).buildName("b")
                .buildType("t").build();
        return new ConfigPipeline(Secrets.global()).run(ComponentKind.BUILDER, "t",
                (ObjectNode) Json.MAPPER.readTree(json), new ConfigOrigin(JsonPath.ROOT, SourceLocator.NONE),
                SchemaCatalog.instance().get("io/imgbuild/schema/fragment/iso.schema.json"), ctx, "the t builder",
                problems);
    }

    private List<String> check(String json) {
        ComponentConfig c = config(json);
        IsoConfig.from(c).check(c);
        return problems.errors().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void urlAndChecksumAreEnough() {
        assertEquals(List.of(), check("{\"iso_url\": \"https://example.org/d.iso\", \"iso_checksum\": \"sha256:"
                + "0".repeat(64) + "\"}"));
        assertEquals(List.of(), check("{\"iso_urls\": [\"https://a/d.iso\", \"https://b/d.iso\"], \"iso_checksum\": \""
                + "0".repeat(32) + "\"}"));
        assertTrue(problems.warnings().isEmpty(), problems.warnings()::toString);
    }

    @Test
    void noneIsAWarning() {
        assertEquals(List.of(), check("{\"iso_url\": \"https://example.org/d.iso\", \"iso_checksum\": \"none\"}"));
        Problem w = problems.warnings().get(0);
        assertEquals("iso_checksum", w.path());
        assertEquals("a checksum of none was given; ISO files are big, a checksum is highly recommended", w.message());
    }

    @Test
    void missingPieces() {
        assertEquals(List.of("iso_url: missing required key \"iso_url\" (or \"iso_urls\"): the builder needs an ISO to install from",
                "iso_checksum: missing required key \"iso_checksum\": the download cannot be verified"), check("{}"));
        assertEquals(List.of("iso_urls: iso_url and iso_urls cannot be used together"),
                check("{\"iso_url\": \"https://a/x.iso\", \"iso_urls\": [\"https://a/x.iso\"], \"iso_checksum\": \"none\"}"));
    }

    @Test
    void checksumNotRequiredWhenTheBuilderSaysSo() {
        ComponentConfig c = config("{\"iso_url\": \"https://a/x.iso\"}");
        IsoConfig.from(c).check(c, false);
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void localIsoThatDoesNotExistIsOnlyAWarning() throws IOException {
        assertEquals(List.of(), check("{\"iso_url\": \"file:///nonexistent/imgbuild/debian.iso\", \"iso_checksum\": \"none\"}"));
        assertTrue(problems.warnings().stream().anyMatch(p -> p.path().equals("iso_url")
                && p.message().contains("does not exist")));
        Files.writeString(dir.resolve("here.iso"), "x");
        check("{\"iso_url\": \"here.iso\", \"iso_checksum\": \"md5:" + "0".repeat(32) + "\"}");
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void localChecksumListIsRead() throws IOException {
        Files.writeString(dir.resolve("SUMS"), "SHA256 (d.iso) = " + "e".repeat(64) + "\n");
        assertEquals(List.of(), check("{\"iso_url\": \"https://a/d.iso\", \"iso_checksum\": \"file:SUMS\"}"));
        assertEquals(List.of(), check("{\"iso_url\": \"https://a/d.iso\", \"iso_checksum\": \"file:file://" + dir.resolve("SUMS")
                + "\"}"));
        assertEquals(List.of(), check("{\"iso_url\": \"https://a/d.iso\", \"iso_checksum\": \"file://" + dir.resolve("SUMS")
                + "\"}"), "file:///abs/path is the list at /abs/path");
        assertEquals(List.of("iso_checksum: the checksum list " + dir.resolve("SUMS") + " has no checksum for \"e.iso\""),
                check("{\"iso_url\": \"https://a/e.iso\", \"iso_checksum\": \"file:SUMS\"}"));
    }

    @Test
    void locations() {
        ComponentConfig c = config("{}");
        assertTrue(IsoConfig.isRemote("https://example.org/x.iso"));
        assertTrue(IsoConfig.isRemote("git::https://example.org/x"));
        assertTrue(!IsoConfig.isRemote("file:///x.iso"));
        assertTrue(!IsoConfig.isRemote("x.iso"));
        assertNull(IsoConfig.localPath(c, "https://example.org/x.iso"));
        assertEquals(Path.of("/srv/a b.iso"), IsoConfig.localPath(c, "file:///srv/a%20b.iso"));
        assertEquals(dir.resolve("x.iso"), IsoConfig.localPath(c, "x.iso"));
        assertEquals("x.iso", IsoConfig.fileName("https://example.org/a/x.iso?arch=amd64"));
    }
}
