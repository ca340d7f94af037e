package io.imgbuild.cli;

import io.imgbuild.core.config.ConfigPipeline;
import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.JsonSyntaxException;
import io.imgbuild.core.json.LocatedJsonParser;
import io.imgbuild.core.plugin.PluginRegistry;
import io.imgbuild.core.problem.InvalidInputException;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.run.BuildPlanner;
import io.imgbuild.core.run.PlanOptions;
import io.imgbuild.core.run.PreparedBuild;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.template.Template;
import io.imgbuild.core.template.TemplateParser;
import io.imgbuild.core.template.VarFile;
import io.imgbuild.core.template.VariableInput;
import io.imgbuild.core.template.VariableResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads a template through every phase a command needs: read, parse (JSON), syntax, variables,
 * and (unless syntax only) the prepared builds. Problems of every phase are collected; an error in
 * one phase stops the phases that depend on it.
 */
final class TemplateSession {

    /** A loaded template; {@code builds} is empty after a syntax-only load. */
    record Loaded(Template template, Map<String, String> variables, InterpolationContext base, String runUuid,
                  List<PreparedBuild> builds, Problems problems) {
    }

    private TemplateSession() {
    }

    static Loaded load(CliEnvironment env, String templateArg, VarOptions vars, SelectOptions select, PlanOptions options,
                       boolean syntaxOnly) throws InvalidInputException {
        Source source = read(env, templateArg);
        return load(env, source, vars, select, options, syntaxOnly);
    }

    /** A template's text and where it came from (file is null for stdin). */
    record Source(String shownName, String text, Path file) {
    }

    static Loaded load(CliEnvironment env, Source source, VarOptions vars, SelectOptions select, PlanOptions options,
                       boolean syntaxOnly) throws InvalidInputException {
        Problems problems = new Problems();
        Template template = parse(source, problems);
        return resolve(env, template, source.file(), vars, select, options, syntaxOnly, problems);
    }

    /** Reads and parses the template: the JSON and the structure, nothing evaluated. */
    static Template parse(CliEnvironment env, String templateArg, Problems problems) throws InvalidInputException {
        return parse(read(env, templateArg), problems);
    }

    static Source read(CliEnvironment env, String templateArg) throws InvalidInputException {
        if (templateArg.equals("-")) {
            try {
                return new Source("-", new String(env.in().readAllBytes(), StandardCharsets.UTF_8), null);
            } catch (IOException e) {
                throw new InvalidInputException(Problem.error(null, null, "cannot read the template from stdin: "
                        + e.getMessage(), null));
            }
        }
        Path file = env.workingDir().resolve(templateArg).normalize();
        return new Source(templateArg, read(file, templateArg), file);
    }

    static Template parse(Source source, Problems problems) throws InvalidInputException {
        Template template;
        try {
            LocatedJsonParser.Result parsed = LocatedJsonParser.parse(source.shownName(), source.text());
            parsed.problems().forEach(problems::add);
            template = TemplateParser.parse(parsed.document(), source.file(), problems);
        } catch (JsonSyntaxException e) {
            throw new InvalidInputException(Problem.error(null, e.error().location(), "invalid JSON: " + e.error().message()
                    + "\n" + e.error().excerpt(), null));
        }
        if (template == null || problems.hasErrors()) {
            throw new InvalidInputException(problems.all());
        }
        return template;
    }

    private static Loaded resolve(CliEnvironment env, Template template, Path file, VarOptions vars, SelectOptions select,
                                  PlanOptions options, boolean syntaxOnly, Problems problems)
            throws InvalidInputException {
        Path templateDir = file == null ? env.workingDir() : file.getParent();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        InterpolationContext base = InterpolationContext.builder().env(env.env()).workingDir(env.workingDir())
                .templateDir(templateDir).initTime(now).build();
        List<VariableInput> inputs = inputs(env, vars, problems);
        Map<String, String> values = VariableResolver.resolve(template, inputs, base, Secrets.global(), problems);
        String runUuid = UUID.randomUUID().toString();
        if (syntaxOnly || problems.hasErrors()) {
            if (problems.hasErrors()) {
                throw new InvalidInputException(problems.all());
            }
            return new Loaded(template, values, base, runUuid, List.of(), problems);
        }
        PlanOptions plan = new PlanOptions(select.only, select.except, options.force(), options.debug(), options.onError());
        List<PreparedBuild> builds = new BuildPlanner(PluginRegistry.load(), new ConfigPipeline(Secrets.global()))
                .plan(template, values, base, plan, runUuid, problems);
        if (problems.hasErrors()) {
            throw new InvalidInputException(problems.all());
        }
        return new Loaded(template, values, base, runUuid, builds, problems);
    }

    private static String read(Path file, String shown) throws InvalidInputException {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(Problem.error(null, null, shown + " is a directory; imgbuild reads JSON"
                        + " template files", "pass the template file, e.g. " + shown + "/template.json"));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.error(null, null, "template " + shown + " does not exist",
                    "check the path (relative paths start from " + file.getParent() + ")"));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.error(null, null, "cannot read template " + shown + ": "
                    + e.getMessage(), null));
        }
    }

    private static List<VariableInput> inputs(CliEnvironment env, VarOptions vars, Problems problems) {
        List<VariableInput> out = new ArrayList<>();
        for (VarOptions.VarFlag f : vars.flags) {
            if (f.file()) {
                out.addAll(VarFile.read(f.value(), env.workingDir().resolve(f.value()), problems));
                continue;
            }
            int eq = f.value().indexOf('=');
            if (eq <= 0) {
                problems.add(Problem.error(null, null, "-var \"" + f.value() + "\" is not NAME=VALUE",
                        "write it as -var 'name=value'"));
                continue;
            }
            out.add(new VariableInput(f.value().substring(0, eq), f.value().substring(eq + 1), "-var", null));
        }
        return out;
    }
}
