package io.imgbuild.core.template;

import io.imgbuild.core.json.LocatedDocument;
import java.nio.file.Path;
import java.util.List;

/**
 * A template after the syntax phase: shape checked, meta keys separated, nothing interpolated yet.
 *
 * @param file            the template file (null when read from stdin)
 * @param postProcessors  independent chains; each is a sequence of post-processors
 */
public record Template(LocatedDocument document, Path file, String description, String minPackerVersion,
                       List<VariableDecl> variables, List<String> sensitiveVariables, List<BuilderDef> builders,
                       List<ProvisionerDef> provisioners, ProvisionerDef errorCleanupProvisioner,
                       List<List<PostProcessorDef>> postProcessors) {

    public List<String> buildNames() {
        return builders.stream().map(BuilderDef::name).toList();
    }
}
