package io.imgbuild.builder.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmazonEbsBuilderPluginTest {

    /** The corpus's amazon-ebs-minimal builder, without its closing brace. */
    private static final String MINIMAL = """
            {"type": "amazon-ebs", "region": "us-east-1", "source_ami": "ami-0abcdef1234567890",
             "instance_type": "t3.micro", "ssh_username": "admin", "ami_name": "base-{{timestamp}}"
            """;

    @TempDir
    Path dir;

    private Map<String, String> env = Map.of();

    private Prepared<Builder> prepare(String json) {
        return PluginConfigs.prepare(new AmazonEbsBuilderPlugin(env, dir), json, dir);
    }

    private Prepared<Builder> minimal(String more) {
        return prepare(MINIMAL + more + "}");
    }

    private static AmazonEbsConfig config(Prepared<Builder> r) {
        return ((AmazonEbsBuilder) r.prepared()).config();
    }

    // --- the corpus -----------------------------------------------------------------------------

    @Test
    void corpusMinimalIsAccepted() {
        var r = minimal("");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(List.of(), r.warningTexts());
        assertTrue(config(r).amiName().matches("base-[0-9]+"), config(r).amiName());
    }

    @Test
    void corpusFilterWithGp3WithoutThroughputIsAccepted() {
        var r = prepare("""
                {"type": "amazon-ebs", "region": "us-east-1", "instance_type": "t3.micro", "ssh_username": "admin",
                 "ami_name": "base-{{timestamp}}",
                 "source_ami_filter": {"filters": {"name": "debian-12-amd64-*", "virtualization-type": "hvm",
                   "root-device-type": "ebs"}, "owners": ["136693071363"], "most_recent": true},
                 "tags": {"Name": "base", "Built": "{{isotime \\"2006-01-02\\"}}"},
                 "run_tags": {"Purpose": "bake"}, "ami_regions": ["eu-west-1"], "encrypt_boot": true,
                 "launch_block_device_mappings": [{"device_name": "/dev/xvda", "volume_size": 16, "volume_type": "gp3",
                   "delete_on_termination": true}]}""");
        assertEquals(List.of(), r.errorTexts());
        AmazonEbsConfig c = config(r);
        assertEquals("debian-12-amd64-*", c.sourceAmiFilter().allFilters().get("name"));
        assertEquals(List.of("eu-west-1"), c.copyRegions("us-east-1"));
        assertEquals("base", c.amiTags().get("Name"));
    }

    @Test
    void corpusMissingSourceIsRejected() {
        var r = prepare("""
                {"region": "us-east-1", "instance_type": "t3.micro", "ssh_username": "admin",
                 "ami_name": "base-{{timestamp}}"}""");
        assertEquals(1, r.errors().size(), r.errorTexts()::toString);
        assertTrue(r.hasError("source_ami", "missing required key \"source_ami\""), r.errorTexts()::toString);
    }

    @Test
    void corpusMissingAmiNameIsRejectedByTheSchema() {
        var r = prepare("""
                {"region": "us-east-1", "source_ami": "ami-0abcdef1234567890", "instance_type": "t3.micro",
                 "ssh_username": "admin"}""");
        assertTrue(r.errorTexts().stream().anyMatch(t -> t.contains("ami_name")), r.errorTexts()::toString);
    }

    // --- source, instance, name ---------------------------------------------------------------------

    @Test
    void filterWithoutOwnersIsRejected() {
        var r = prepare("""
                {"region": "us-east-1", "instance_type": "t3.micro", "ssh_username": "admin", "ami_name": "abc",
                 "source_ami_filter": {"filters": {"name": "debian-*"}}}""");
        assertTrue(r.hasError("source_ami_filter", "owners"), r.errorTexts()::toString);
    }

    @Test
    void exactlyOneInstanceType() {
        var both = minimal(", \"spot_instance_types\": [\"t3.small\"], \"spot_price\": \"auto\"");
        assertTrue(both.hasError("spot_instance_types", "cannot be used together"), both.errorTexts()::toString);
        var none = prepare("{\"region\": \"us-east-1\", \"source_ami\": \"ami-1\", \"ssh_username\": \"a\","
                + " \"ami_name\": \"abc\"}");
        assertTrue(none.hasError("instance_type", "missing required key"), none.errorTexts()::toString);
    }

    @Test
    void amiNameRules() {
        assertTrue(minimal(", \"ami_name\": \"ab\"").hasError("ami_name", "3 to 128"));
        assertTrue(minimal(", \"ami_name\": \"" + "a".repeat(129) + "\"").hasError("ami_name", "3 to 128"));
        var bad = minimal(", \"ami_name\": \"web:1.0\"");
        assertTrue(bad.hasError("ami_name", "characters AWS does not allow"), bad.errorTexts()::toString);
        assertEquals(List.of(), minimal(", \"ami_name\": \"My image (v1) [x] ./-'@_\"").errorTexts());
        assertEquals(List.of(), minimal(", \"ami_name\": \"{{ `web:1.0` | clean_resource_name }}\"").errorTexts());
    }

    // --- credentials and region -------------------------------------------------------------------

    @Test
    void keysComeTogether() {
        assertTrue(minimal(", \"access_key\": \"AKIA\"").hasError("access_key", "go together"));
        var vault = minimal(", \"access_key\": \"AKIA\", \"secret_key\": \"s\", \"vault_aws_engine\": {\"name\": \"r\"}");
        assertTrue(vault.hasError("vault_aws_engine", "cannot be used"), vault.errorTexts()::toString);
    }

    @Test
    void regionMayComeFromTheEnvironmentOrProfile() throws IOException {
        String noRegion = """
                {"source_ami": "ami-1", "instance_type": "t3.micro", "ssh_username": "admin", "ami_name": "abc"}""";
        var none = prepare(noRegion);
        assertTrue(none.hasError("region", "no AWS region"), none.errorTexts()::toString);
        env = Map.of("AWS_REGION", "eu-west-1");
        assertEquals(List.of(), prepare(noRegion).errorTexts());
        env = Map.of("AWS_PROFILE", "build");
        Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(dir.resolve(".aws/config"), "[default]\nregion = us-east-1\n[profile build]\nregion=eu-central-1\n");
        assertEquals(List.of(), prepare(noRegion).errorTexts());
        assertEquals("eu-central-1", RegionLookup.regionInConfig(dir.resolve(".aws/config"), "build").orElseThrow());
    }

    @Test
    void regionNamesAreChecked() {
        assertTrue(minimal(", \"region\": \"useast1\"").hasError("region", "not an AWS region"));
        assertTrue(minimal(", \"ami_regions\": [\"eu-west-1\", \"Europe\"]").hasError("ami_regions[1]", "not an AWS region"));
        assertEquals(List.of(), minimal(", \"region\": \"local\", \"skip_region_validation\": true").errorTexts());
    }

    @Test
    void amiRegionsDropDuplicatesAndTheBuildRegion() {
        var r = minimal(", \"ami_regions\": [\"eu-west-1\", \"us-east-1\", \"eu-west-1\"]");
        assertEquals(List.of("eu-west-1"), config(r).copyRegions("us-east-1"));
    }

    // --- encryption -------------------------------------------------------------------------------

    @Test
    void kmsKeysNeedEncryptBootAndAValidForm() {
        var r = minimal(", \"kms_key_id\": \"my key\"");
        assertTrue(r.hasError("kms_key_id", "needs encrypt_boot"), r.errorTexts()::toString);
        assertTrue(r.hasError("kms_key_id", "is not a KMS key"), r.errorTexts()::toString);
        for (String key : List.of("1234abcd-12ab-34cd-56ef-1234567890ab", "alias/build",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:us-east-1:111122223333:alias/build", "mrk-1234abcd12ab34cd56ef1234567890ab")) {
            assertEquals(List.of(), minimal(", \"encrypt_boot\": true, \"kms_key_id\": \"" + key + "\"").errorTexts(), key);
        }
    }

    @Test
    void regionKeysMustMatchAmiRegions() {
        var r = minimal(", \"encrypt_boot\": true, \"kms_key_id\": \"alias/a\", \"ami_regions\": [\"eu-west-1\","
                + " \"eu-west-2\"], \"region_kms_key_ids\": {\"eu-west-1\": \"alias/a\", \"ap-south-1\": \"alias/a\"}");
        assertTrue(r.hasError("region_kms_key_ids.ap-south-1", "not in ami_regions"), r.errorTexts()::toString);
        assertTrue(r.hasError("ami_regions[1]", "not in region_kms_key_ids"), r.errorTexts()::toString);
        assertEquals(2, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void sharingAnAmiEncryptedWithTheDefaultKeyIsAnError() {
        var r = minimal(", \"encrypt_boot\": true, \"ami_users\": [\"111122223333\"], \"snapshot_users\": [\"1\"]");
        assertTrue(r.hasError("ami_users", "default KMS key"), r.errorTexts()::toString);
        assertTrue(r.hasError("snapshot_users", "default KMS key"), r.errorTexts()::toString);
        assertEquals(List.of(), minimal(", \"encrypt_boot\": true, \"kms_key_id\": \"alias/shared\","
                + " \"ami_users\": [\"111122223333\"]").errorTexts());
        var empty = minimal(", \"encrypt_boot\": true, \"kms_key_id\": \"alias/shared\", \"ami_regions\": [\"eu-west-1\"],"
                + " \"region_kms_key_ids\": {\"eu-west-1\": \"\"}, \"ami_users\": [\"111122223333\"]");
        assertTrue(empty.hasError("ami_users", "default KMS key"), empty.errorTexts()::toString);
    }

    // --- block devices ------------------------------------------------------------------------------

    private Prepared<Builder> device(String device) {
        return minimal(", \"launch_block_device_mappings\": [{\"device_name\": \"/dev/sdb\", " + device + "}]");
    }

    @Test
    void blockDeviceRules() {
        assertTrue(device("\"kms_key_id\": \"alias/a\"").hasError("launch_block_device_mappings[0].kms_key_id",
                "encrypted: true"));
        assertEquals(List.of(), device("\"kms_key_id\": \"alias/a\", \"encrypted\": true").errorTexts());
        assertTrue(device("\"volume_type\": \"io1\", \"volume_size\": 10, \"iops\": 1000")
                .hasError("launch_block_device_mappings[0].iops", "at most 500"));
        assertEquals(List.of(), device("\"volume_type\": \"io2\", \"volume_size\": 10, \"iops\": 5000").errorTexts());
        assertTrue(device("\"volume_type\": \"io2\", \"volume_size\": 1000, \"iops\": 70000")
                .hasError("launch_block_device_mappings[0].iops", "100-64000"));
        assertTrue(device("\"volume_type\": \"io1\", \"volume_size\": 10").hasError("launch_block_device_mappings[0]",
                "need iops"));
        assertEquals(List.of(), device("\"volume_type\": \"gp3\", \"volume_size\": 10").errorTexts());
        assertEquals(List.of(), device("\"volume_type\": \"gp3\", \"throughput\": 250, \"iops\": 4000").errorTexts());
        assertTrue(device("\"volume_type\": \"gp3\", \"throughput\": 2000").hasError(
                "launch_block_device_mappings[0].throughput", "125-1000"));
        assertTrue(device("\"volume_type\": \"gp3\", \"iops\": 100").hasError("launch_block_device_mappings[0].iops",
                "3000-16000"));
        assertTrue(device("\"volume_type\": \"gp2\", \"throughput\": 200").hasError(
                "launch_block_device_mappings[0].throughput", "only applies to gp3"));
        var amiDevice = minimal(", \"ami_block_device_mappings\": [{\"device_name\": \"/dev/sdc\", \"throughput\": 200}]");
        assertTrue(amiDevice.hasError("ami_block_device_mappings[0].throughput", "gp3"), amiDevice.errorTexts()::toString);
    }

    // --- spot and the rest --------------------------------------------------------------------------

    @Test
    void spotRules() {
        assertTrue(minimal(", \"spot_tags\": {\"a\": \"b\"}").hasError("spot_tags", "need a spot instance"));
        assertTrue(minimal(", \"spot_tags\": {\"a\": \"b\"}, \"spot_price\": \"0\"").hasError("spot_tags", "spot"));
        assertEquals(List.of(), minimal(", \"spot_tags\": {\"a\": \"b\"}, \"spot_price\": 0.05").errorTexts());
        assertTrue(minimal(", \"spot_price\": \"cheap\"").hasError("spot_price", "not a price"));
        var t2 = minimal(", \"enable_t2_unlimited\": true, \"spot_price\": \"auto\"");
        assertTrue(t2.hasError("enable_t2_unlimited", "spot"), t2.errorTexts()::toString);
        assertTrue(t2.hasError("enable_t2_unlimited", "t2 instance type"), t2.errorTexts()::toString);
        assertEquals(List.of(), minimal(", \"enable_t2_unlimited\": true, \"instance_type\": \"t2.micro\"").errorTexts());
        assertTrue(minimal(", \"ena_support\": true, \"spot_price\": \"auto\"").hasError("ena_support", "spot"));
        assertTrue(minimal(", \"block_duration_minutes\": 60").hasError("block_duration_minutes", "spot"));
    }

    @Test
    void exclusivePairsAndCidrs() throws IOException {
        Files.writeString(dir.resolve("ud.sh"), "#!/bin/sh\n");
        var r = minimal(", \"user_data\": \"x\", \"user_data_file\": \"ud.sh\", \"security_group_id\": \"sg-1\","
                + " \"security_group_ids\": [\"sg-2\"], \"temporary_security_group_source_cidrs\": [\"10.0.0.0/8\","
                + " \"2001:db8::/32\", \"10.0.0.0\", \"300.1.1.1/8\"]");
        assertTrue(r.hasError("user_data_file", "cannot be used together"), r.errorTexts()::toString);
        assertTrue(r.hasError("security_group_ids", "cannot be used together"), r.errorTexts()::toString);
        assertTrue(r.hasError("temporary_security_group_source_cidrs[2]", "not a CIDR"), r.errorTexts()::toString);
        assertTrue(r.hasError("temporary_security_group_source_cidrs[3]", "not a CIDR"), r.errorTexts()::toString);
        assertEquals(4, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void sessionManagerNeedsAnInstanceProfile() {
        assertTrue(minimal(", \"ssh_interface\": \"session_manager\"").hasError("ssh_interface", "instance profile"));
        assertEquals(List.of(), minimal(", \"ssh_interface\": \"session_manager\", \"iam_instance_profile\": \"ssm\"")
                .errorTexts());
    }

    @Test
    void communicatorChecks() {
        assertTrue(minimal(", \"ssh_keypair_name\": \"kp\"").hasError("ssh_keypair_name", "ssh_private_key_file"));
        assertEquals(List.of(), minimal(", \"ssh_keypair_name\": \"kp\", \"ssh_agent_auth\": true").errorTexts());
        var r = prepare("{\"region\": \"us-east-1\", \"source_ami\": \"ami-1\", \"instance_type\": \"t3.micro\","
                + " \"ami_name\": \"abc\"}");
        assertTrue(r.hasErrorContaining("missing required key \"ssh_username\""), r.errorTexts()::toString);
    }

    @Test
    void listFormsOfTagsAreMerged() {
        var r = minimal(", \"tags\": {\"a\": \"1\"}, \"tag\": [{\"key\": \"b\", \"value\": 2}],"
                + " \"run_volume_tag\": [{\"name\": \"c\", \"value\": true}]");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(Map.of("a", "1", "b", "2"), config(r).amiTags());
        assertEquals(Map.of("c", "true"), config(r).allRunVolumeTags());
    }

    @Test
    void optionsNotSupportedYetValidateWithAWarningAndStopTheBuildAtOnce() {
        var r = minimal(", \"assume_role\": {\"role_arn\": \"arn:aws:iam::1:role/r\"}, \"no_ephemeral\": true");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(2, r.warnings().size(), r.warnings()::toString);
        assertEquals(List.of("NotSupportedYet"), stepNames(r));
        StepFailure f = assertThrows(StepFailure.class, () -> r.prepared().steps(null).get(0).run(null));
        assertTrue(f.getMessage().contains("cannot do assume_role: assume_role is not supported yet; no_ephemeral:"),
                f.getMessage());
    }

    @Test
    void theStepsFollowPackersOrderAndSkipCreateAmiLeavesOutTheImageSteps() {
        assertEquals(List.of("ConnectEc2", "PreValidate", "SourceAmiInfo", "NetworkInfo", "CreateTemporaryKey", "KeyPair",
                "SecurityGroup", "RunSourceInstance", "Connect", "Provision", "ClearTemporaryKey", "StopEbsBackedInstance",
                "CreateAmi", "AmiRegionCopy", "CreateTags", "Artifact"),
                stepNames(minimal(", \"ami_regions\": [\"eu-west-1\"]")));
        assertEquals(List.of("ConnectEc2", "SourceAmiInfo", "NetworkInfo", "CreateTemporaryKey", "KeyPair", "SecurityGroup",
                "RunSourceInstance", "Connect", "Provision", "ClearTemporaryKey", "SkipCreateAmi"),
                stepNames(minimal(", \"skip_create_ami\": true")));
        assertEquals(List.of("DeregisterAmi", "CreateAmi", "ModifyAmiAttributes"),
                stepNames(minimal(", \"force_deregister\": true, \"ami_users\": [\"123456789012\"]")).subList(11, 14));
    }

    private List<String> stepNames(Prepared<Builder> r) {
        Builder b = r.requireNoErrors().prepared();
        BuildInfo info = new BuildInfo("b", "amazon-ebs", "uuid", Instant.EPOCH, dir, dir, false, false, OnError.CLEANUP);
        Step provision = new Step() {
            @Override
            public String name() {
                return "Provision";
            }

            @Override
            public void run(StepContext ctx) {
            }
        };
        return b.steps(new BuilderContext() {
            @Override
            public BuildInfo build() {
                return info;
            }

            @Override
            public Step provisionStep() {
                return provision;
            }
        }).stream().map(Step::name).toList();
    }
}
