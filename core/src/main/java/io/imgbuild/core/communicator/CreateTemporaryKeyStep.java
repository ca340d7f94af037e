package io.imgbuild.core.communicator;

import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.ssh.TemporaryKeyPair;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * For builders that can put a key on the machine (cloud-init, a cloud key pair): when the template
 * gives no password, key or agent, makes a fresh key pair for this build (ssh_temporary_key_pair_type,
 * rsa by default as in Packer), private key in a 0600 file in a 0700 directory. Cleanup deletes it.
 */
public final class CreateTemporaryKeyStep implements Step {

    private final CommunicatorConfig config;

    public CreateTemporaryKeyStep(CommunicatorConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "CreateTemporaryKey";
    }

    /** Packer makes a temporary key only when the template gives no way to log in. */
    public static boolean needed(CommunicatorConfig c) {
        return !c.none() && isEmpty(c.sshPassword()) && isEmpty(c.sshPrivateKeyFile()) && !c.sshAgentAuth();
    }

    @Override
    public void run(StepContext ctx) throws StepFailure, IOException {
        if (!needed(config)) {
            return;
        }
        ctx.ui().say("Creating a temporary " + config.keyPairType() + " key pair for this build...");
        TemporaryKeyPair pair;
        try {
            pair = TemporaryKeyPair.generate(config.keyPairType(), config.keyPairBits());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StepFailure("cannot make a temporary " + config.keyPairType() + " key pair: " + e.getMessage());
        }
        Path dir = Files.createTempDirectory("imgbuild-key-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("id_" + config.keyPairType());
        String comment = "imgbuild-" + ctx.build().name() + "-" + ctx.build().runUuid();
        pair.writePrivateKey(file, comment);
        String line = pair.authorizedKeysLine(comment);
        ctx.state().put(TemporaryKey.KEY, new TemporaryKey(file, line, pair.publicKeyBody()));
        String privatePem = Files.readString(file);
        Secrets.global().add(privatePem);
        BuildData.add(ctx.state(), Map.of("SSHPublicKey", line, "SSHPrivateKey", privatePem));
    }

    @Override
    public void cleanup(StepContext ctx) throws IOException {
        TemporaryKey key = ctx.state().remove(TemporaryKey.KEY).orElse(null);
        if (key != null) {
            Files.deleteIfExists(key.privateKeyFile());
            Files.deleteIfExists(key.privateKeyFile().getParent());
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
