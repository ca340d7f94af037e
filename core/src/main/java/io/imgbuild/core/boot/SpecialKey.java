package io.imgbuild.core.boot;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The special keys of Packer's boot command syntax ({@code <enter>}, {@code <leftCtrl>}, ...), with
 * the spelling the templates use. Names are matched without regard to case, as in Packer.
 */
public enum SpecialKey {
    BS("bs"), DEL("del"), ENTER("enter"), ESC("esc"),
    F1("f1"), F2("f2"), F3("f3"), F4("f4"), F5("f5"), F6("f6"), F7("f7"), F8("f8"), F9("f9"), F10("f10"),
    F11("f11"), F12("f12"),
    RETURN("return"), TAB("tab"), UP("up"), DOWN("down"), LEFT("left"), RIGHT("right"), SPACEBAR("spacebar"),
    INSERT("insert"), HOME("home"), END("end"), PAGE_UP("pageUp"), PAGE_DOWN("pageDown"), MENU("menu"),
    LEFT_ALT("leftAlt"), LEFT_CTRL("leftCtrl"), LEFT_SHIFT("leftShift"), LEFT_SUPER("leftSuper"),
    RIGHT_ALT("rightAlt"), RIGHT_CTRL("rightCtrl"), RIGHT_SHIFT("rightShift"), RIGHT_SUPER("rightSuper");

    private static final Map<String, SpecialKey> BY_LOWER_NAME = new TreeMap<>();

    static {
        for (SpecialKey k : values()) {
            BY_LOWER_NAME.put(k.templateName.toLowerCase(Locale.ROOT), k);
        }
    }

    private final String templateName;

    SpecialKey(String templateName) {
        this.templateName = templateName;
    }

    /** The name as written between angle brackets, e.g. {@code leftCtrl}. */
    public String templateName() {
        return templateName;
    }

    /** The key with this name, case-insensitively ({@code ENTER}, {@code Enter}, {@code enter}). */
    public static Optional<SpecialKey> byName(String name) {
        return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether the key is a modifier (held with {@code <leftCtrlOn>} ... {@code <leftCtrlOff>}, typically). */
    public boolean isModifier() {
        return switch (this) {
            case LEFT_ALT, LEFT_CTRL, LEFT_SHIFT, LEFT_SUPER, RIGHT_ALT, RIGHT_CTRL, RIGHT_SHIFT, RIGHT_SUPER -> true;
            default -> false;
        };
    }
}
