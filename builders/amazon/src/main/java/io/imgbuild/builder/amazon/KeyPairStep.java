package io.imgbuild.builder.amazon;

import io.imgbuild.core.communicator.TemporaryKey;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The key pair the instance is launched with: ssh_keypair_name as given; or, when the build made a
 * temporary key (no password, key file or agent in the template), its public key imported as a
 * temporary EC2 key pair. Importing (where Packer 1.6.6 calls CreateKeyPair) keeps the private key
 * on this machine and honours ssh_temporary_key_pair_type; the IAM policy needs ec2:ImportKeyPair.
 * Cleanup deletes the temporary key pair on every path.
 */
final class KeyPairStep implements Step {

    private static final Key<String> TEMPORARY = new Key<>("temporary-key-pair-name");

    private final String keypairName;
    private final String temporaryName;

    /**
     * @param keypairName ssh_keypair_name, or null
     * @param temporaryName temporary_key_pair_name, or null for "packer_" + a unique ID (as Packer:
     *                      IAM policies that limit key names to packer_* keep working)
     */
    KeyPairStep(String keypairName, String temporaryName) {
        this.keypairName = keypairName;
        this.temporaryName = temporaryName;
    }

    @Override
    public String name() {
        return "KeyPair";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        if (keypairName != null && !keypairName.isEmpty()) {
            ctx.ui().say("Using the existing key pair " + keypairName);
            ctx.state().put(AmazonKeys.KEY_PAIR_NAME, keypairName);
            return;
        }
        TemporaryKey key = ctx.state().find(TemporaryKey.KEY).orElse(null);
        if (key == null) {
            return; // a password, a key file baked into the AMI, or an agent: no key pair
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        String name = temporaryName != null && !temporaryName.isEmpty() ? temporaryName
                : "packer_" + ctx.build().runUuid() + "_" + ctx.build().name().replaceAll("[^A-Za-z0-9_.-]", "-");
        ctx.ui().say("Importing the temporary key pair " + name + " into " + region + "...");
        AwsCall.run("ImportKeyPair", region, () -> ec2.ec2().importKeyPair(r -> r.keyName(name)
                .publicKeyMaterial(SdkBytes.fromString(key.authorizedKeysLine(), StandardCharsets.UTF_8))));
        ctx.state().put(AmazonKeys.KEY_PAIR_NAME, name);
        ctx.state().put(TEMPORARY, name);
    }

    @Override
    public void cleanup(StepContext ctx) throws StepFailure {
        String name = ctx.state().remove(TEMPORARY).orElse(null);
        if (name == null) {
            return;
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String region = ec2.settings().region();
        ctx.ui().say("Deleting the temporary key pair " + name + "...");
        try {
            AwsCall.run("DeleteKeyPair", region, () -> ec2.ec2().deleteKeyPair(r -> r.keyName(name)));
        } catch (StepFailure e) {
            throw new StepFailure(e.getMessage() + "; delete the key pair " + name + " in " + region + " by hand");
        }
    }
}
