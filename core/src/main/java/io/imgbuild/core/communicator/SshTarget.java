package io.imgbuild.core.communicator;

import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;

/** Where the builder's machine listens for SSH; looked up when the connect step runs. */
@FunctionalInterface
public interface SshTarget {

    record Address(String host, int port) {
    }

    Address resolve(StepContext ctx) throws StepFailure;

    /** A fixed address, e.g. the template's ssh_host and ssh_port. */
    static SshTarget fixed(String host, int port) {
        return ctx -> new Address(host, port);
    }
}
