package io.imgbuild.core.fix;

import static io.imgbuild.core.fix.FixerFixture.assertFix;

import org.junit.jupiter.api.Test;

class AmazonFixerTest {

    private final Fixer fixer = new AmazonFixer();

    @Test
    void sshPrivateIpTrue() {
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': true, 'region': 'r'}]}",
                "{'builders': [{'type': 'amazon-ebs', 'ssh_interface': 'private_ip', 'region': 'r'}]}");
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': 'true'}]}",
                "{'builders': [{'type': 'amazon-ebs', 'ssh_interface': 'private_ip'}]}");
    }

    @Test
    void sshPrivateIpFalseMeansPublicIp() {
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': false, 'region': 'r'}]}",
                "{'builders': [{'type': 'amazon-ebs', 'ssh_interface': 'public_ip', 'region': 'r'}]}");
    }

    @Test
    void anExplicitSshInterfaceWins() {
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': true, 'ssh_interface': 'public_dns'}]}",
                "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': true, 'ssh_interface': 'public_dns'}]}");
    }

    @Test
    void aTemplateValueIsLeftForTheUser() {
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': '{{user `private`}}'}]}",
                "{'builders': [{'type': 'amazon-ebs', 'ssh_private_ip': '{{user `private`}}'}]}");
    }

    @Test
    void aSingleCidrBecomesAList() {
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'temporary_security_group_source_cidr': '10.0.0.0/8',"
                + " 'x': 1}]}", "{'builders': [{'type': 'amazon-ebs', 'temporary_security_group_source_cidrs': "
                + "['10.0.0.0/8'], 'x': 1}]}");
    }

    @Test
    void spotPriceAutoProductIsDropped() {
        assertFix(fixer, "{'builders': [{'type': 'amazon-ebs', 'spot_price_auto_product': 'Linux/UNIX'}]}",
                "{'builders': [{'type': 'amazon-ebs'}]}");
    }

    @Test
    void otherBuildersAreUntouched() {
        assertFix(fixer, "{'builders': [{'type': 'qemu', 'ssh_private_ip': true}]}",
                "{'builders': [{'type': 'qemu', 'ssh_private_ip': true}]}");
    }
}
