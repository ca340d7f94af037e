package io.imgbuild.testkit.ec2;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
  * Failures a test asks for, changeable while the simulator runs: a share of calls throttled
  * (RequestLimitExceeded, HTTP 503, as EC2 throttles), a share answered with a server error (HTTP
  * 500 InternalError), and new instances and AMIs unknown for a while after they are created, as
  * EC2's eventual consistency makes them (InvalidInstanceID.NotFound, InvalidAMIID.NotFound), and
  * slow actions, whose answer comes late after their effect has happened (a client interrupted
  * meanwhile must still clean up what the call made).
  */
public final class Faults {

    private volatile double throttleShare;
    private volatile double serverErrorShare;
    private volatile Duration notFoundAfterCreate = Duration.ZERO;
    private final Map<String, Duration> slowActions = new ConcurrentHashMap<>();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();

    /** Throttles {@code share} (0 to 1) of the calls from now on. */
    public Faults throttle(double share) {
        this.throttleShare = checkShare(share);
        return this;
    }

    /** Answers {@code share} (0 to 1) of the calls with HTTP 500 InternalError. */
    public Faults serverErrors(double share) {
        this.serverErrorShare = checkShare(share);
        return this;
    }

    /** Instances and AMIs stay unknown to every call for {@code window} after the call that made them. */
    public Faults notFoundAfterCreate(Duration window) {
        this.notFoundAfterCreate = window.isNegative() ? Duration.ZERO : window;
        return this;
    }

    /** Every {@code action} call (e.g. "CreateTags") answers {@code delay} after doing its work. */
    public Faults slow(String action, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            slowActions.remove(action);
        } else {
            slowActions.put(action, delay);
        }
        return this;
    }

    public Faults clear() {
        slowActions.clear();
        throttleShare = 0;
        serverErrorShare = 0;
        notFoundAfterCreate = Duration.ZERO;
        return this;
    }

    public double throttleShare() {
        return throttleShare;
    }

    public double serverErrorShare() {
        return serverErrorShare;
    }

    public Duration notFoundAfterCreate() {
        return notFoundAfterCreate;
    }

    /** How many calls were throttled so far. */
    public long throttledCalls() {
        return throttled.get();
    }

    /** How many calls got an injected server error so far. */
    public long serverErrorCalls() {
        return serverErrors.get();
    }

    /** How long an answer to {@code action} is held back; zero for most. */
    Duration delayOf(String action) {
        return action == null ? Duration.ZERO : slowActions.getOrDefault(action, Duration.ZERO);
    }

    /** The injected failure for this call, if the dice say so. */
    Ec2Error draw() {
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < throttleShare) {
            throttled.incrementAndGet();
            return new Ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.");
        }
        if (roll < throttleShare + serverErrorShare) {
            serverErrors.incrementAndGet();
            return new Ec2Error(500, "InternalError", "An internal error has occurred");
        }
        return null;
    }

    private static double checkShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share of calls is between 0 and 1, not " + share);
        }
        return share;
    }
}
