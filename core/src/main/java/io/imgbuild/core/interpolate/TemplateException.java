package io.imgbuild.core.interpolate;

import java.util.List;
import java.util.stream.Collectors;

/** A template string could not be parsed, checked or rendered; {@link #errors()} says where and why. */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<TemplateError> errors;

    public TemplateException(List<TemplateError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a TemplateException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public TemplateException(TemplateError error) {
        this(List.of(error));
    }

    /** All errors, ordered by offset; never empty. */
    public List<TemplateError> errors() {
        return errors;
    }

    private static String summary(List<TemplateError> errors) {
        return errors.stream().map(TemplateError::toString).collect(Collectors.joining("; "));
    }
}
