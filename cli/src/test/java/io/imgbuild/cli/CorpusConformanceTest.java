package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code imgbuild validate} on every corpus template, run inside the templates directory, gives the
 * verdict expected.tsv asks for; every rejection names the place (file:line:column) and the JSON
 * path, and never shows a stack trace.
 */
class CorpusConformanceTest {

    private static final Pattern LOCATED = Pattern.compile("^error: [^:\\s]+\\.json:\\d+:\\d+: ", Pattern.MULTILINE);
    private static final Pattern PATH = Pattern.compile(
            "^error: [^:\\s]+\\.json:\\d+:\\d+: (builders|provisioners|post-processors|variables|sensitive-variables"
                    + "|min_packer_version|description|[a-z_-]+)(\\[\\d+\\])?[.\\[:]", Pattern.MULTILINE);

    static Stream<Arguments> templates() throws IOException {
        Path dir = Corpus.dir();
        List<String> rows = Files.readAllLines(dir.resolve("expected.tsv"));
        return rows.stream().skip(1).filter(r -> !r.isBlank()).map(r -> r.split("\t")).map(c -> Arguments.of(c[0], c[2]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("templates")
    void validateGivesTheExpectedVerdict(String name, String expected) {
        Path templates = Corpus.dir().resolve("templates");
        CliRun.Result r = CliRun.in(templates, "validate", name + ".json");
        String verdict = r.exitCode() == 0 ? "accept" : r.exitCode() == 1 ? "reject" : "exit " + r.exitCode();
        assertEquals(expected, verdict, r.all());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), "no stack trace:\n" + r.all());
        if (expected.equals("reject")) {
            assertTrue(LOCATED.matcher(r.err()).find(), "a rejection says file:line:column:\n" + r.err());
            if (!name.startsWith("bad-json")) {
                assertTrue(PATH.matcher(r.err()).find(), "a rejection names the JSON path:\n" + r.err());
            }
        } else {
            assertTrue(r.out().contains("The configuration is valid."), r.all());
        }
    }
}
