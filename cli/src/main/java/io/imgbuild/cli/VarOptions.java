package io.imgbuild.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code -var} and {@code -var-file}, kept in command-line order: picocli calls these setters in the
 * order the flags appear, so the later flag wins whichever kind it is (Packer documents this but
 * lets -var always win).
 */
final class VarOptions {

    /** One flag as given: a NAME=VALUE or a file path. */
    record VarFlag(boolean file, String value) {
    }

    final List<VarFlag> flags = new ArrayList<>();

    @Option(names = {"-var", "--var"}, paramLabel = "NAME=VALUE",
            description = "Set a template variable (repeatable; later -var/-var-file flags win).")
    void var(String nameValue) {
        flags.add(new VarFlag(false, nameValue));
    }

    @Option(names = {"-var-file", "--var-file"}, paramLabel = "FILE",
            description = "Read variables from a JSON file of names to values (repeatable).")
    void varFile(String file) {
        flags.add(new VarFlag(true, file));
    }
}
