package io.imgbuild.provisioner.chef;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The chef-solo provisioner's options; defaults come from the schema. */
public record ChefSoloConfig(List<String> cookbookPaths, List<String> remoteCookbookPaths, String rolesPath,
                             String dataBagsPath, String encryptedDataBagSecretPath, String environmentsPath,
                             String chefEnvironment, String chefLicense, String configTemplate, JsonNode json,
                             List<String> runList, String executeCommand, String installCommand, boolean skipInstall,
                             String version, boolean preventSudo, String stagingDirectory, String guestOsType) {

    public ChefSoloConfig {
        cookbookPaths = cookbookPaths == null ? List.of() : List.copyOf(cookbookPaths);
        remoteCookbookPaths = remoteCookbookPaths == null ? List.of() : List.copyOf(remoteCookbookPaths);
        runList = runList == null ? List.of() : List.copyOf(runList);
    }

    /** chef_license, else accept-silent when imgbuild installs Chef with the default command, else null. */
    public String effectiveChefLicense() {
        if (chefLicense != null && !chefLicense.isEmpty()) {
            return chefLicense;
        }
        return !skipInstall && (installCommand == null || installCommand.isEmpty()) ? "accept-silent" : null;
    }
}
