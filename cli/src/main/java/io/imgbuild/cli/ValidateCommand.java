package io.imgbuild.cli;

import io.imgbuild.core.problem.InvalidInputException;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.core.run.PlanOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgbuild validate}: every problem of a template at once, each located; exit 0 if valid, 1 if not. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a template: JSON syntax, structure, variables, and every builder, provisioner and"
                + " post-processor's settings. Prints every problem with file:line:column and JSON path.")
final class ValidateCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = {"-syntax-only", "--syntax-only"}, description = "Check only the JSON and the template's structure.")
    boolean syntaxOnly;

    @Mixin
    VarOptions vars = new VarOptions();

    @Mixin
    SelectOptions select = new SelectOptions();

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template file, or - for stdin.")
    String template;

    ValidateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            TemplateSession.Loaded loaded = TemplateSession.load(env, template, vars, select, PlanOptions.defaults(),
                    syntaxOnly);
            ProblemPrinter.print(env.err(), loaded.problems().all());
            env.out().println(syntaxOnly ? "Syntax-only check passed. Everything looks okay." : "The configuration is valid.");
            return ExitCodes.OK;
        } catch (InvalidInputException e) {
            ProblemPrinter.print(env.err(), e.problems());
            return 1; // validate's verdict, like packer validate: 1 = the template is not valid
        }
    }
}
