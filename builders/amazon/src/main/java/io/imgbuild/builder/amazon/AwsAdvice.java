package io.imgbuild.builder.amazon;

import java.util.Map;

/** What to do about the EC2 error codes a template can cause or the user can fix. */
final class AwsAdvice {

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("AuthFailure", "check access_key/secret_key, profile or the AWS_* environment variables,"
                    + " and that the region is enabled for the account"),
            Map.entry("UnauthorizedOperation", "give the credentials' IAM policy this EC2 action"
                    + " (decode_authorization_messages shows the denied details)"),
            Map.entry("InvalidClientTokenId", "the access key is not known to AWS: check access_key or the profile"),
            Map.entry("SignatureDoesNotMatch", "the secret key does not match the access key"),
            Map.entry("RequestExpired", "the machine's clock is off: sync it (e.g. with NTP)"),
            Map.entry("RequestLimitExceeded", "the account is throttled: raise max_retries, or run fewer builds"
                    + " at once"),
            Map.entry("InvalidAMIID.NotFound", "check source_ami (or source_ami_filter) and that the AMI exists in"
                    + " this region and is shared with the account"),
            Map.entry("InvalidAMIID.Malformed", "an AMI ID looks like ami-0123456789abcdef0"),
            Map.entry("InvalidAMIName.Duplicate", "set force_deregister to replace the AMI of that name, or change"
                    + " ami_name (e.g. add {{timestamp}})"),
            Map.entry("InvalidAMIName.Malformed", "ami_name is 3-128 characters of letters, digits and ()[]./-'@_"),
            Map.entry("InvalidKeyPair.NotFound", "check ssh_keypair_name: the key pair must exist in this region"),
            Map.entry("InvalidKeyPair.Duplicate", "a key pair of that name exists: change temporary_key_pair_name"),
            Map.entry("InvalidGroup.NotFound", "check security_group_id(s): the group must exist in the instance's"
                    + " VPC"),
            Map.entry("InvalidSubnetID.NotFound", "check subnet_id, and that it is in this region"),
            Map.entry("InvalidVpcID.NotFound", "check vpc_id, and that it is in this region"),
            Map.entry("InvalidParameterValue", "check the option the message names"),
            Map.entry("InvalidParameterCombination", "check the options the message names: they cannot go together"),
            Map.entry("InsufficientInstanceCapacity", "AWS has no capacity for this instance_type here now: try"
                    + " another instance_type or availability_zone, or later"),
            Map.entry("InstanceLimitExceeded", "the account's instance quota is reached: terminate instances or"
                    + " ask AWS for a higher limit"),
            Map.entry("VcpuLimitExceeded", "the account's vCPU quota is reached: terminate instances or ask AWS"
                    + " for a higher limit"),
            Map.entry("Unsupported", "this instance_type is not offered here: pick another, or another"
                    + " availability_zone"),
            Map.entry("InvalidRegion", "check ami_regions: the region must exist and be enabled for the account"),
            Map.entry("OptInRequired", "enable the region or subscribe to the AMI's product for the account"),
            Map.entry("DependencyViolation", "something still uses the resource: it is removed once that is gone"));

    private AwsAdvice() {
    }

    /** Advice for an error code, or a general hint. */
    static String forCode(String code) {
        if (code == null || code.isEmpty()) {
            return "retry later; if it persists, run with PACKER_LOG=1 and look at the AWS answer";
        }
        String advice = BY_CODE.get(code);
        if (advice == null && code.endsWith(".NotFound")) {
            advice = "check the ID the message names, and that it is in this region";
        }
        return advice != null ? advice : "see the AWS EC2 error code " + code + " in the EC2 API reference";
    }
}
