package io.imgbuild.builder.amazon;

import io.imgbuild.core.config.ComponentConfig;

/**
 * amazon-ebs options imgbuild reads but cannot honour yet: refused when the template is checked,
 * rather than ignored half-way through a build that then produces something else.
 */
final class NotSupportedYet {

    private static final String WHAT_TO_DO = "remove it (imgbuild does not support it yet), or build this template"
            + " with Packer";

    private NotSupportedYet() {
    }

    static void check(ComponentConfig config, AmazonEbsConfig c) {
        if (c.isSpot() || !c.spotInstanceTypes().isEmpty()) {
            config.error(c.isSpot() ? "spot_price" : "spot_instance_types", "spot instances are not supported yet",
                    "use instance_type for an on-demand instance, or " + WHAT_TO_DO);
        }
        if ("session_manager".equals(c.sshInterface())) {
            config.error("ssh_interface", "ssh_interface session_manager is not supported yet",
                    "use public_ip or private_ip, or " + WHAT_TO_DO);
        }
        refuse(config, "temporary_iam_instance_profile_policy_document",
                c.temporaryIamInstanceProfilePolicyDocument() != null
                        && !c.temporaryIamInstanceProfilePolicyDocument().isNull());
        refuse(config, "assume_role", c.assumeRole() != null && !c.assumeRole().isNull());
        refuse(config, "vault_aws_engine", c.vaultAwsEngine() != null && !c.vaultAwsEngine().isNull());
        refuse(config, "mfa_code", c.mfaCode() != null && !c.mfaCode().isEmpty());
        refuse(config, "no_ephemeral", c.noEphemeral());
    }

    private static void refuse(ComponentConfig config, String key, boolean set) {
        if (set) {
            config.error(key, key + " is not supported yet", WHAT_TO_DO);
        }
    }
}
