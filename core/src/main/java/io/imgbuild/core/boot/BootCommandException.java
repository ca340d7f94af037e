package io.imgbuild.core.boot;

import java.util.List;

/** A boot command that cannot be typed as written; {@link #mistakes()} says where and why. */
public final class BootCommandException extends IllegalArgumentException {

    private final transient List<BootCommand.Mistake> mistakes;

    public BootCommandException(List<BootCommand.Mistake> mistakes) {
        super(mistakes.isEmpty() ? "invalid boot command" : mistakes.get(0).describe());
        this.mistakes = List.copyOf(mistakes);
    }

    public List<BootCommand.Mistake> mistakes() {
        return mistakes;
    }
}
