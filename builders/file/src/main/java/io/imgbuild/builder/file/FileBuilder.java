package io.imgbuild.builder.file;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.step.Step;
import java.nio.file.Path;
import java.util.List;

/** Provision (on nothing: there is no machine), then write the target file as the artifact. */
final class FileBuilder implements Builder {

    private final String content;
    private final Path source;
    private final Path target;

    FileBuilder(String content, Path source, Path target) {
        this.content = content;
        this.source = source;
        this.target = target;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        return List.of(context.provisionStep(), new WriteTargetStep(content, source, target));
    }
}
