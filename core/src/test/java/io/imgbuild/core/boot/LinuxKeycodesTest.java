package io.imgbuild.core.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every special key types the key linux/input-event-codes.h names for it. */
class LinuxKeycodesTest {

    /** Copied from linux/input-event-codes.h by hand, not from the code under test. */
    private static final Map<SpecialKey, Integer> HEADER = Map.ofEntries(
            Map.entry(SpecialKey.BS, 14), Map.entry(SpecialKey.DEL, 111), Map.entry(SpecialKey.ENTER, 28),
            Map.entry(SpecialKey.RETURN, 28), Map.entry(SpecialKey.ESC, 1), Map.entry(SpecialKey.TAB, 15),
            Map.entry(SpecialKey.F1, 59), Map.entry(SpecialKey.F2, 60), Map.entry(SpecialKey.F3, 61),
            Map.entry(SpecialKey.F4, 62), Map.entry(SpecialKey.F5, 63), Map.entry(SpecialKey.F6, 64),
            Map.entry(SpecialKey.F7, 65), Map.entry(SpecialKey.F8, 66), Map.entry(SpecialKey.F9, 67),
            Map.entry(SpecialKey.F10, 68), Map.entry(SpecialKey.F11, 87), Map.entry(SpecialKey.F12, 88),
            Map.entry(SpecialKey.UP, 103), Map.entry(SpecialKey.DOWN, 108), Map.entry(SpecialKey.LEFT, 105),
            Map.entry(SpecialKey.RIGHT, 106), Map.entry(SpecialKey.SPACEBAR, 57), Map.entry(SpecialKey.INSERT, 110),
            Map.entry(SpecialKey.HOME, 102), Map.entry(SpecialKey.END, 107), Map.entry(SpecialKey.PAGE_UP, 104),
            Map.entry(SpecialKey.PAGE_DOWN, 109), Map.entry(SpecialKey.MENU, 127), Map.entry(SpecialKey.LEFT_ALT, 56),
            Map.entry(SpecialKey.LEFT_CTRL, 29), Map.entry(SpecialKey.LEFT_SHIFT, 42),
            Map.entry(SpecialKey.LEFT_SUPER, 125), Map.entry(SpecialKey.RIGHT_ALT, 100),
            Map.entry(SpecialKey.RIGHT_CTRL, 97), Map.entry(SpecialKey.RIGHT_SHIFT, 54),
            Map.entry(SpecialKey.RIGHT_SUPER, 126));

    @Test
    void everySpecialKeyHasTheHeadersKeycode() {
        for (SpecialKey key : SpecialKey.values()) {
            assertTrue(HEADER.containsKey(key), "no keycode expected for <" + key.templateName() + ">: add it here");
            assertEquals(HEADER.get(key), LinuxKeycodes.of(key), key::templateName);
        }
    }

    @Test
    void everySpecialKeyIsTypedFromTheBootCommand() {
        for (SpecialKey key : SpecialKey.values()) {
            List<Keystroke> plan = KeystrokePlanner.plan(BootCommand.parse("<" + key.templateName() + ">").actions());
            assertEquals(List.of(new Keystroke.Keys(List.of(HEADER.get(key))), new Keystroke.GroupEnd()), plan,
                    key::templateName);
        }
    }
}
