package io.imgbuild.builder.amazon;

import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Renders tag maps at build time ({{ .SourceAMI }}, {{ .BuildRegion }}, {{ build `...` }} are known
 * only then) and turns them into EC2 tags.
 */
final class Tags {

    private final Renderer renderer;

    Tags(Renderer renderer) {
        this.renderer = renderer;
    }

    Map<String, String> render(StepContext ctx, Map<String, String> raw, String region) throws StepFailure {
        Map<String, String> fields = ctx.state().find(AmazonKeys.SOURCE_IMAGE).map(s -> s.templateFields(region))
                .orElse(Map.of("BuildRegion", region));
        Map<String, String> data = ctx.state().find(BuildData.KEY).orElse(Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            out.put(renderer.renderDeferred(e.getKey(), fields, data), renderer.renderDeferred(e.getValue(), fields, data));
        }
        return out;
    }

    String renderText(StepContext ctx, String raw, String region) throws StepFailure {
        Map<String, String> fields = ctx.state().find(AmazonKeys.SOURCE_IMAGE).map(s -> s.templateFields(region))
                .orElse(Map.of("BuildRegion", region));
        return renderer.renderDeferred(raw, fields, ctx.state().find(BuildData.KEY).orElse(Map.of()));
    }

    static List<Tag> toSdk(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static TagSpecification spec(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(toSdk(tags)).build();
    }
}
