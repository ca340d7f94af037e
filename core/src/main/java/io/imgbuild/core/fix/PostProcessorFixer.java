package io.imgbuild.core.fix;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/** manifest's filename becomes output; vagrant's per-provider top-level keys move under override. */
final class PostProcessorFixer implements Fixer {

    private static final List<String> PROVIDERS = List.of("aws", "digitalocean", "virtualbox", "vmware", "parallels");

    @Override
    public String name() {
        return "post-processor-options";
    }

    @Override
    public String description() {
        return "manifest filename becomes output; vagrant provider sections move under override";
    }

    @Override
    public boolean apply(ObjectNode template) {
        AtomicBoolean changed = new AtomicBoolean();
        Nodes.eachPostProcessor(template, pp -> {
            String type = pp.path("type").asString("");
            if (type.equals("manifest")) {
                changed.compareAndSet(false, Nodes.rename(pp, "filename", "output"));
            }
            if (type.equals("vagrant")) {
                for (String provider : PROVIDERS) {
                    if (pp.get(provider) instanceof ObjectNode section) {
                        ObjectNode override = pp.has("override") ? (ObjectNode) pp.get("override") : pp.putObject("override");
                        override.set(provider, section);
                        pp.remove(provider);
                        changed.set(true);
                    }
                }
            }
        });
        return changed.get();
    }
}
