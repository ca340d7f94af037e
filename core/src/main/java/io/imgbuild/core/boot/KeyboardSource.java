package io.imgbuild.core.boot;

import io.imgbuild.core.step.StepContext;

/** Where {@link TypeBootCommandStep} gets the machine's keyboard when it is time to type. */
@FunctionalInterface
public interface KeyboardSource {

    KeyboardTarget open(StepContext ctx) throws Exception;

    /** The keyboard an earlier step put in the state under {@link KeyboardTarget#KEY}. */
    static KeyboardSource fromState() {
        return ctx -> ctx.state().get(KeyboardTarget.KEY);
    }
}
