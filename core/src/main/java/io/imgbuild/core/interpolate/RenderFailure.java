package io.imgbuild.core.interpolate;

/**
 * Internal unchecked signal that evaluating a function or field failed; {@link Interpolator}
 * turns it into a {@link TemplateException}.
 */
final class RenderFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TemplateError error;

    RenderFailure(int offset, int length, String message, String hint) {
        super(message, null, false, false);
        this.error = new TemplateError(offset, length, message, hint);
    }

    TemplateError error() {
        return error;
    }
}
