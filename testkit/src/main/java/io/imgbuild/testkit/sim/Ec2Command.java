package io.imgbuild.testkit.sim;

import io.imgbuild.testkit.ec2.Ec2Config;
import io.imgbuild.testkit.ec2.Ec2Simulator;
import io.imgbuild.testkit.ec2.Ec2WithSshd;
import io.imgbuild.testkit.ec2.SshEndpoint;
import io.imgbuild.testkit.ec2.Timings;
import io.imgbuild.testkit.ssh.StrictModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imgbuild-sim ec2}: the EC2 simulator on a port until Ctrl-C, then what was left behind. */
@Command(name = "ec2", mixinStandardHelpOptions = true,
        description = {"Serves the EC2 Query API on 127.0.0.1 for awscli --endpoint-url, SDK endpoint overrides and",
                "Packer's custom_endpoint_ec2. Any credentials are accepted unless --access-key is given."})
final class Ec2Command implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)", defaultValue = "8787")
    int port;

    @Option(names = "--regions", split = ",", description = "regions served, the first being the default (default: us-east-1,us-east-2,...)")
    List<String> regions = Ec2Config.DEFAULT_REGIONS;

    @Option(names = "--account-id", description = "the caller's account ID (default: ${DEFAULT-VALUE})", defaultValue = "123456789012")
    String accountId;

    @Option(names = "--access-key", description = "accept only this access key ID (others get AuthFailure)")
    String accessKey;

    @Option(names = "--ssh-host", description = "host reported as every instance's IP address (default: ${DEFAULT-VALUE})", defaultValue = "127.0.0.1")
    String sshHost;

    @Option(names = "--ssh-port", description = "port of the SSH server instances stand for; templates set ssh_port to it (default: ${DEFAULT-VALUE})", defaultValue = "22")
    int sshPort;

    @Option(names = "--authorized-keys", paramLabel = "FILE", description = {
            "file kept listing the public keys of pending and running instances' key pairs (as cloud-init installs them);",
            "add it to that sshd's AuthorizedKeysFile line. Not below /tmp: sshd's StrictModes refuses it there."})
    Path authorizedKeys;

    @Option(names = "--sshd", description = {"also start a loopback OpenSSH server that instances stand for, logging in",
            "with the key pair they were launched with (a temporary key pair works); overrides --ssh-port and",
            "--authorized-keys. As root it logs in as the user imgbuild-test."})
    boolean sshd;

    @Option(names = "--instance-start", description = "pending to running, e.g. 3s, 500ms (default: ${DEFAULT-VALUE})", defaultValue = "3s",
            converter = DurationConverter.class)
    Duration instanceStart;

    @Option(names = "--instance-stop", description = "stopping to stopped (default: ${DEFAULT-VALUE})", defaultValue = "3s", converter = DurationConverter.class)
    Duration instanceStop;

    @Option(names = "--instance-terminate", description = "shutting-down to terminated (default: ${DEFAULT-VALUE})", defaultValue = "2s",
            converter = DurationConverter.class)
    Duration instanceTerminate;

    @Option(names = "--image-available", description = "an AMI's pending state (default: ${DEFAULT-VALUE})", defaultValue = "5s",
            converter = DurationConverter.class)
    Duration imageAvailable;

    @Option(names = "--throttle", description = "share of calls answered RequestLimitExceeded, 0 to 1 (default: 0)", defaultValue = "0")
    double throttle;

    @Option(names = "--server-errors", description = "share of calls answered InternalError, 0 to 1 (default: 0)", defaultValue = "0")
    double serverErrors;

    @Option(names = "--not-found-after-create", description = "new instances and AMIs unknown for this long (default: 0s)", defaultValue = "0s",
            converter = DurationConverter.class)
    Duration notFoundAfterCreate;

    /**
      * The file is for an sshd logging in as the user running this, usually: check it as StrictModes
      * will for that user, and say so on stderr (a refused file shows only as "Permission denied").
      */
    private static void warnIfStrictModesRefuses(Path file) throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        String problem = StrictModes.problem(file, uid, Path.of(System.getProperty("user.home")));
        if (problem != null) {
            System.err.println("imgbuild-sim ec2: warning: sshd (StrictModes yes) will not read " + file + " for "
                    + System.getProperty("user.name") + ": " + problem
                    + ". Put it in a directory only you (or root) can write, e.g. under ~/.cache, not below /tmp.");
        }
    }

    @Override
    public Integer call() throws Exception {
        Timings timings = new Timings(instanceStart, instanceStop, instanceTerminate, imageAvailable, Duration.ofMinutes(10));
        SshEndpoint ssh = new SshEndpoint(sshHost, sshPort, authorizedKeys == null ? null : authorizedKeys.toAbsolutePath());
        if (ssh.authorizedKeys() != null) {
            warnIfStrictModesRefuses(ssh.authorizedKeys());
        }
        Ec2Config config = new Ec2Config(port, regions, accountId, timings, ssh, accessKey);
        Ec2WithSshd rig = sshd ? Ec2WithSshd.start(timings, c -> config) : null;
        Ec2Simulator simulator = rig != null ? rig.simulator() : Ec2Simulator.start(config);
        int sshPortShown = rig != null ? rig.sshPort() : sshPort;
        simulator.faults().throttle(throttle).serverErrors(serverErrors).notFoundAfterCreate(notFoundAfterCreate);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nimgbuild-sim ec2: stopping. Left in the account:\n" + simulator.leftovers());
            if (rig != null) {
                rig.close();
            } else {
                simulator.close();
            }
            stopped.countDown();
        }, "imgbuild-sim-stop"));
        System.out.println("imgbuild-sim ec2: listening on " + simulator.endpoint() + " (regions " + String.join(", ", regions) + ")");
        System.out.println("  aws --endpoint-url " + simulator.endpoint() + " --region " + regions.get(0) + " ec2 describe-images --owners 136693071363");
        System.out.println("  template: \"custom_endpoint_ec2\": \"" + simulator.endpoint() + "\", \"ssh_port\": " + sshPortShown
                + (rig != null ? ", \"ssh_username\": \"" + rig.user() + "\"" : ""));
        if (rig == null && ssh.authorizedKeys() != null) {
            System.out.println("  sshd_config: AuthorizedKeysFile .ssh/authorized_keys " + ssh.authorizedKeys());
        }
        System.out.println("  leftovers: curl " + simulator.endpoint() + "_sim/leftovers   (Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
