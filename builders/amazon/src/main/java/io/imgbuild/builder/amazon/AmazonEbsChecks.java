package io.imgbuild.builder.amazon;

import io.imgbuild.builder.amazon.AmazonEbsConfig.BlockDevice;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The amazon-ebs checks beyond the schema (module README, "Checks beyond the schema"). */
final class AmazonEbsChecks {

    private static final Pattern AMI_NAME = Pattern.compile("[A-Za-z0-9()\\[\\] ./\\-'@_]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final String KMS_ID = "(mrk-)?[a-f0-9-]+";
    private static final String KMS_ALIAS = "alias/[a-zA-Z0-9:/_-]+";
    private static final String KMS_ARN = "arn:aws(-[a-z]+)*:kms:([a-z]{2}(-[a-z]+)+-[0-9]+)?:[0-9]{12}:";
    private static final Pattern KMS_KEY = Pattern.compile(KMS_ID + "|" + KMS_ALIAS + "|" + KMS_ARN + "key/" + KMS_ID
            + "|" + KMS_ARN + KMS_ALIAS);
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
                    + "/(3[0-2]|[12]?[0-9])");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])");
    private static final Map<String, Integer> IOPS_PER_GIB = Map.of("io1", 50, "io2", 500);

    private final ComponentConfig config;
    private final AmazonEbsConfig c;

    AmazonEbsChecks(ComponentConfig config, AmazonEbsConfig c) {
        this.config = config;
        this.c = c;
    }

    void all(RegionLookup regions) {
        source();
        instance();
        amiName();
        credentials(regions);
        encryption();
        blockDevices("launch_block_device_mappings", c.launchBlockDeviceMappings());
        blockDevices("ami_block_device_mappings", c.amiBlockDeviceMappings());
        spot();
        exclusivePairs();
        cidrs();
        sessionManager();
        keyPair();
    }

    private void source() {
        boolean ami = notEmpty(c.sourceAmi());
        boolean filter = c.sourceAmiFilter() != null && !c.sourceAmiFilter().isEmpty();
        if (!ami && !filter) {
            config.error("source_ami", "missing required key \"source_ami\" (or \"source_ami_filter\"): the builder needs an AMI to"
                    + " start from", "set source_ami to an AMI ID, or source_ami_filter to find one by name and owner");
        } else if (!ami && c.sourceAmiFilter().owners().isEmpty()) {
            config.error("source_ami_filter", "source_ami_filter must list owners: anyone can publish an AMI with a"
                    + " matching name", "add \"owners\": [\"<account ID>\"] (or amazon, self, aws-marketplace)");
        }
    }

    private void instance() {
        boolean type = notEmpty(c.instanceType());
        boolean spotTypes = !c.spotInstanceTypes().isEmpty();
        if (!type && !spotTypes) {
            config.error("instance_type", "missing required key \"instance_type\" (or \"spot_instance_types\")",
                    "set instance_type, e.g. t3.micro");
        } else if (type && spotTypes) {
            config.error("spot_instance_types", "instance_type and spot_instance_types cannot be used together",
                    "keep instance_type, or list the acceptable spot types in spot_instance_types");
        }
    }

    private void amiName() {
        String name = c.amiName();
        if (name == null || name.contains("{{")) {
            return; // missing: the schema said so; unrendered: the template error was reported
        }
        if (name.length() < 3 || name.length() > 128) {
            config.error("ami_name", "ami_name must be 3 to 128 characters long, \"" + name + "\" has " + name.length(),
                    "shorten or lengthen the name");
        } else if (!AMI_NAME.matcher(name).matches()) {
            config.error("ami_name", "ami_name \"" + name + "\" has characters AWS does not allow",
                    "use letters, digits, spaces and ()[]./-'@_ only; the clean_resource_name function fixes a name,"
                            + " e.g. {{ `my name` | clean_resource_name }}");
        }
    }

    private void credentials(RegionLookup regions) {
        boolean access = notEmpty(c.accessKey());
        boolean secret = notEmpty(c.secretKey());
        if (access != secret) {
            config.error(access ? "access_key" : "secret_key", "access_key and secret_key go together",
                    "set both, or neither to use the usual AWS credential chain (environment, profile, instance role)");
        }
        if (c.vaultAwsEngine() != null && !c.vaultAwsEngine().isNull() && (access || secret)) {
            config.error("vault_aws_engine", "vault_aws_engine cannot be used with access_key and secret_key",
                    "take the credentials from Vault or from access_key and secret_key, not both");
        }
        if (notEmpty(c.region())) {
            if (!c.skipRegionValidation() && !REGION.matcher(c.region()).matches()) {
                config.error("region", "\"" + c.region() + "\" is not an AWS region name",
                        "write a region such as us-east-1 or eu-west-1 (set skip_region_validation for a custom endpoint)");
            }
        } else if (regions.find(c.profile()).isEmpty()) {
            config.error("region", "no AWS region: region is not set, and neither AWS_REGION, AWS_DEFAULT_REGION nor the"
                    + " profile's config has one", "set region, e.g. \"region\": \"us-east-1\"");
        }
        if (!c.skipRegionValidation()) {
            for (int i = 0; i < c.amiRegions().size(); i++) {
                String r = c.amiRegions().get(i);
                if (!REGION.matcher(r).matches()) {
                    config.error(JsonPath.ROOT.key("ami_regions").index(i), "\"" + r + "\" is not an AWS region name",
                            "write a region such as eu-west-1");
                }
            }
        }
    }

    private void encryption() {
        if (notEmpty(c.kmsKeyId())) {
            if (!c.encrypted()) {
                config.error("kms_key_id", "kms_key_id needs encrypt_boot: true", "set encrypt_boot to true");
            }
            kmsKey(JsonPath.ROOT.key("kms_key_id"), c.kmsKeyId());
        }
        Map<String, String> regional = c.regionKmsKeyIds();
        if (!regional.isEmpty()) {
            if (!c.encrypted()) {
                config.error("region_kms_key_ids", "region_kms_key_ids needs encrypt_boot: true",
                        "set encrypt_boot to true");
            }
            regional.forEach((region, key) -> {
                if (notEmpty(key)) {
                    kmsKey(JsonPath.ROOT.key("region_kms_key_ids").key(region), key);
                }
                if (!c.amiRegions().contains(region)) {
                    config.error(JsonPath.ROOT.key("region_kms_key_ids").key(region), "region " + region
                            + " is in region_kms_key_ids but not in ami_regions", "add it to ami_regions, or remove it here");
                }
            });
            for (int i = 0; i < c.amiRegions().size(); i++) {
                String region = c.amiRegions().get(i);
                if (!regional.containsKey(region)) {
                    config.error(JsonPath.ROOT.key("ami_regions").index(i), "region " + region
                            + " is in ami_regions but not in region_kms_key_ids",
                            "give every region of ami_regions a key in region_kms_key_ids (\"\" for the region's default key)");
                }
            }
        }
        if (c.encrypted()) {
            boolean defaultKey = !notEmpty(c.kmsKeyId()) || regional.values().stream().anyMatch(v -> !notEmpty(v));
            if (defaultKey) {
                shared("ami_users", c.amiUsers());
                shared("snapshot_users", c.snapshotUsers());
            }
        }
    }

    private void shared(String key, List<String> users) {
        if (!users.isEmpty()) {
            config.error(key, "an AMI encrypted with the default KMS key cannot be shared with other accounts",
                    "set kms_key_id (and a key for every region in region_kms_key_ids) to a customer managed key the"
                            + " accounts may use");
        }
    }

    private void kmsKey(JsonPath at, String key) {
        if (!KMS_KEY.matcher(key).matches()) {
            config.error(at, "\"" + key + "\" is not a KMS key", "give a key ID, alias/<name>, or a key or alias ARN");
        }
    }

    private void blockDevices(String key, List<BlockDevice> devices) {
        for (int i = 0; i < devices.size(); i++) {
            BlockDevice d = devices.get(i);
            JsonPath at = JsonPath.ROOT.key(key).index(i);
            String type = d.volumeType() == null ? "" : d.volumeType();
            if (notEmpty(d.kmsKeyId())) {
                if (!Boolean.TRUE.equals(d.encrypted())) {
                    config.error(at.key("kms_key_id"), "kms_key_id needs encrypted: true on this device",
                            "set \"encrypted\": true");
                }
                kmsKey(at.key("kms_key_id"), d.kmsKeyId());
            }
            Integer ratio = IOPS_PER_GIB.get(type);
            if (ratio != null) {
                if (d.iops() == null) {
                    config.error(at, type + " volumes need iops", "set iops (100 to 64000)");
                } else {
                    if (d.iops() < 100 || d.iops() > 64000) {
                        config.error(at.key("iops"), "iops " + d.iops() + " is out of range for " + type + ": use 100-64000",
                                null);
                    }
                    if (d.volumeSize() != null && d.volumeSize() > 0 && d.iops() > (long) ratio * d.volumeSize()) {
                        config.error(at.key("iops"), "iops " + d.iops() + " is more than " + ratio + " per GiB allows for a "
                                + d.volumeSize() + " GiB " + type + " volume (at most " + (long) ratio * d.volumeSize() + ")",
                                "lower iops or make the volume bigger");
                    }
                }
            } else if (type.equals("gp3")) {
                if (d.iops() != null && (d.iops() < 3000 || d.iops() > 16000)) {
                    config.error(at.key("iops"), "iops " + d.iops() + " is out of range for gp3: use 3000-16000", null);
                }
            } else if (d.iops() != null) {
                config.warning(key, "iops of device " + d.deviceName() + " is ignored: iops only applies to io1, io2 and gp3"
                        + " volumes",
                        "remove iops, or set volume_type to gp3, io1 or io2");
            }
            if (d.throughput() != null) {
                if (!type.equals("gp3")) {
                    config.error(at.key("throughput"), "throughput only applies to gp3 volumes",
                            "set \"volume_type\": \"gp3\", or remove throughput");
                } else if (d.throughput() < 125 || d.throughput() > 1000) {
                    config.error(at.key("throughput"), "throughput " + d.throughput()
                            + " is out of range for gp3: use 125-1000 (MiB/s)", null);
                }
            }
        }
    }

    private void spot() {
        String price = c.spotPriceText();
        if (!price.isEmpty() && !price.equals("auto")) {
            boolean ok;
            try {
                ok = new BigDecimal(price).signum() >= 0;
            } catch (NumberFormatException e) {
                ok = false;
            }
            if (!ok) {
                config.error("spot_price", "spot_price \"" + price + "\" is not a price",
                        "give the highest hourly price in dollars, e.g. 0.05, or auto for the on-demand price");
            }
        }
        boolean spot = c.isSpot();
        if (!spot && (!c.spotTags().isEmpty() || !c.spotTag().isEmpty())) {
            config.error(c.spotTags().isEmpty() ? "spot_tag" : "spot_tags", "spot tags need a spot instance",
                    "set spot_price (a price, or auto), or remove the spot tags");
        }
        if (!spot && c.blockDurationMinutes() != null && c.blockDurationMinutes() > 0) {
            config.error("block_duration_minutes", "block_duration_minutes needs a spot instance",
                    "set spot_price, or remove block_duration_minutes");
        }
        if (c.enableT2Unlimited()) {
            if (spot) {
                config.error("enable_t2_unlimited", "enable_t2_unlimited cannot be used with a spot instance",
                        "remove spot_price, or enable_t2_unlimited");
            }
            String type = c.instanceType() == null ? "" : c.instanceType();
            if (!type.startsWith("t2.")) {
                config.error("enable_t2_unlimited", "enable_t2_unlimited needs a t2 instance type, not \"" + type + "\"",
                        "use a t2.* instance_type, or remove enable_t2_unlimited");
            }
        }
        if (spot && (Boolean.TRUE.equals(c.enaSupport()) || c.sriovSupport())) {
            config.error(Boolean.TRUE.equals(c.enaSupport()) ? "ena_support" : "sriov_support",
                    "a spot instance cannot be modified, which ena_support and sriov_support need",
                    "start from an AMI that already has ENA or SR-IOV enabled and remove these options,"
                            + " or use an on-demand instance");
        }
    }

    private void exclusivePairs() {
        if (notEmpty(c.userData()) && notEmpty(c.userDataFile())) {
            config.error("user_data_file", "user_data and user_data_file cannot be used together",
                    "keep one of them");
        }
        if (notEmpty(c.securityGroupId()) && !c.securityGroupIds().isEmpty()) {
            config.error("security_group_ids", "security_group_id and security_group_ids cannot be used together",
                    "list every group in security_group_ids");
        }
    }

    private void cidrs() {
        List<String> cidrs = c.temporarySecurityGroupSourceCidrs();
        for (int i = 0; i < cidrs.size(); i++) {
            String cidr = cidrs.get(i).trim();
            if (!IPV4_CIDR.matcher(cidr).matches() && !validIpv6Cidr(cidr)) {
                config.error(JsonPath.ROOT.key("temporary_security_group_source_cidrs").index(i), "\"" + cidrs.get(i)
                        + "\" is not a CIDR block", "write an address and a prefix length, e.g. 203.0.113.0/24");
            }
        }
    }

    private static boolean validIpv6Cidr(String cidr) {
        if (!IPV6_CIDR.matcher(cidr).matches()) {
            return false;
        }
        String address = cidr.substring(0, cidr.indexOf('/'));
        try {
            // a literal containing ':' is parsed, never looked up
            return java.net.InetAddress.getByName("[" + address + "]") instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private void sessionManager() {
        if (!"session_manager".equals(c.sshInterface())) {
            return;
        }
        JsonNode doc = c.temporaryIamInstanceProfilePolicyDocument();
        if (!notEmpty(c.iamInstanceProfile()) && (doc == null || doc.isNull())) {
            config.error("ssh_interface", "ssh_interface session_manager needs an instance profile that allows Session"
                    + " Manager", "set iam_instance_profile, or temporary_iam_instance_profile_policy_document");
        }
    }

    private void keyPair() {
        JsonNode n = config.node();
        if (!n.path("ssh_keypair_name").asString("").isEmpty() && n.path("ssh_private_key_file").asString("").isEmpty()
                && !n.path("ssh_agent_auth").asBoolean(false) && !"none".equals(n.path("communicator").asString(""))) {
            config.error("ssh_keypair_name", "ssh_keypair_name needs ssh_private_key_file or ssh_agent_auth",
                    "set ssh_private_key_file to the key pair's private key, or ssh_agent_auth to true");
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
