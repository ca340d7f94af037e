package io.imgbuild.cli.testing;

import io.imgbuild.testkit.ssh.OpenSshServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real OpenSSH server for the tests of a class, started before the first and stopped after the
 * last: {@code @RegisterExtension static final SshdPerClass SSHD = new SshdPerClass();}.
 */
public final class SshdPerClass implements BeforeAllCallback, AfterAllCallback {

    private OpenSshServer server;

    public OpenSshServer server() {
        if (server == null) {
            throw new IllegalStateException("the test server starts before the class's first test");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = OpenSshServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
