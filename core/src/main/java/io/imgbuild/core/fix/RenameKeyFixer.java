package io.imgbuild.core.fix;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/** Renames an old builder key to its new name, on builders of the given types (all when empty). */
record RenameKeyFixer(String name, String from, String to, Set<String> builderTypes) implements Fixer {

    @Override
    public String description() {
        return "renames " + from + " to " + to + (builderTypes.isEmpty() ? "" : " on " + String.join(", ", builderTypes)
                + " builders");
    }

    @Override
    public boolean apply(ObjectNode template) {
        AtomicBoolean changed = new AtomicBoolean();
        Nodes.eachBuilder(template, b -> {
            if (builderTypes.isEmpty() || builderTypes.contains(b.path("type").asString(""))) {
                changed.compareAndSet(false, Nodes.rename(b, from, to));
            }
        });
        return changed.get();
    }
}
