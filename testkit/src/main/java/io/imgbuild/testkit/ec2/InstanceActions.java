package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DescribeInstances, DescribeInstanceStatus, StartInstances, StopInstances, TerminateInstances. */
final class InstanceActions {

    static final Filters<Instance> FILTERS = Filters.of(Instance.class)
            .on("architecture", i -> i.architecture)
            .on("availability-zone", i -> i.availabilityZone)
            .on("block-device-mapping.device-name", i -> i.attachments.stream().map(Instance.Attachment::device).toList())
            .on("block-device-mapping.volume-id", i -> i.attachments.stream().map(Instance.Attachment::volumeId).toList())
            .on("client-token", i -> i.clientToken)
            .on("dns-name", i -> i.publicDns)
            .on("iam-instance-profile.arn", i -> i.iamInstanceProfile)
            .on("image-id", i -> i.imageId)
            .on("instance-id", i -> i.id)
            .on("instance-state-code", i -> i.state.code)
            .on("instance-state-name", i -> i.state.label)
            .on("instance-type", i -> i.instanceType)
            .on("instance.group-id", i -> i.securityGroupIds)
            .on("group-id", i -> i.securityGroupIds)
            .on("ip-address", i -> i.publicIp)
            .on("key-name", i -> i.keyName)
            .on("launch-time", i -> XmlOutput.TIMESTAMP.format(i.launchTime))
            .on("private-ip-address", i -> i.privateIp)
            .on("reservation-id", i -> i.reservationId)
            .on("root-device-name", i -> i.rootDeviceName)
            .on("root-device-type", i -> "ebs")
            .on("subnet-id", i -> i.subnetId)
            .on("vpc-id", i -> i.vpcId);

    private static final Filters<Instance> STATUS_FILTERS = Filters.of(Instance.class)
            .on("availability-zone", i -> i.availabilityZone)
            .on("instance-state-code", i -> i.state.code)
            .on("instance-state-name", i -> i.state.label)
            .on("instance-status.status", i -> i.state == InstanceState.RUNNING ? "ok" : "not-applicable")
            .on("instance-status.reachability", i -> i.state == InstanceState.RUNNING ? "passed" : "not-applicable")
            .on("system-status.status", i -> i.state == InstanceState.RUNNING ? "ok" : "not-applicable")
            .on("system-status.reachability", i -> i.state == InstanceState.RUNNING ? "passed" : "not-applicable");

