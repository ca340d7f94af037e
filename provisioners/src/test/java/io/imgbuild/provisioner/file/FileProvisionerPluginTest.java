package io.imgbuild.provisioner.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Provisioner;
import io.imgbuild.provisioner.TestFiles;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file provisioner's checks, with the corpus's cases. */
class FileProvisionerPluginTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corpusFiles() throws IOException {
        TestFiles.corpusHelpers(dir);
    }

    private Prepared<Provisioner> prepare(String json) {
        return PluginConfigs.prepare(new FileProvisionerPlugin(), json, dir);
    }

    @Test
    void corpusUploadAndDownloadAreAccepted() {
        assertEquals(List.of(), prepare("{\"type\": \"file\", \"source\": \"files/motd\", \"destination\": \"/tmp/motd\"}")
                .errorTexts());
        var down = prepare("{\"type\": \"file\", \"source\": \"/etc/hostname\", \"destination\": \"out/hostname\","
                + " \"direction\": \"download\"}");
        assertEquals(List.of(), down.errorTexts());
        TestFiles.assertNeedsConnection(down.prepared(), "file", dir);
    }

    @Test
    void corpusContentIsAccepted() {
        assertEquals(List.of(), prepare("{\"type\": \"file\", \"content\": \"hello\", \"destination\": \"/tmp/hello\"}")
                .errorTexts());
    }

    @Test
    void corpusMissingDestinationIsRejectedByTheSchema() {
        var r = prepare("{\"type\": \"file\", \"source\": \"a\"}");
        assertTrue(r.errorTexts().stream().anyMatch(t -> t.contains("destination")), r.errorTexts()::toString);
    }

    @Test
    void somethingToCopyIsNeeded() {
        assertEquals(List.of("nothing to copy: set source, sources or content"),
                prepare("{\"destination\": \"/tmp/x\"}").errorTexts());
        var both = prepare("{\"content\": \"x\", \"source\": \"files/motd\", \"destination\": \"/tmp/x\"}");
        assertEquals(List.of("content: content cannot be used with source or sources"), both.errorTexts());
    }

    @Test
    void contentCannotBeDownloaded() {
        var r = prepare("{\"content\": \"x\", \"destination\": \"x\", \"direction\": \"download\"}");
        assertTrue(r.hasError("content", "download"), r.errorTexts()::toString);
    }

    @Test
    void localSourcesMustExistUnlessGenerated() {
        var r = prepare("{\"source\": \"files/nope\", \"sources\": [\"files/motd\", \"other\"], \"destination\": \"/tmp/\"}");
        assertTrue(r.hasError("source", "does not exist"), r.errorTexts()::toString);
        assertTrue(r.hasError("sources[1]", "does not exist"), r.errorTexts()::toString);
        assertEquals(2, r.errors().size(), r.errorTexts()::toString);
        assertEquals(List.of(), prepare("{\"source\": \"files/nope\", \"destination\": \"/tmp/x\", \"generated\": true}")
                .errorTexts());
        assertEquals(List.of(), prepare("{\"source\": \"files\", \"destination\": \"/tmp/\"}").errorTexts(),
                "a directory is a source too");
    }

    @Test
    void severalSourcesWantADirectoryDestination() {
        var r = prepare("{\"sources\": [\"files/motd\", \"scripts/a.sh\"], \"destination\": \"/tmp\"}");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("destination", "does not end with /"), r.warningTexts()::toString);
    }

    @Test
    void contentNeedsAFileDestination() {
        var r = prepare("{\"content\": \"x\", \"destination\": \"/etc/\"}");
        assertTrue(r.hasError("destination", "ends with /"), r.errorTexts()::toString);
    }
}
