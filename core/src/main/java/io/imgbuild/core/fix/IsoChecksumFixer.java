package io.imgbuild.core.fix;

import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** iso_md5, iso_checksum_type and iso_checksum_url become the one iso_checksum of Packer 1.6. */
final class IsoChecksumFixer implements Fixer {

    @Override
    public String name() {
        return "iso-checksum";
    }

    @Override
    public String description() {
        return "merges iso_md5, iso_checksum_type and iso_checksum_url into iso_checksum (\"type:hash\", \"file:url\")";
    }

    @Override
    public boolean apply(ObjectNode template) {
        AtomicBoolean changed = new AtomicBoolean();
        Nodes.eachBuilder(template, b -> {
            if (b.has("iso_md5")) {
                Nodes.replaceKey(b, "iso_md5", "iso_checksum", StringNode.valueOf("md5:" + b.get("iso_md5").asString()));
                changed.set(true);
            }
            if (b.has("iso_checksum_url")) {
                Nodes.replaceKey(b, "iso_checksum_url", "iso_checksum",
                        StringNode.valueOf("file:" + b.get("iso_checksum_url").asString()));
                b.remove("iso_checksum_type");
                changed.set(true);
            }
            if (b.has("iso_checksum_type")) {
                String type = b.get("iso_checksum_type").asString();
                String sum = b.path("iso_checksum").asString("");
                String merged = type.equals("none") ? "none" : sum.contains(":") ? sum : type + ":" + sum;
                b.remove("iso_checksum_type");
                b.put("iso_checksum", merged);
                changed.set(true);
            }
        });
        return changed.get();
    }
}
