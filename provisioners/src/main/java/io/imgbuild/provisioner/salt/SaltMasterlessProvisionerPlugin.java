package io.imgbuild.provisioner.salt;

import io.imgbuild.core.build.NotYetImplemented;
import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.ProvisionerPlugin;
import io.imgbuild.provisioner.support.ProvisionerSupport;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code salt-masterless} provisioner: checks its config (local trees and files exist, through the
 * schema; options that exclude each other; formula URLs). Running Salt on the guest needs the SSH
 * communicator, not written yet.
 */
public final class SaltMasterlessProvisionerPlugin implements ProvisionerPlugin {

    private static final Pattern FORCED_GETTER = Pattern.compile("^[A-Za-z0-9]+::");

    @Override
    public String type() {
        return "salt-masterless";
    }

    @Override
    public Provisioner prepare(ComponentConfig config) {
        SaltMasterlessConfig c = config.bindChecked(SaltMasterlessConfig.class);
        if (c == null) {
            return null;
        }
        if (c.minionConfig() != null && !c.minionConfig().isEmpty()) {
            for (String key : List.of("remote_state_tree", "remote_pillar_roots")) {
                if (config.isSet(key)) {
                    config.error(key, key + " cannot be used with minion_config",
                            "set file_roots and pillar_roots in the minion config instead, or remove " + key);
                }
            }
        }
        for (int i = 0; i < c.formulas().size(); i++) {
            String f = c.formulas().get(i);
            if (subdir(f).isEmpty()) {
                config.error(JsonPath.ROOT.key("formulas").index(i), "formula \"" + f + "\" names no subdirectory",
                        "add // and the formula's directory in the repository, e.g."
                                + " git::https://github.com/saltstack-formulas/nginx-formula//nginx");
            }
        }
        ProvisionerSupport.checkGuestOsType(config, c.guestOsType());
        return NotYetImplemented.guestProvisioner(type());
    }

    /** The subdirectory after {@code //} in a go-getter source, as Packer reads it ("" when none). */
    static String subdir(String source) {
        String s = FORCED_GETTER.matcher(source).replaceFirst("");
        int from = 0;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            from = scheme + 3;
        }
        int slashes = s.indexOf("//", from);
        if (slashes < 0) {
            return "";
        }
        String sub = s.substring(slashes + 2);
        int q = sub.indexOf('?');
        return q >= 0 ? sub.substring(0, q) : sub;
    }
}
