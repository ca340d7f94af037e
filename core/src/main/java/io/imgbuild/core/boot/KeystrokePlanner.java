package io.imgbuild.core.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed boot command into key combinations for a US keyboard. The whole command is checked
 * before anything is planned, so a character that cannot be typed stops the build before the first key.
 *
 * <p>Held keys: {@code <leftCtrlOn>} (or {@code <aOn>}) holds a key until its {@code Off}. Since a
 * {@link KeyboardTarget} presses whole combinations, a held key goes down with every combination
 * pressed while it is held; holding it alone sends nothing. A key released with no key pressed while
 * it was held is pressed once then, together with whatever else is held, so
 * {@code <leftCtrlOn><leftCtrlOff>} still sends Ctrl; the same happens at the end of the command to
 * a key never released.
 */
final class KeystrokePlanner {

    /** Held keys by what held them (a SpecialKey or a character), in the order they went down. */
    private final Map<Object, int[]> held = new LinkedHashMap<>();
    /** Held keys that no combination has pressed yet. */
    private final Set<Object> unpressed = new LinkedHashSet<>();
    private final List<Keystroke> plan = new ArrayList<>();

    private KeystrokePlanner() {
    }

    /** @throws UntypeableCharactersException naming every character without a key */
    static List<Keystroke> plan(List<BootAction> actions) {
        check(actions);
        KeystrokePlanner planner = new KeystrokePlanner();
        for (BootAction action : actions) {
            planner.add(action);
        }
        if (!planner.unpressed.isEmpty()) {
            planner.pressHeld();
        }
        return List.copyOf(planner.plan);
    }

    private static void check(List<BootAction> actions) {
        Set<Integer> missing = new LinkedHashSet<>();
        String context = null;
        for (BootAction action : actions) {
            String text = action instanceof BootAction.Type t ? t.text()
                    : action instanceof BootAction.Toggle t && t.character() != null ? t.character() : "";
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                int cp = text.codePointAt(i);
                if (UsKeyboardLayout.keys(cp) == null && missing.add(cp) && context == null) {
                    context = around(text, i);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new UntypeableCharactersException(List.copyOf(missing), context);
        }
    }

    /** Up to 20 characters either side of {@code index}, to find the place in a long command. */
    private static String around(String text, int index) {
        int from = Math.max(0, index - 20);
        int to = Math.min(text.length(), index + 20);
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }

    private void add(BootAction action) {
        if (action instanceof BootAction.Type type) {
            type.text().codePoints().forEach(cp -> press(UsKeyboardLayout.keys(cp)));
            plan.add(new Keystroke.GroupEnd());
        } else if (action instanceof BootAction.Press p) {
            press(new int[] {LinuxKeycodes.of(p.key())});
            plan.add(new Keystroke.GroupEnd());
        } else if (action instanceof BootAction.Toggle toggle) {
            toggle(toggle);
        } else if (action instanceof BootAction.Wait wait) {
            plan.add(new Keystroke.Pause(wait.duration()));
        }
    }

    private void toggle(BootAction.Toggle toggle) {
        Object id = toggle.special() != null ? toggle.special() : toggle.character();
        if (toggle.down()) {
            if (!held.containsKey(id)) {
                held.put(id, toggle.special() != null ? new int[] {LinuxKeycodes.of(toggle.special())}
                        : UsKeyboardLayout.keys(toggle.character().codePointAt(0)));
                unpressed.add(id);
            }
            return;
        }
        if (unpressed.contains(id)) {
            pressHeld();
        }
        held.remove(id);
    }

    private void pressHeld() {
        press(new int[0]);
        plan.add(new Keystroke.GroupEnd());
    }

    /** Presses {@code keys} with every held key, each keycode once, held keys first. */
    private void press(int[] keys) {
        Set<Integer> combination = new LinkedHashSet<>();
        held.values().forEach(codes -> {
            for (int c : codes) {
                combination.add(c);
            }
        });
        for (int c : keys) {
            combination.add(c);
        }
        plan.add(new Keystroke.Keys(new ArrayList<>(combination)));
        unpressed.clear();
    }
}
