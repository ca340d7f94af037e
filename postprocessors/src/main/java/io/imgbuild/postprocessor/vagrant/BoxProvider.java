package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.io.IOException;
import java.util.Map;

/** One Vagrant provider's way of turning an artifact into a box's content. */
interface BoxProvider {

    BoxContent content(Artifact artifact, BuildUi ui) throws StepFailure, IOException;

    /** Packer's table from a builder id to the provider its boxes are for. */
    Map<String, String> BY_BUILDER_ID = Map.ofEntries(
            Map.entry("mitchellh.amazonebs", "aws"),
            Map.entry("mitchellh.amazon.instance", "aws"),
            Map.entry("mitchellh.virtualbox", "virtualbox"),
            Map.entry("mitchellh.vmware", "vmware"),
            Map.entry("mitchellh.vmware-esx", "vmware"),
            Map.entry("pearkes.digitalocean", "digitalocean"),
            Map.entry("packer.googlecompute", "google"),
            Map.entry("hashicorp.scaleway", "scaleway"),
            Map.entry("packer.parallels", "parallels"),
            Map.entry("MSOpenTech.hyperv", "hyperv"),
            Map.entry("transcend.qemu", "libvirt"),
            Map.entry("ustream.lxc", "lxc"),
            Map.entry("Azure.ResourceManagement.VMImage", "azure"),
            Map.entry("packer.post-processor.docker-import", "docker"),
            Map.entry("packer.post-processor.docker-tag", "docker"),
            Map.entry("packer.post-processor.docker-push", "docker"));

    /** The providers imgbuild makes boxes for; the schema accepts Packer's whole list. */
    static BoxProvider forName(String provider) throws StepFailure {
        return switch (provider) {
            case "libvirt" -> new LibvirtProvider();
            case "virtualbox" -> new VirtualBoxProvider();
            case "aws" -> new AwsProvider();
            default -> throw new StepFailure("imgbuild cannot make Vagrant boxes for the " + provider
                    + " provider yet (only libvirt, virtualbox and aws)");
        };
    }
}
