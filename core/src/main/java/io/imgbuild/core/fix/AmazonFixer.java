package io.imgbuild.core.fix;

import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Old amazon-ebs forms: ssh_private_ip, a single temporary_security_group_source_cidr, spot_price_auto_product. */
final class AmazonFixer implements Fixer {

    @Override
    public String name() {
        return "amazon-options";
    }

    @Override
    public String description() {
        return "ssh_private_ip becomes ssh_interface, temporary_security_group_source_cidr a list,"
                + " spot_price_auto_product is dropped";
    }

    @Override
    public boolean apply(ObjectNode template) {
        AtomicBoolean changed = new AtomicBoolean();
        Nodes.eachBuilder(template, b -> {
            if (!b.path("type").asString("").startsWith("amazon-")) {
                return;
            }
            // As Packer: an explicit ssh_interface wins, and a value that is not a boolean is left alone.
            Boolean priv = b.has("ssh_interface") ? null : Nodes.bool(b.get("ssh_private_ip"));
            if (priv != null) {
                Nodes.replaceKey(b, "ssh_private_ip", "ssh_interface", StringNode.valueOf(priv ? "private_ip" : "public_ip"));
                changed.set(true);
            }
            if (b.has("temporary_security_group_source_cidr") && !b.has("temporary_security_group_source_cidrs")) {
                var list = b.arrayNode().add(b.get("temporary_security_group_source_cidr").asString());
                Nodes.replaceKey(b, "temporary_security_group_source_cidr", "temporary_security_group_source_cidrs", list);
                changed.set(true);
            }
            if (b.remove("spot_price_auto_product") != null) {
                changed.set(true);
            }
        });
        return changed.get();
    }
}
