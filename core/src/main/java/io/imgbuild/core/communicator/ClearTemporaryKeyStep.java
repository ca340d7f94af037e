package io.imgbuild.core.communicator;

import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.util.Errors;
import java.io.IOException;

/**
 * ssh_clear_authorized_keys: after provisioning, removes this build's temporary public key from the
 * login user's ~/.ssh/authorized_keys and, through {@code sudo -n}, from /root/.ssh/authorized_keys
 * (where images often copy the login user's keys), so the image does not trust a key that only
 * existed for one build. This is tidying: a failure is a warning, never a failed build.
 */
public final class ClearTemporaryKeyStep implements Step {

    private final CommunicatorConfig config;

    public ClearTemporaryKeyStep(CommunicatorConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "ClearTemporaryKey";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (!config.sshClearAuthorizedKeys()) {
            return;
        }
        TemporaryKey key = ctx.state().find(TemporaryKey.KEY).orElse(null);
        Communicator comm = ctx.state().find(CommunicatorKeys.COMMUNICATOR).orElse(null);
        if (key == null || comm == null) {
            return;
        }
        ctx.ui().say("Removing the temporary key from ~/.ssh/authorized_keys and /root/.ssh/authorized_keys...");
        String userFailure = remove(ctx, comm, "", "~/.ssh/authorized_keys", key);
        if (userFailure != null) {
            ctx.ui().error("Warning: could not remove the temporary key from ~/.ssh/authorized_keys: " + userFailure
                    + "; the image may still accept it (its private key is deleted with the build)");
        }
        // root's file often does not exist, or there is no sudo without a password: nothing to say then.
        remove(ctx, comm, "sudo -n ", "/root/.ssh/authorized_keys", key);
    }

    /** Deletes the key's line from {@code file}; null when that worked, else why not. */
    private static String remove(StepContext ctx, Communicator comm, String sudo, String file, TemporaryKey key)
            throws CancelledException {
        // Base64 has no '#', so it delimits the sed address safely.
        String cmd = sudo + "sed -i.bak '\\#" + key.publicKeyBody() + "#d' " + file + " && " + sudo + "rm -f " + file
                + ".bak";
        StringBuilder err = new StringBuilder();
        ExecResult result;
        try {
            result = comm.execute(cmd, new OutputListener() {
                @Override
                public void stdout(String line) {
                    ctx.ui().message(line);
                }

                @Override
                public void stderr(String line) {
                    err.append(line).append('\n');
                }
            }, ctx.cancellation());
        } catch (IOException e) {
            return Errors.describe(e);
        }
        if (result.disconnected()) {
            return "the connection dropped";
        }
        return result.exitStatus() == 0 ? null : "exit " + result.exitStatus() + ": " + err.toString().trim();
    }
}
