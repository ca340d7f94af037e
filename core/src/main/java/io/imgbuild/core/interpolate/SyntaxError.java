package io.imgbuild.core.interpolate;

/**
 * Internal signal that an action cannot be parsed. Carries where the scanner may resume reading
 * text, so one bad action does not hide errors in later ones.
 */
final class SyntaxError extends Exception {

    private static final long serialVersionUID = 1L;

    /** Resume scanning text here; {@link #STOP} when nothing after the error can be trusted. */
    static final int STOP = -1;

    private final transient TemplateError error;
    private final int resumeAt;

    SyntaxError(TemplateError error, int resumeAt) {
        super(error.message(), null, false, false);
        this.error = error;
        this.resumeAt = resumeAt;
    }

    TemplateError error() {
        return error;
    }

    int resumeAt() {
        return resumeAt;
    }
}
