package io.imgbuild.core.boot;

import java.util.HashMap;
import java.util.Map;

/**
 * The keys that type each printable ASCII character on a US keyboard, as Linux keycodes: shifted
 * characters are {@code KEY_LEFTSHIFT} and the key. Also newline (Enter) and tab. The guest's layout
 * must be US for the right characters to appear, as with Packer.
 */
final class UsKeyboardLayout {

    private static final Map<Integer, int[]> KEYS = new HashMap<>();

    static {
        // Each row of the keyboard: its keys unshifted, shifted, and the keycode of the first key.
        row("1234567890-=", "!@#$%^&*()_+", 2);
        row("qwertyuiop[]", "QWERTYUIOP{}", 16);
        row("asdfghjkl;'`", "ASDFGHJKL:\"~", 30);
        row("\\zxcvbnm,./", "|ZXCVBNM<>?", 43);
        KEYS.put((int) ' ', new int[] {LinuxKeycodes.KEY_SPACE});
        KEYS.put((int) '\n', new int[] {LinuxKeycodes.KEY_ENTER});
        KEYS.put((int) '\t', new int[] {LinuxKeycodes.KEY_TAB});
    }

    private UsKeyboardLayout() {
    }

    private static void row(String plain, String shifted, int firstKeycode) {
        for (int i = 0; i < plain.length(); i++) {
            KEYS.put((int) plain.charAt(i), new int[] {firstKeycode + i});
            KEYS.put((int) shifted.charAt(i), new int[] {LinuxKeycodes.KEY_LEFTSHIFT, firstKeycode + i});
        }
    }

    /** The keys for one character (a code point), modifier first; null when a US keyboard has none. */
    static int[] keys(int codePoint) {
        int[] keys = KEYS.get(codePoint);
        return keys == null ? null : keys.clone();
    }
}
