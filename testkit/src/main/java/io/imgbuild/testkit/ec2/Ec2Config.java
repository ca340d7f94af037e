package io.imgbuild.testkit.ec2;

import java.util.List;
import java.util.Objects;

/**
  * How an {@link Ec2Simulator} is set up.
  *
  * @param port TCP port on 127.0.0.1, 0 for any free one
  * @param regions the regions served; the first is the default for requests that name none
  * @param accountId the account every caller is (owner of what it creates)
  * @param timings how long state transitions take
  * @param ssh the SSH server every instance stands for
  * @param accessKeyId if set, the only access key accepted (others get AuthFailure); null accepts any
  */
public record Ec2Config(int port, List<String> regions, String accountId, Timings timings, SshEndpoint ssh,
        String accessKeyId) {

    public static final List<String> DEFAULT_REGIONS =
            List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2");

    public Ec2Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        if (!accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("an account ID is 12 digits, not " + accountId);
        }
        Objects.requireNonNull(timings);
        Objects.requireNonNull(ssh);
    }

    /** Any free port, the default regions, account 123456789012, standalone timings, SSH at 127.0.0.1:22. */
    public static Ec2Config defaults() {
        return new Ec2Config(0, DEFAULT_REGIONS, "123456789012", Timings.standalone(), SshEndpoint.of("127.0.0.1", 22), null);
    }

    public Ec2Config withPort(int value) {
        return new Ec2Config(value, regions, accountId, timings, ssh, accessKeyId);
    }

    public Ec2Config withRegions(List<String> value) {
        return new Ec2Config(port, value, accountId, timings, ssh, accessKeyId);
    }

    public Ec2Config withAccountId(String value) {
        return new Ec2Config(port, regions, value, timings, ssh, accessKeyId);
    }

    public Ec2Config withTimings(Timings value) {
        return new Ec2Config(port, regions, accountId, value, ssh, accessKeyId);
    }

    public Ec2Config withSsh(SshEndpoint value) {
        return new Ec2Config(port, regions, accountId, timings, value, accessKeyId);
    }

    public Ec2Config withAccessKeyId(String value) {
        return new Ec2Config(port, regions, accountId, timings, ssh, value);
    }
}
