package io.imgbuild.cli.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a real tool (sha256sum, tar, ...) to check what imgbuild made. */
public final class Shell {

    private Shell() {
    }

    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + code + ":\n" + out);
        }
        return out;
    }
}
