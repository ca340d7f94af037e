package io.imgbuild.core.fix;

import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The old {@code virtualbox} builder type is {@code virtualbox-iso}; its build name (the type, when
 * unnamed) changes with it, so provisioner overrides and only/except lists follow.
 * {@code guest_additions_attach} becomes {@code guest_additions_mode}.
 */
final class VirtualBoxFixer implements Fixer {

    @Override
    public String name() {
        return "virtualbox-rename";
    }

    @Override
    public String description() {
        return "builder type virtualbox becomes virtualbox-iso (with overrides), guest_additions_attach becomes"
                + " guest_additions_mode";
    }

    @Override
    public boolean apply(ObjectNode template) {
        AtomicBoolean changed = new AtomicBoolean();
        AtomicBoolean renamedBuild = new AtomicBoolean();
        Nodes.eachBuilder(template, b -> {
            if ("virtualbox".equals(b.path("type").asString(""))) {
                b.put("type", "virtualbox-iso");
                changed.set(true);
                renamedBuild.compareAndSet(false, !b.has("name"));
            }
            Boolean attach = b.has("guest_additions_mode") ? null : Nodes.bool(b.get("guest_additions_attach"));
            if (attach != null) {
                Nodes.replaceKey(b, "guest_additions_attach", "guest_additions_mode",
                        StringNode.valueOf(attach ? "attach" : "upload"));
                changed.set(true);
            }
        });
        if (renamedBuild.get()) {
            Nodes.eachProvisioner(template, p -> {
                if (p.get("override") instanceof ObjectNode ov) {
                    Nodes.rename(ov, "virtualbox", "virtualbox-iso");
                }
                for (String list : new String[]{"only", "except"}) {
                    JsonNode names = p.get(list);
                    if (names != null && names.isArray()) {
                        for (int i = 0; i < names.size(); i++) {
                            if ("virtualbox".equals(names.get(i).asString(""))) {
                                ((tools.jackson.databind.node.ArrayNode) names).set(i, StringNode.valueOf("virtualbox-iso"));
                            }
                        }
                    }
                }
            });
        }
        return changed.get();
    }
}
