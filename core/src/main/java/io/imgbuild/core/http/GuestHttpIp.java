package io.imgbuild.core.http;

import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;

/**
 * The host address the guest fetches from ({@code {{ .HTTPIP }}}), which the builder knows: 10.0.2.2
 * under QEMU's user-mode networking, the host's address on a bridge. Looked up when the server starts.
 */
@FunctionalInterface
public interface GuestHttpIp {

    String resolve(StepContext ctx) throws StepFailure;

    /** An address known in advance, e.g. QEMU user-mode networking's 10.0.2.2. */
    static GuestHttpIp fixed(String ip) {
        return ctx -> ip;
    }
}
