package io.imgbuild.cli;

import io.imgbuild.core.problem.InvalidInputException;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.template.BuilderDef;
import io.imgbuild.core.template.PostProcessorDef;
import io.imgbuild.core.template.ProvisionerDef;
import io.imgbuild.core.template.Template;
import io.imgbuild.core.template.VariableDecl;
import io.imgbuild.core.ui.MachineReadableConsole;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgbuild inspect}: what a template declares, without building or evaluating anything. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a template's description, variables, builds, provisioners and post-processor chains.")
final class InspectCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = {"-machine-readable", "--machine-readable"}, description = "Print Packer-style machine-readable lines.")
    boolean machineReadable;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template file, or - for stdin.")
    String template;

    InspectCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Template t;
        try {
            t = TemplateSession.parse(env, template, new Problems());
        } catch (InvalidInputException e) {
            ProblemPrinter.print(env.err(), e.problems());
            return 1;
        }
        if (machineReadable) {
            machine(t, env.out());
        } else {
            human(t, env.out());
        }
        return 0;
    }

    private static String shownDefault(Template t, VariableDecl v) {
        if (t.sensitiveVariables().contains(v.name())) {
            return Secrets.MASK;
        }
        return v.defaultValue().isString() ? v.defaultValue().asString() : v.defaultValue().toString();
    }

    private static void human(Template t, PrintStream out) {
        if (t.description() != null) {
            out.println("Description:");
            out.println();
            out.println("  " + t.description());
            out.println();
        }
        List<VariableDecl> optional = t.variables().stream().filter(v -> !v.required()).toList();
        List<VariableDecl> required = t.variables().stream().filter(VariableDecl::required).toList();
        out.println("Optional variables and their defaults:");
        out.println();
        int width = optional.stream().mapToInt(v -> v.name().length()).max().orElse(0);
        optional.forEach(v -> out.println("  " + pad(v.name(), width) + " = " + shownDefault(t, v)));
        if (optional.isEmpty()) {
            out.println("  <none>");
        }
        out.println();
        out.println("Required variables:");
        out.println();
        required.forEach(v -> out.println("  " + v.name()));
        if (required.isEmpty()) {
            out.println("  <none>");
        }
        out.println();
        out.println("Builds (in the order they start):");
        out.println();
        for (BuilderDef b : t.builders()) {
            out.println("  " + b.name() + (b.name().equals(b.type()) ? "" : " (" + b.type() + ")"));
        }
        out.println();
        out.println("Provisioners:");
        out.println();
        for (ProvisionerDef p : t.provisioners()) {
            String scope = !p.only().isEmpty() ? "  only: " + String.join(", ", p.only())
                    : !p.except().isEmpty() ? "  except: " + String.join(", ", p.except()) : "";
            out.println("  " + p.type() + scope);
        }
        if (t.provisioners().isEmpty()) {
            out.println("  <none>");
        }
        out.println();
        out.println("Post-processor chains (each starts from the build's artifact):");
        out.println();
        for (int i = 0; i < t.postProcessors().size(); i++) {
            List<String> steps = t.postProcessors().get(i).stream().map(PostProcessorDef::displayName).toList();
            out.println("  " + (i + 1) + ": " + String.join(" -> ", steps));
        }
        if (t.postProcessors().isEmpty()) {
            out.println("  <none>");
        }
    }

    private static void machine(Template t, PrintStream out) {
        long ts = Instant.now().getEpochSecond();
        for (VariableDecl v : t.variables()) {
            line(out, ts, "template-variable", v.name(), v.required() ? "" : shownDefault(t, v), v.required() ? "1" : "0");
        }
        for (BuilderDef b : t.builders()) {
            line(out, ts, "template-builder", b.name(), b.type());
        }
        for (ProvisionerDef p : t.provisioners()) {
            line(out, ts, "template-provisioner", p.type());
        }
        for (int i = 0; i < t.postProcessors().size(); i++) {
            for (PostProcessorDef pp : t.postProcessors().get(i)) {
                line(out, ts, "template-post-processor", String.valueOf(i), pp.type(), pp.name() == null ? "" : pp.name());
            }
        }
    }

    private static void line(PrintStream out, long ts, String type, String... data) {
        StringBuilder sb = new StringBuilder().append(ts).append(",,").append(type);
        for (String d : data) {
            sb.append(',').append(MachineReadableConsole.escape(d));
        }
        out.println(sb);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
