package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.cli.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of template bytes: corpus templates with bytes flipped, ranges cut, duplicated
 * or spliced with JSON and template tokens. Whatever the input, validate must answer 0 or 1, never
 * crash or print a stack trace, and every error must be located (file:line:column) or name the flag.
 * Seeded, so a failure replays; IMGBUILD_FUZZ_ITERATIONS raises the count for a longer session.
 */
class TemplateFuzzTest {

    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "1e999", "-0",
        "{{", "}}", "{{user `x`}}", "{{ .HTTPIP }}", "{{build_name}}", "{{split \"a\" \"b\" 9}}", "\"type\"",
        "\"builders\"", "\"post-processors\"", "[[[", "\uFFFF", "\u0000", "\"\\u00\"", "{{/*", "`", "|", "(", ")"};
    private static final Pattern LOCATED_ERROR = Pattern.compile("^error: (\\S+:\\d+:\\d+: |-only|-except|-var)");

    @Test
    void mutatedTemplatesAlwaysGetALocatedAnswer(@TempDir Path dir) throws IOException {
        List<byte[]> seeds = seeds();
        int iterations = Integer.parseInt(System.getenv().getOrDefault("IMGBUILD_FUZZ_ITERATIONS", "1500"));
        Random random = new Random(20261121L);
        Path templates = Corpus.dir().resolve("templates");
        copyHelpers(templates, dir);
        int rejected = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Files.write(dir.resolve("m.json"), mutant);
            CliRun.Result r = CliRun.in(dir, "validate", "m.json");
            String context = "iteration " + i + ", input:\n" + new String(mutant, StandardCharsets.UTF_8) + "\noutput:\n"
                    + r.all();
            if (r.exitCode() != 0 && r.exitCode() != 1) {
                fail("exit " + r.exitCode() + " at " + context);
            }
            assertFalse(r.all().contains("internal error") || r.all().contains("\tat ") || r.all().contains("Exception"),
                    context);
            if (r.exitCode() == 1) {
                rejected++;
                List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
                assertFalse(errors.isEmpty(), "a rejection says why: " + context);
                for (String e : errors) {
                    assertTrue(LOCATED_ERROR.matcher(e).find(), "located: " + e + "\n" + context);
                }
            }
        }
        assertTrue(rejected > iterations / 3, "the mutations reach the error paths (" + rejected + " rejected)");
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Corpus.dir().resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                seeds.add(Files.readAllBytes(f));
            }
        }
        return seeds;
    }

    static byte[] mutate(byte[] seed, Random r) {
        StringBuilder s = new StringBuilder(new String(seed, StandardCharsets.UTF_8));
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(20)));
                case 2 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    int from = r.nextInt(s.length());
                    int len = Math.min(s.length() - from, 1 + r.nextInt(40));
                    s.insert(at, s.substring(from, from + len));
                }
                default -> s.replace(at, Math.min(s.length(), at + 3), TOKENS[r.nextInt(TOKENS.length)]);
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Scripts, cookbooks and such that templates name must exist for their configs to pass. */
    private static void copyHelpers(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().endsWith(".json")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
