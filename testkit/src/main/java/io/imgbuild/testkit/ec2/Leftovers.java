package io.imgbuild.testkit.ec2;

import java.util.List;
import java.util.stream.Collectors;

/**
  * What a client left behind in the simulated account: instances not terminated, key pairs,
  * security groups other than the default ones, and the account's own AMIs, snapshots and volumes.
  * Tests assert {@link #isEmpty()} after a build, or look at one kind with {@link #ofType}.
  */
public record Leftovers(List<Item> items) {

    /** One leftover: {@code type} is instance, key-pair, security-group, image, snapshot or volume. */
    public record Item(String region, String type, String id, String detail) {}

    public Leftovers {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Item> ofType(String type) {
        return items.stream().filter(i -> i.type().equals(type)).toList();
    }

    public List<Item> inRegion(String region) {
        return items.stream().filter(i -> i.region().equals(region)).toList();
    }

    @Override
    public String toString() {
        return items.isEmpty() ? "nothing left" : items.stream()
                .map(i -> i.region() + " " + i.type() + " " + i.id() + (i.detail().isEmpty() ? "" : " (" + i.detail() + ")"))
                .collect(Collectors.joining("\n"));
    }

    /** Collects them from the world; the caller holds its lock. */
    static Leftovers of(World world) {
        List<Item> items = new java.util.ArrayList<>();
        String account = world.accountId;
        world.regions.forEach((name, region) -> {
            region.instances.values().stream().filter(i -> !i.gone())
                    .forEach(i -> items.add(new Item(name, "instance", i.id, i.state.label)));
            region.keyPairs.values().forEach(k -> items.add(new Item(name, "key-pair", k.id, k.name)));
            region.securityGroups.values().stream().filter(g -> !g.isDefault())
                    .forEach(g -> items.add(new Item(name, "security-group", g.id, g.name)));
            region.images.values().stream().filter(i -> i.ownerId.equals(account))
                    .forEach(i -> items.add(new Item(name, "image", i.id, i.name + ", " + i.state)));
            region.snapshots.values().stream().filter(s -> s.ownerId.equals(account))
                    .forEach(s -> items.add(new Item(name, "snapshot", s.id, s.volumeSize + " GiB, " + s.state)));
            region.volumes.values().forEach(v -> items.add(new Item(name, "volume", v.id,
                    v.size + " GiB, " + v.state + (v.instanceId == null ? "" : " on " + v.instanceId))));
        });
        return new Leftovers(items);
    }
}
