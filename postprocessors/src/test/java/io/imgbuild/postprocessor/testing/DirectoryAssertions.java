package io.imgbuild.postprocessor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a post-processor left in a directory after success, failure or cancel. */
public final class DirectoryAssertions {

    private DirectoryAssertions() {
    }

    /** The directory holds exactly these names: no temporary file is left next to them. */
    public static void assertOnlyFinalFilesIn(Path d, String... names) {
        try (Stream<Path> s = Files.list(d)) {
            assertEquals(List.of(names), s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
