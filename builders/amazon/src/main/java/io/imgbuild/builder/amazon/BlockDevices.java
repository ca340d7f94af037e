package io.imgbuild.builder.amazon;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;

/** launch_block_device_mappings / ami_block_device_mappings as EC2's BlockDeviceMapping. */
final class BlockDevices {

    private BlockDevices() {
    }

    static List<BlockDeviceMapping> toSdk(List<AmazonEbsConfig.BlockDevice> devices) {
        return devices.stream().map(BlockDevices::toSdk).toList();
    }

    static BlockDeviceMapping toSdk(AmazonEbsConfig.BlockDevice d) {
        BlockDeviceMapping.Builder b = BlockDeviceMapping.builder().deviceName(d.deviceName());
        if (d.noDevice()) {
            return b.noDevice("").build();
        }
        if (d.virtualName() != null && !d.virtualName().isEmpty()) {
            return b.virtualName(d.virtualName()).build();
        }
        EbsBlockDevice.Builder ebs = EbsBlockDevice.builder().deleteOnTermination(d.deleteOnTermination());
        if (d.volumeType() != null && !d.volumeType().isEmpty()) {
            ebs.volumeType(d.volumeType());
        }
        if (d.volumeSize() != null && d.volumeSize() > 0) {
            ebs.volumeSize(d.volumeSize());
        }
        if (d.iops() != null && d.iops() > 0) {
            ebs.iops(d.iops());
        }
        if (d.throughput() != null && d.throughput() > 0) {
            ebs.throughput(d.throughput());
        }
        if (d.encrypted() != null) {
            ebs.encrypted(d.encrypted());
        }
        if (d.kmsKeyId() != null && !d.kmsKeyId().isEmpty()) {
            ebs.kmsKeyId(d.kmsKeyId());
        }
        if (d.snapshotId() != null && !d.snapshotId().isEmpty()) {
            ebs.snapshotId(d.snapshotId());
        }
        return b.ebs(ebs.build()).build();
    }
}
