package io.imgbuild.core.template;

import io.imgbuild.core.json.JsonPath;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provisioner as the template writes it. The meta keys are kept apart from the plugin's config.
 *
 * @param overrides per-build configs merged over {@code config}, by build name
 */
public record ProvisionerDef(String type, ObjectNode config, List<String> only, List<String> except,
                             Map<String, ObjectNode> overrides, String pauseBefore, String maxRetries, String timeout,
                             JsonPath path) {
}
