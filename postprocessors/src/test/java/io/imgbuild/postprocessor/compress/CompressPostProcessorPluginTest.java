package io.imgbuild.postprocessor.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressPostProcessorPluginTest {

    @TempDir
    Path dir;

    private Prepared<PostProcessor> prepare(String json) {
        return PluginConfigs.prepare(new CompressPostProcessorPlugin(), json, dir);
    }

    private static CompressPostProcessor pp(Prepared<PostProcessor> r) {
        return (CompressPostProcessor) r.prepared();
    }

    @Test
    void corpusBadLevelIsRejectedNamingTheRange() {
        var r = prepare("{\"type\": \"compress\", \"output\": \"a.tar.gz\", \"compression_level\": 42}");
        assertEquals(List.of("compression_level: compression level 42 is out of range for tar.gz (gzip): use 0-9"
                + " (0 stores without compressing)"), r.errorTexts());
        assertEquals("set compression_level between 0 and 9", r.errors().get(0).hint());
    }

    @Test
    void defaultsAreATarGzAtLevel6() {
        var r = prepare("{}");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(List.of(), r.warningTexts());
        assertEquals(ArchiveFormat.TAR_GZIP, pp(r).format());
        assertEquals(6, pp(r).level());
        assertEquals("packer_{{.BuildName}}_{{.BuilderType}}", pp(r).output());
    }

    @ParameterizedTest
    @CsvSource({"a.tar.gz, TAR_GZIP", "a.tgz, TAR_GZIP", "a.gz, GZIP", "a.zip, ZIP", "a.tar, TAR", "a.tar.zst, TAR_ZSTD",
            "a.zst, ZSTD", "a.tar.xz, TAR_XZ", "a.xz, XZ", "a.tar.lz4, TAR_LZ4", "a.lz4, LZ4", "a.bgzf, BGZF",
            "out/{{.BuildName}}.qcow2.XZ, XZ", "dir.v1/{{.BuildName}}.tar.zst, TAR_ZSTD"})
    void formatFromTheOutputExtension(String output, ArchiveFormat expected) {
        var r = prepare("{\"output\": \"" + output + "\", \"compression_level\": 1}");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(expected, pp(r).format());
    }

    @Test
    void unknownExtensionMeansTarGzWithAWarning() {
        var r = prepare("{\"output\": \"image.{{.BuildName}}.box\"}");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(ArchiveFormat.TAR_GZIP, pp(r).format());
        assertTrue(r.hasWarning("output", "gzip-compressed tar"), r.warningTexts()::toString);
    }

    @Test
    void formatKeyWins() {
        var r = prepare("{\"output\": \"a.tar.gz\", \"format\": \".tar.zst\", \"compression_level\": 19}");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(ArchiveFormat.TAR_ZSTD, pp(r).format());
        var bad = prepare("{\"format\": \"tar.gzz\"}");
        assertEquals(List.of("format: unknown archive format \"tar.gzz\"; did you mean \"tar.gz\"?"), bad.errorTexts());
    }

    @ParameterizedTest
    @CsvSource({"a.tar.gz, 0, true", "a.tar.gz, 9, true", "a.tar.gz, 10, false", "a.zip, 10, false", "a.zst, 22, true",
            "a.tar.zst, 0, true", "a.tar.zst, 23, false", "a.xz, 9, true", "a.xz, 10, false", "a.lz4, 12, true",
            "a.lz4, 13, false", "a.gz, -2, false", "a.bgzf, 9, true"})
    void levelRanges(String output, int level, boolean ok) {
        var r = prepare("{\"output\": \"" + output + "\", \"compression_level\": " + level + "}");
        assertEquals(ok, r.errors().isEmpty(), r.errorTexts()::toString);
        if (!ok) {
            assertTrue(r.hasError("compression_level", "out of range"), r.errorTexts()::toString);
        }
    }

    @Test
    void plainTarIgnoresTheLevel() {
        var r = prepare("{\"output\": \"a.tar\", \"compression_level\": 42}");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("compression_level", "ignored"), r.warningTexts()::toString);
    }

    @Test
    void minusOneMeansTheDefault() {
        var r = prepare("{\"output\": \"a.tar.gz\", \"compression_level\": -1}");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(6, pp(r).level());
        assertTrue(r.hasWarning("compression_level", "-1"), r.warningTexts()::toString);
    }

    @Test
    void singleFileFormats() {
        assertTrue(ArchiveFormat.GZIP.singleFile());
        assertTrue(ArchiveFormat.LZ4.singleFile());
        assertTrue(!ArchiveFormat.ZIP.singleFile());
        assertTrue(!ArchiveFormat.TAR_XZ.singleFile());
    }

    @Test
    void badOutputTemplateIsReported() {
        var r = prepare("{\"output\": \"{{.Nope}}.tar.gz\"}");
        assertTrue(r.errorTexts().stream().anyMatch(t -> t.startsWith("output:")), r.errorTexts()::toString);
    }
}
