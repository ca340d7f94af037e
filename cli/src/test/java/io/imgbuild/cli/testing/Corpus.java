package io.imgbuild.cli.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The template compatibility corpus: the shared one next to the repository when present (it may be
 * newer), else the copy kept in this module so CI always has one.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        Path shared = Path.of("..", "..", "shared", "corpus").toAbsolutePath().normalize();
        if (Files.isRegularFile(shared.resolve("expected.tsv"))) {
            return shared;
        }
        return Path.of("src", "test", "corpus").toAbsolutePath();
    }
}
