package io.imgbuild.core.interpolate;

import java.util.Map;

/** Packer functions imgbuild knowingly leaves out, with what to do instead. */
final class UnsupportedFunctions {

    /** Why a function is not available, and what to use instead. */
    record Reason(String message, String hint) {
    }

    private static final String PASS_AS_VARIABLE =
            " before running imgbuild and pass it in with -var name=value or -var-file";

    private static final Map<String, Reason> REASONS = Map.of(
            "sed", new Reason("sed is not supported by imgbuild (Packer deprecated it): use replace or replace_all",
                    "e.g. {{ user `name` | replace_all \"-\" \"_\" }}"),
            "consul_key", new Reason("consul_key is not supported by imgbuild",
                    "read the key (e.g. consul kv get KEY)" + PASS_AS_VARIABLE),
            "vault", new Reason("vault is not supported by imgbuild",
                    "read the secret (e.g. vault kv get -field=FIELD PATH)" + PASS_AS_VARIABLE),
            "aws_secretsmanager", new Reason("aws_secretsmanager is not supported by imgbuild",
                    "read the secret (e.g. aws secretsmanager get-secret-value --secret-id ID)" + PASS_AS_VARIABLE),
            "strftime", new Reason("strftime is not supported by imgbuild: use isotime with a Go layout",
                    "e.g. {{ isotime \"2006-01-02 15:04:05\" }}"),
            "clean_ami_name", new Reason("clean_ami_name is not supported by imgbuild: use clean_resource_name",
                    "e.g. {{ user `name` | clean_resource_name }}"),
            "clean_image_name", new Reason("clean_image_name is not supported by imgbuild: use clean_resource_name",
                    "e.g. {{ user `name` | clean_resource_name }}"));

    private UnsupportedFunctions() {
    }

    /** The reason {@code name} is left out, or null if it is not a known Packer function. */
    static Reason lookup(String name) {
        return REASONS.get(name);
    }
}
