package io.imgbuild.core.run;

import io.imgbuild.core.build.Provisioner;
import java.time.Duration;

/** A provisioner ready for one build, with the template's pause, timeout and retries. */
public record PreparedProvisioner(String type, Provisioner provisioner, Duration pauseBefore, Duration timeout,
                                  int maxRetries) {
}
