package io.imgbuild.core.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Every fixer, in the order they run; {@link #apply} reports which changed the template. */
public final class Fixers {

    private static final Set<String> VM_BUILDERS = Set.of("qemu", "virtualbox-iso", "virtualbox-ovf", "virtualbox");

    public static final List<Fixer> ALL = List.of(
            new IsoChecksumFixer(),
            new VirtualBoxFixer(),
            new RenameKeyFixer("ssh-key-path", "ssh_key_path", "ssh_private_key_file", Set.of()),
            new RenameKeyFixer("ssh-disable-agent", "ssh_disable_agent", "ssh_disable_agent_forwarding", Set.of()),
            new RenameKeyFixer("ssh-wait-timeout", "ssh_wait_timeout", "ssh_timeout", Set.of()),
            new RenameKeyFixer("host-port-min", "ssh_host_port_min", "host_port_min", VM_BUILDERS),
            new RenameKeyFixer("host-port-max", "ssh_host_port_max", "host_port_max", VM_BUILDERS),
            new RenameKeyFixer("skip-nat-mapping", "ssh_skip_nat_mapping", "skip_nat_mapping", VM_BUILDERS),
            new RenameKeyFixer("amazon-shutdown-behavior", "shutdown_behaviour", "shutdown_behavior", Set.of()),
            new RenameKeyFixer("amazon-enhanced-networking", "enhanced_networking", "ena_support", Set.of()),
            new AmazonFixer(),
            new PostProcessorFixer(),
            new StringRewriteFixer("clean-resource-name", "clean_ami_name and clean_image_name become clean_resource_name",
                    Map.of("clean_ami_name", "clean_resource_name", "clean_image_name", "clean_resource_name")),
            new StringRewriteFixer("create-time", "{{.CreateTime}} becomes {{timestamp}}",
                    Map.of("{{.CreateTime}}", "{{timestamp}}", "{{ .CreateTime }}", "{{timestamp}}")));

    private Fixers() {
    }

    /** Applies every fixer to the template in place; returns the names of those that changed it. */
    public static List<Fixer> apply(ObjectNode template) {
        List<Fixer> applied = new ArrayList<>();
        for (Fixer f : ALL) {
            if (f.apply(template)) {
                applied.add(f);
            }
        }
        return applied;
    }
}
