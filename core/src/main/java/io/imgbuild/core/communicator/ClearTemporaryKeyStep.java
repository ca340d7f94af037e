package io.imgbuild.core.communicator;

import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;

/**
 * ssh_clear_authorized_keys: after provisioning, removes this build's temporary public key from the
 * login user's ~/.ssh/authorized_keys, so the image does not trust a key that only existed for one
 * build.
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
        ctx.ui().say("Removing the temporary key from ~/.ssh/authorized_keys...");
        // Base64 has no '#', so it delimits the sed address safely.
        String cmd = "sed -i.bak '\\#" + key.publicKeyBody() + "#d' ~/.ssh/authorized_keys && rm -f ~/.ssh/authorized_keys.bak";
        StringBuilder err = new StringBuilder();
        var result = comm.execute(cmd, new OutputListener() {
            @Override
            public void stdout(String line) {
                ctx.ui().message(line);
            }

            @Override
            public void stderr(String line) {
                err.append(line).append('\n');
            }
        }, ctx.cancellation());
        if (result.disconnected() || result.exitStatus() != 0) {
            throw new StepFailure("could not remove the temporary key from authorized_keys: "
                    + (result.disconnected() ? "the connection dropped" : err.toString().trim()));
        }
    }
}
