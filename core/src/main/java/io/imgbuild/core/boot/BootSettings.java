package io.imgbuild.core.boot;

import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The boot command options (the boot fragment, plus a builder's boot_key_interval and vm_name). The
 * field names follow the template's keys, so {@code config.bindChecked(BootSettings.class)} fills it
 * from a builder's config; keys the builder does not have stay null and get the defaults.
 *
 * @param bootWait             how long to wait after the machine starts; zero or negative: no wait
 * @param bootCommand          the entries, joined without separator as in Packer
 * @param bootKeyInterval      the pause after each key; null or zero: PACKER_KEY_INTERVAL, else
 *                             {@link #DEFAULT_KEY_INTERVAL}
 * @param bootKeygroupInterval the pause after each run of text or special key; null: none
 * @param vmName               the machine's name, for {@code {{ .Name }}}; null: the build's name
 */
public record BootSettings(Duration bootWait, List<String> bootCommand, Duration bootKeyInterval,
                           Duration bootKeygroupInterval, String vmName) {

    /**
     * Packer pauses 100 ms per key because VNC delivers each key event separately and a busy guest can
     * miss one. libvirt's send-key hands QEMU a whole combination that QEMU queues and replays with
     * the hold time itself, so keys arrive in order whatever our pace; 20 ms only keeps us from getting
     * far ahead of a guest still reading its keyboard in a boot loader (five times Packer's speed).
     */
    public static final Duration DEFAULT_KEY_INTERVAL = Duration.ofMillis(20);

    /** Packer's environment variable for the key interval when the template sets none. */
    public static final String KEY_INTERVAL_VARIABLE = "PACKER_KEY_INTERVAL";

    public BootSettings {
        bootWait = bootWait == null ? Duration.ZERO : bootWait;
        bootCommand = bootCommand == null ? List.of() : List.copyOf(bootCommand);
        bootKeygroupInterval = bootKeygroupInterval == null ? Duration.ZERO : bootKeygroupInterval;
    }

    /** The pause after each key: the template's value, else PACKER_KEY_INTERVAL from {@code env}, else the default. */
    public Duration keyInterval(Map<String, String> env) {
        if (bootKeyInterval != null && bootKeyInterval.compareTo(Duration.ZERO) > 0) {
            return bootKeyInterval;
        }
        String fromEnv = env.get(KEY_INTERVAL_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            try {
                return GoDuration.parse(fromEnv);
            } catch (IllegalArgumentException e) {
                // Packer ignores a value it cannot parse, too.
            }
        }
        return DEFAULT_KEY_INTERVAL;
    }
}
