package io.imgbuild.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -only} and {@code -except}: build names or globs; a name that matches nothing is an error. */
final class SelectOptions {

    @Option(names = {"-only", "--only"}, split = ",", paramLabel = "NAME",
            description = "Run only these builds (names or globs, comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = {"-except", "--except"}, split = ",", paramLabel = "NAME",
            description = "Skip these builds or named post-processors (names or globs, comma-separated).")
    List<String> except = new ArrayList<>();
}
