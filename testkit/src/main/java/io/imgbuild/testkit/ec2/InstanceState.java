package io.imgbuild.testkit.ec2;

import java.util.Map;

/** EC2's instance states with the codes clients compare against. */
enum InstanceState {
    PENDING(0, "pending"),
    RUNNING(16, "running"),
    SHUTTING_DOWN(32, "shutting-down"),
    TERMINATED(48, "terminated"),
    STOPPING(64, "stopping"),
    STOPPED(80, "stopped");

    final int code;
    final String label;

    InstanceState(int code, String label) {
        this.code = code;
        this.label = label;
    }

    Map<String, Object> toModel() {
        return Fields.of("Code", code, "Name", label);
    }
}