    private InstanceActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("RunInstances", new RunInstances());
        actions.put("DescribeInstances", InstanceActions::describe);
        actions.put("DescribeInstanceStatus", InstanceActions::status);
        actions.put("StopInstances", InstanceActions::stop);
        actions.put("StartInstances", InstanceActions::start);
        actions.put("TerminateInstances", InstanceActions::terminate);
    }

    /** The instances, grouped by reservation as EC2 answers them. */
    static List<Object> reservations(RegionState region, Collection<Instance> instances) {
        Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
        instances.forEach(i -> byReservation.computeIfAbsent(i.reservationId, r -> new ArrayList<>()).add(i));
        return byReservation.values().stream().map(group -> (Object) reservation(region, group)).toList();
    }

    static Map<String, Object> reservation(RegionState region, List<Instance> instances) {
        return Fields.of(
                "ReservationId", instances.get(0).reservationId,
                "OwnerId", region.world.accountId,
                "Groups", List.of(),
                "Instances", instances.stream().map(i -> (Object) Views.instance(i, groups(region, i))).toList());
    }

    private static List<SecurityGroup> groups(RegionState region, Instance instance) {
        return instance.securityGroupIds.stream().map(region.securityGroups::get).filter(g -> g != null).toList();
    }

    private static Map<String, Object> describe(Action.Call call) {
        Params p = call.params();
        List<String> ids = p.strings("InstanceIds");
        if (!ids.isEmpty() && p.number("MaxResults") != null) {
            throw Ec2Error.client("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        Collection<Instance> instances = ids.isEmpty() ? call.region().visibleInstances(call.now()) : call.region().instances(ids, call.now());
        Paging.Page<Instance> page = Paging.page(FILTERS.apply(instances, p.structs("Filters")), p, 5, 1000);
        return Fields.of("Reservations", reservations(call.region(), page.items()), "NextToken", page.nextToken());
    }

    private static Map<String, Object> status(Action.Call call) {
        Params p = call.params();
        List<String> ids = p.strings("InstanceIds");
        Collection<Instance> instances = ids.isEmpty() ? call.region().visibleInstances(call.now()) : call.region().instances(ids, call.now());
        boolean all = p.flag("IncludeAllInstances", false);
        List<Instance> chosen = STATUS_FILTERS.apply(instances, p.structs("Filters")).stream()
                .filter(i -> all || i.state == InstanceState.RUNNING).toList();
        Paging.Page<Instance> page = Paging.page(chosen, p, 5, 1000);
        List<Object> statuses = page.items().stream().map(i -> {
            boolean running = i.state == InstanceState.RUNNING;
            Map<String, Object> summary = Fields.of("Status", running ? "ok" : "not-applicable",
                    "Details", running ? List.of(Fields.of("Name", "reachability", "Status", "passed")) : null);
            return (Object) Fields.of("AvailabilityZone", i.availabilityZone, "InstanceId", i.id, "InstanceState", i.state.toModel(),
                    "InstanceStatus", summary, "SystemStatus", summary, "Events", List.of());
        }).toList();
        return Fields.of("InstanceStatuses", statuses, "NextToken", page.nextToken());
    }

    private static Map<String, Object> stop(Action.Call call) {
        List<Object> changes = new ArrayList<>();
        for (Instance instance : call.region().instances(call.params().strings("InstanceIds"), call.now())) {
            InstanceState previous = instance.state;
            switch (previous) {
                case PENDING, RUNNING -> {
                    instance.moveTo(InstanceState.STOPPING, call.now());
                    instance.stateReason = "User initiated (" + XmlOutput.TIMESTAMP.format(call.now()) + ")";
                }
                case STOPPING, STOPPED -> { }
                default -> throw Ec2Error.client("IncorrectInstanceState",
                        "This instance '" + instance.id + "' is not in a state from which it can be stopped.");
            }
            changes.add(Views.stateChange(instance, previous));
        }
        return Fields.of("StoppingInstances", changes);
    }

    private static Map<String, Object> start(Action.Call call) {
        List<Object> changes = new ArrayList<>();
        for (Instance instance : call.region().instances(call.params().strings("InstanceIds"), call.now())) {
            InstanceState previous = instance.state;
            switch (previous) {
                case STOPPED -> {
                    instance.moveTo(InstanceState.PENDING, call.now());
                    instance.stateReason = "";
                }
                case PENDING, RUNNING -> { }
                default -> throw Ec2Error.client("IncorrectInstanceState",
                        "The instance '" + instance.id + "' is not in a state from which it can be started.");
            }
            changes.add(Views.stateChange(instance, previous));
        }
        return Fields.of("StartingInstances", changes);
    }

    private static Map<String, Object> terminate(Action.Call call) {
        List<Instance> instances = call.region().instances(call.params().strings("InstanceIds"), call.now());
        for (Instance instance : instances) {
            if (instance.disableApiTermination) {
                throw Ec2Error.client("OperationNotPermitted", "The instance '" + instance.id
                        + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
            }
        }
        List<Object> changes = new ArrayList<>();
        for (Instance instance : instances) {
            InstanceState previous = instance.state;
            if (!instance.gone()) {
                instance.moveTo(InstanceState.SHUTTING_DOWN, call.now());
                instance.stateReason = "User initiated (" + XmlOutput.TIMESTAMP.format(call.now()) + ")";
            }
            changes.add(Views.stateChange(instance, previous));
        }
        return Fields.of("TerminatingInstances", changes);
    }
}
