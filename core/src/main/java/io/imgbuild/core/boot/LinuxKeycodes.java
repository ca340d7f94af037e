package io.imgbuild.core.boot;

/**
 * The Linux input keycodes (linux/input-event-codes.h) the boot command uses, and the one for each
 * {@link SpecialKey}. libvirt translates them to whatever the machine's keyboard sends.
 */
public final class LinuxKeycodes {

    public static final int KEY_ESC = 1;
    public static final int KEY_BACKSPACE = 14;
    public static final int KEY_TAB = 15;
    public static final int KEY_ENTER = 28;
    public static final int KEY_LEFTCTRL = 29;
    public static final int KEY_LEFTSHIFT = 42;
    public static final int KEY_RIGHTSHIFT = 54;
    public static final int KEY_LEFTALT = 56;
    public static final int KEY_SPACE = 57;
    public static final int KEY_F1 = 59; // F1-F10 are 59-68
    public static final int KEY_F11 = 87;
    public static final int KEY_F12 = 88;
    public static final int KEY_RIGHTCTRL = 97;
    public static final int KEY_RIGHTALT = 100;
    public static final int KEY_HOME = 102;
    public static final int KEY_UP = 103;
    public static final int KEY_PAGEUP = 104;
    public static final int KEY_LEFT = 105;
    public static final int KEY_RIGHT = 106;
    public static final int KEY_END = 107;
    public static final int KEY_DOWN = 108;
    public static final int KEY_PAGEDOWN = 109;
    public static final int KEY_INSERT = 110;
    public static final int KEY_DELETE = 111;
    public static final int KEY_LEFTMETA = 125;
    public static final int KEY_RIGHTMETA = 126;
    /** The PC keyboard's Menu (application) key: Linux names it KEY_COMPOSE; KEY_MENU (139) is another key. */
    public static final int KEY_COMPOSE = 127;

    private LinuxKeycodes() {
    }

    /** The keycode of a special key; the switch has no default, so a new SpecialKey must be mapped to compile. */
    public static int of(SpecialKey key) {
        return switch (key) {
            case BS -> KEY_BACKSPACE;
            case DEL -> KEY_DELETE;
            case ENTER, RETURN -> KEY_ENTER;
            case ESC -> KEY_ESC;
            case F1 -> KEY_F1;
            case F2 -> KEY_F1 + 1;
            case F3 -> KEY_F1 + 2;
            case F4 -> KEY_F1 + 3;
            case F5 -> KEY_F1 + 4;
            case F6 -> KEY_F1 + 5;
            case F7 -> KEY_F1 + 6;
            case F8 -> KEY_F1 + 7;
            case F9 -> KEY_F1 + 8;
            case F10 -> KEY_F1 + 9;
            case F11 -> KEY_F11;
            case F12 -> KEY_F12;
            case TAB -> KEY_TAB;
            case UP -> KEY_UP;
            case DOWN -> KEY_DOWN;
            case LEFT -> KEY_LEFT;
            case RIGHT -> KEY_RIGHT;
            case SPACEBAR -> KEY_SPACE;
            case INSERT -> KEY_INSERT;
            case HOME -> KEY_HOME;
            case END -> KEY_END;
            case PAGE_UP -> KEY_PAGEUP;
            case PAGE_DOWN -> KEY_PAGEDOWN;
            case MENU -> KEY_COMPOSE;
            case LEFT_ALT -> KEY_LEFTALT;
            case LEFT_CTRL -> KEY_LEFTCTRL;
            case LEFT_SHIFT -> KEY_LEFTSHIFT;
            case LEFT_SUPER -> KEY_LEFTMETA;
            case RIGHT_ALT -> KEY_RIGHTALT;
            case RIGHT_CTRL -> KEY_RIGHTCTRL;
            case RIGHT_SHIFT -> KEY_RIGHTSHIFT;
            case RIGHT_SUPER -> KEY_RIGHTMETA;
        };
    }
}
