package io.imgbuild.core.boot;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Types a boot command on a {@link KeyboardTarget}: each character and special key as one key
 * combination, {@code boot_key_interval} after each, {@code boot_keygroup_interval} after each run of
 * text or special key, and the command's own waits. Keys are not logged: a boot command may hold a
 * password.
 */
public final class BootCommandTyper {

    private static final Logger LOG = LoggerFactory.getLogger(BootCommandTyper.class);

    /** How the typist pauses: the build's {@code Cancellation::sleep}, so Ctrl-C ends a long wait at once. */
    @FunctionalInterface
    public interface Pauser {
        void pause(Duration duration) throws CancelledException;
    }

    private final KeyboardTarget keyboard;
    private final Pauser pauser;
    private final Duration keyInterval;
    private final Duration keygroupInterval;

    public BootCommandTyper(KeyboardTarget keyboard, Pauser pauser, Duration keyInterval, Duration keygroupInterval) {
        this.keyboard = keyboard;
        this.pauser = pauser;
        this.keyInterval = keyInterval;
        this.keygroupInterval = keygroupInterval;
    }

    /**
     * Checks that every character of {@code command} can be typed, then types it.
     *
     * @throws UntypeableCharactersException before the first key, when a character has no key
     * @throws StepFailure                   when the keyboard fails part-way, saying how far it got
     */
    public void type(BootCommand command) throws StepFailure, CancelledException {
        type(KeystrokePlanner.plan(command.actions()));
    }

    /** Types a plan made by {@link KeystrokePlanner}. */
    void type(List<Keystroke> plan) throws StepFailure, CancelledException {
        long total = plan.stream().filter(k -> k instanceof Keystroke.Keys).count();
        LOG.debug("typing {} key combinations", total);
        int pressed = 0;
        for (Keystroke k : plan) {
            if (k instanceof Keystroke.Keys keys) {
                press(keys, pressed, total);
                pressed++;
                pause(keyInterval);
            } else if (k instanceof Keystroke.Pause p) {
                LOG.debug("boot command waits {}", p.duration());
                pause(p.duration());
            } else {
                pause(keygroupInterval);
            }
        }
    }

    private void press(Keystroke.Keys keys, int pressed, long total) throws StepFailure, CancelledException {
        try {
            keyboard.press(keys.toArray());
        } catch (CancelledException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while typing the boot command");
        } catch (Exception e) {
            throw new StepFailure("typing the boot command failed after " + pressed + " of " + total + " keys: "
                    + e.getMessage() + "; the machine may be half-way through its boot menu: see its console", e);
        }
    }

    private void pause(Duration d) throws CancelledException {
        if (d != null && d.compareTo(Duration.ZERO) > 0) {
            pauser.pause(d);
        }
    }
}
