package io.imgbuild.core.build;

/**
 * A configured provisioner. Core wraps each call with the template's {@code pause_before},
 * {@code timeout} and {@code max_retries}; a provisioner only does its one job and throws on failure
 * ({@link io.imgbuild.core.step.StepFailure} for a reason the user can act on).
 */
public interface Provisioner {

    void provision(ProvisionerContext context) throws Exception;
}
