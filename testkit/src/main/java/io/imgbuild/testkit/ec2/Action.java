package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.util.Map;

/** One EC2 action: reads the call's parameters, changes state, returns the output shape's members. */
@FunctionalInterface
interface Action {

    /** What an action gets: the region the request named, its parameters, and the moment it runs. */
    record Call(World world, RegionState region, Params params, Instant now) {}

    Map<String, Object> run(Call call);
}
