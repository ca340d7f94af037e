package io.imgbuild.provisioner.salt;

import java.util.List;
import java.util.Locale;

/** The salt-masterless provisioner's options; defaults come from the schema. */
public record SaltMasterlessConfig(String localStateTree, String localPillarRoots, String remoteStateTree,
                                   String remotePillarRoots, String minionConfig, String grainsFile,
                                   String tempConfigDir, boolean skipBootstrap, String bootstrapArgs,
                                   boolean disableSudo, String customState, boolean noExitOnFailure, String logLevel,
                                   String saltCallArgs, String saltBinDir, String guestOsType, List<String> formulas) {

    public SaltMasterlessConfig {
        formulas = formulas == null ? List.of() : List.copyOf(formulas);
    }

    public boolean windows() {
        return guestOsType != null && guestOsType.toLowerCase(Locale.ROOT).equals("windows");
    }
}
