package io.imgbuild.builder.amazon;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * amazon-ebs options imgbuild reads but cannot honour yet. As with the qemu builder, a template that
 * uses them still validates (with a warning, since Packer accepts it), and its build stops at once,
 * before anything is made in the account, rather than ignoring them half-way.
 */
final class NotSupportedYet implements Step {

    private static final String WHAT_TO_DO = "remove it (imgbuild does not support it yet), or build this template"
            + " with Packer";

    private final List<String> options;

    private NotSupportedYet(List<String> options) {
        this.options = options;
    }

    /** The options of {@code c} that cannot be carried out yet, each as "key: why". */
    static List<String> of(AmazonEbsConfig c) {
        List<String> out = new ArrayList<>();
        if (c.isSpot() || !c.spotInstanceTypes().isEmpty()) {
            out.add((c.isSpot() ? "spot_price" : "spot_instance_types") + ": spot instances are not supported yet");
        }
        if ("session_manager".equals(c.sshInterface())) {
            out.add("ssh_interface: ssh_interface session_manager is not supported yet");
        }
        add(out, "temporary_iam_instance_profile_policy_document", c.temporaryIamInstanceProfilePolicyDocument() != null
                && !c.temporaryIamInstanceProfilePolicyDocument().isNull());
        add(out, "assume_role", c.assumeRole() != null && !c.assumeRole().isNull());
        add(out, "vault_aws_engine", c.vaultAwsEngine() != null && !c.vaultAwsEngine().isNull());
        add(out, "mfa_code", c.mfaCode() != null && !c.mfaCode().isEmpty());
        add(out, "no_ephemeral", c.noEphemeral());
        return out;
    }

    /** Warns at validate time about each one. */
    static void warn(ComponentConfig config, AmazonEbsConfig c) {
        for (String o : of(c)) {
            int colon = o.indexOf(':');
            config.warning(o.substring(0, colon), o.substring(colon + 2) + "; the build will stop before it starts",
                    WHAT_TO_DO);
        }
    }

    /** The first step of a build, or null when every option can be carried out. */
    static Step step(AmazonEbsConfig c) {
        List<String> options = of(c);
        return options.isEmpty() ? null : new NotSupportedYet(options);
    }

    private static void add(List<String> out, String key, boolean set) {
        if (set) {
            out.add(key + ": " + key + " is not supported yet");
        }
    }

    @Override
    public String name() {
        return "NotSupportedYet";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        throw new StepFailure("this version of imgbuild's amazon-ebs builder cannot do " + String.join("; ", options)
                + ": remove " + (options.size() == 1 ? "it" : "them") + " from the template, or build it with Packer");
    }
}
