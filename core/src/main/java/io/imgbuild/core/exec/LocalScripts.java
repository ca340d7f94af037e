package io.imgbuild.core.exec;

import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link LocalScriptSpec} on the build host: inline commands become one temporary script
 * (removed afterwards), each script runs through the rendered execute_command with the variables,
 * output is streamed to the build's output, and the exit code is checked.
 */
public final class LocalScripts {

    private final LocalScriptSpec spec;
    private final Renderer renderer;

    public LocalScripts(LocalScriptSpec spec, Renderer renderer) {
        this.spec = spec;
        this.renderer = renderer;
    }

    /**
     * @param builtIn variables every script gets (PACKER_BUILD_NAME, ...), before the user's own
     */
    public void run(BuildUi ui, Cancellation cancellation, Map<String, String> builtIn, Path workingDir)
            throws StepFailure, CancelledException, IOException {
        if (spec.skipsThisHost()) {
            ui.say("Skipping: only_on does not include this host's OS");
            return;
        }
        Map<String, String> env = new LinkedHashMap<>(builtIn);
        env.putAll(spec.environment());
        List<Path> temporary = new ArrayList<>();
        try {
            List<Path> scripts = new ArrayList<>(spec.scripts());
            if (spec.inline() != null) {
                Path tmp = writeInline();
                temporary.add(tmp);
                scripts.add(0, tmp);
            }
            for (Path script : scripts) {
                runOne(script, env, ui, cancellation, workingDir);
            }
        } finally {
            for (Path t : temporary) {
                Files.deleteIfExists(t);
            }
        }
    }

    private void runOne(Path script, Map<String, String> env, BuildUi ui, Cancellation cancellation, Path workingDir)
            throws StepFailure, CancelledException, IOException {
        String vars = EnvVars.format(env, spec.envVarFormat());
        Map<String, String> fields = Map.of("Vars", vars, "Script", script.toString(), "Command", script.toString());
        List<String> command = new ArrayList<>();
        for (String arg : spec.executeCommand()) {
            command.add(renderer.render(arg, fields));
        }
        ui.say("Running local shell script: " + (spec.inline() != null && script.getFileName().toString()
                .startsWith("imgbuild-shell") ? "(inline)" : script.toString()));
        int code = ProcessRunner.run(command, env, workingDir, OutputListener.of(ui::message, ui::error), cancellation);
        if (!spec.validExitCodes().contains(code)) {
            throw new StepFailure("script exited with status " + code + "; allowed exit codes are " + spec.validExitCodes());
        }
    }

    private Path writeInline() throws IOException {
        // Packer accepts "ps1" and ".ps1" alike.
        String bare = spec.tempfileExtension().startsWith(".") ? spec.tempfileExtension().substring(1)
                : spec.tempfileExtension();
        String ext = bare.isEmpty() ? "" : "." + bare;
        StringBuilder sb = new StringBuilder("#!").append(spec.inlineShebang()).append('\n');
        for (String line : spec.inline()) {
            sb.append(line).append('\n');
        }
        return ForkLock.writeTempExecutable("imgbuild-shell", ext, sb.toString());
    }
}
