package io.imgbuild.cli;

import io.imgbuild.core.plugin.PluginRegistry;
import io.imgbuild.core.schema.TemplateSchema;
import io.imgbuild.core.util.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code imgbuild schema}: the JSON Schema of the whole template language, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of the template language, every plugin included.",
            "Point your editor at it, e.g. with \"$schema\" in VS Code's json.schemas setting."})
final class SchemaCommand implements Callable<Integer> {

    private final CliEnvironment env;

    SchemaCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.out().println(Json.PRETTY.writeValueAsString(TemplateSchema.assemble(PluginRegistry.load())));
        return 0;
    }
}
