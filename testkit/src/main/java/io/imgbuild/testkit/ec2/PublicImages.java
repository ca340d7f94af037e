package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.util.List;

/**
  * The public AMIs every region starts with, named and owned as their publishers name and own them,
  * so templates with a {@code source_ami_filter} find them. Two Debian 12 releases, so that
  * "most recent" has something to choose between.
  */
final class PublicImages {

    static final String DEBIAN = "136693071363";
    static final String CANONICAL = "099720109477";
    static final String AMAZON = "137112412989";

    private record Seed(String owner, String alias, String name, String description, String architecture,
            String created, int sizeGib) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed(DEBIAN, null, "debian-12-amd64-20240507-1740", "Debian 12 (20240507-1740)", "x86_64",
                    "2024-05-07T18:05:11.000Z", 8),
            new Seed(DEBIAN, null, "debian-12-amd64-20240717-1811", "Debian 12 (20240717-1811)", "x86_64",
                    "2024-07-17T18:32:46.000Z", 8),
            new Seed(DEBIAN, null, "debian-12-arm64-20240717-1811", "Debian 12 (20240717-1811)", "arm64",
                    "2024-07-17T18:33:02.000Z", 8),
            new Seed(CANONICAL, null, "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240701",
                    "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2024-07-01", "x86_64", "2024-07-01T21:09:36.000Z", 8),
            new Seed(AMAZON, "amazon", "al2023-ami-2023.5.20240708.0-kernel-6.1-x86_64",
                    "Amazon Linux 2023 AMI 2023.5.20240708.0 x86_64 HVM kernel-6.1", "x86_64", "2024-07-08T21:54:39.000Z", 8));

    private PublicImages() {}

    static void seed(RegionState region, Instant now) {
        for (Seed seed : SEEDS) {
            Snapshot snapshot = new Snapshot(Ids.stable("snap", region.name + "/" + seed.name()), now);
            snapshot.ownerId = seed.owner();
            snapshot.volumeSize = seed.sizeGib();
            snapshot.volumeId = "vol-ffffffff";
            snapshot.state = "completed";
            snapshot.description = seed.description();
            region.snapshots.put(snapshot.id, snapshot);

            Image image = new Image(Ids.stable("ami", region.name + "/" + seed.name()), Instant.parse(seed.created()));
            image.name = seed.name();
            image.description = seed.description();
            image.ownerId = seed.owner();
            image.ownerAlias = seed.alias();
            image.architecture = seed.architecture();
            image.rootDeviceName = seed.owner().equals(CANONICAL) ? "/dev/sda1" : "/dev/xvda";
            image.state = "available";
            image.isPublic = true;
            image.bootMode = seed.owner().equals(DEBIAN) ? "uefi-preferred" : null;
            image.imageLocation = (seed.alias() == null ? seed.owner() : seed.alias()) + "/" + seed.name();
            image.devices.add(new Image.Device(image.rootDeviceName, snapshot.id, seed.sizeGib(), "gp2", true, false, null, false));
            region.images.put(image.id, image);
        }
    }
}
