package io.imgbuild.core.step;

/** The work was cancelled (Ctrl-C, a provisioner timeout); the reason says which. */
public final class CancelledException extends Exception {

    public CancelledException(String reason) {
        super(reason, null, false, false);
    }
}
