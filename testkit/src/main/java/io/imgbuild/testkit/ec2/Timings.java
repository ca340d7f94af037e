package io.imgbuild.testkit.ec2;

import java.time.Duration;
import java.util.Objects;

/**
  * How long the simulated cloud takes: an instance's pending, stopping and shutting-down states, an
  * AMI's (and its snapshots') pending state, and how long a terminated instance stays visible.
  */
public record Timings(Duration instanceStart, Duration instanceStop, Duration instanceTerminate,
        Duration imageAvailable, Duration terminatedVisible) {

    public Timings {
        Objects.requireNonNull(instanceStart);
        Objects.requireNonNull(instanceStop);
        Objects.requireNonNull(instanceTerminate);
        Objects.requireNonNull(imageAvailable);
        Objects.requireNonNull(terminatedVisible);
    }

    /** Slow enough that a client has to wait (and so its waiters get exercised), quick enough to rehearse. */
    public static Timings standalone() {
        return new Timings(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(10));
    }

    /** Every transition after {@code delay}: short ones keep tests fast. */
    public static Timings uniform(Duration delay) {
        return new Timings(delay, delay, delay, delay, Duration.ofMinutes(10));
    }

    public Timings withImageAvailable(Duration value) {
        return new Timings(instanceStart, instanceStop, instanceTerminate, value, terminatedVisible);
    }

    public Timings withInstanceStart(Duration value) {
        return new Timings(value, instanceStop, instanceTerminate, imageAvailable, terminatedVisible);
    }
}
