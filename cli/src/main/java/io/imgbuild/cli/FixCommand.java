package io.imgbuild.cli;

import io.imgbuild.core.fix.Fixer;
import io.imgbuild.core.fix.Fixers;
import io.imgbuild.core.json.JsonSyntaxException;
import io.imgbuild.core.json.LocatedJsonParser;
import io.imgbuild.core.problem.InvalidInputException;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.run.PlanOptions;
import io.imgbuild.core.util.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code imgbuild fix}: prints the template with old Packer keys and forms upgraded. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Upgrade old Packer keys and forms (iso_md5, ssh_wait_timeout, builder type virtualbox, ...)"
                + " and print the fixed template to stdout; what changed goes to stderr."})
final class FixCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = {"-validate", "--validate"}, arity = "0..1", fallbackValue = "true", defaultValue = "true",
            paramLabel = "true|false", description = "Also validate the fixed template (default true).")
    boolean validate;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template file, or - for stdin.")
    String template;

    FixCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        TemplateSession.Source source;
        ObjectNode root;
        try {
            source = TemplateSession.read(env, template);
            LocatedJsonParser.Result parsed = LocatedJsonParser.parse(source.shownName(), source.text());
            if (!parsed.document().root().isObject()) {
                throw new InvalidInputException(Problem.error(null, null, "a template must be a JSON object", null));
            }
            root = (ObjectNode) parsed.document().root();
        } catch (JsonSyntaxException e) {
            ProblemPrinter.print(env.err(), List.of(Problem.error(null, e.error().location(), "invalid JSON: "
                    + e.error().message() + "\n" + e.error().excerpt(), null)));
            return 1;
        } catch (InvalidInputException e) {
            ProblemPrinter.print(env.err(), e.problems());
            return 1;
        }
        List<Fixer> applied = Fixers.apply(root);
        String fixed = Json.PRETTY.writeValueAsString(root);
        env.out().println(fixed);
        for (Fixer f : applied) {
            env.err().println("fixed (" + f.name() + "): " + f.description());
        }
        if (applied.isEmpty()) {
            env.err().println("nothing to fix");
        }
        if (!validate) {
            return 0;
        }
        try {
            TemplateSession.load(env, new TemplateSession.Source(source.shownName() + " (fixed)", fixed, source.file()),
                    new VarOptions(), new SelectOptions(), PlanOptions.defaults(), false);
            return 0;
        } catch (InvalidInputException e) {
            env.err().println("The fixed template is still not valid:");
            ProblemPrinter.print(env.err(), e.problems());
            return 1;
        }
    }
}
