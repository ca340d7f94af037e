package io.imgbuild.testkit.ec2;

import java.time.Instant;

/** One request the simulator answered: tests read these to see retries, throttling and call order. */
public record Ec2Call(Instant at, String region, String action, int status, String errorCode) {

    public boolean failed() {
        return errorCode != null;
    }
}
