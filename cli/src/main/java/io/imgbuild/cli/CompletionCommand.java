package io.imgbuild.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code imgbuild completion bash|zsh}: a completion script generated from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
            "bash: source <(imgbuild completion bash)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(imgbuild completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Parameters(index = "0", arity = "0..1", defaultValue = "bash", paramLabel = "SHELL",
            description = "bash or zsh (default: bash).")
    String shell;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    CompletionCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            env.err().println("imgbuild: completion supports bash and zsh, not " + shell);
            return 2;
        }
        // picocli's script is bash; zsh runs it through bashcompinit.
        env.out().print(AutoComplete.bash("imgbuild", spec.root().commandLine()));
        return 0;
    }
}
