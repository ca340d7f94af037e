package io.imgbuild.builder.amazon;

import io.imgbuild.core.communicator.SshTarget;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.time.Duration;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The address SSH connects to: ssh_host if set, else the instance's address named by ssh_interface
 * (public_ip, private_ip, public_dns, private_dns); without it, as Packer: in a VPC the public IP, else
 * the private IP; outside one the public DNS name. An address EC2 has not filled in yet is asked for
 * again a few times.
 */
final class InstanceAddress implements SshTarget {

    private static final int TRIES = 6;

    private final String sshHost;
    private final String sshInterface;
    private final int port;

    InstanceAddress(String sshHost, String sshInterface, int port) {
        this.sshHost = sshHost;
        this.sshInterface = sshInterface;
        this.port = port;
    }

    @Override
    public Address resolve(StepContext ctx) throws StepFailure {
        if (sshHost != null && !sshHost.isEmpty()) {
            return new Address(sshHost, port);
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        Instance instance = ctx.state().get(AmazonKeys.INSTANCE);
        for (int i = 1; ; i++) {
            String host = pick(instance);
            if (host != null && !host.isEmpty()) {
                return new Address(host, port);
            }
            if (i >= TRIES) {
                throw new StepFailure("instance " + instance.instanceId() + " has no " + describe()
                        + "; set ssh_interface (public_ip, private_ip, public_dns, private_dns) or ssh_host, or"
                        + " associate_public_ip_address for a public address");
            }
            try {
                ctx.cancellation().sleep(Duration.ofSeconds(1L << Math.min(i, 4)));
            } catch (io.imgbuild.core.step.CancelledException e) {
                throw new StepFailure(e.getMessage());
            }
            String id = instance.instanceId();
            instance = Instances.find(ec2.ec2(), ec2.settings().region(), id).orElse(instance);
            ctx.state().put(AmazonKeys.INSTANCE, instance);
        }
    }

    private String pick(Instance i) {
        if (sshInterface != null && !sshInterface.isEmpty()) {
            return switch (sshInterface) {
                case "public_ip" -> i.publicIpAddress();
                case "private_ip" -> i.privateIpAddress();
                case "public_dns" -> i.publicDnsName();
                case "private_dns" -> i.privateDnsName();
                default -> null;
            };
        }
        if (i.vpcId() != null && !i.vpcId().isEmpty()) {
            return i.publicIpAddress() != null && !i.publicIpAddress().isEmpty() ? i.publicIpAddress()
                    : i.privateIpAddress();
        }
        return i.publicDnsName();
    }

    private String describe() {
        return sshInterface == null || sshInterface.isEmpty() ? "address to connect to" : sshInterface.replace('_', ' ');
    }
}
