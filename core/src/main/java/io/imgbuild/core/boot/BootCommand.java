package io.imgbuild.core.boot;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.problem.DidYouMean;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Packer's boot command syntax: text typed as it is, with special keys and waits between angle
 * brackets.
 *
 * <ul>
 *   <li>{@code <enter>}, {@code <esc>}, {@code <f1>}, {@code <leftCtrl>}, ... ({@link SpecialKey}; any
 *       case): press and release the key;</li>
 *   <li>{@code <leftCtrlOn>} / {@code <leftCtrlOff>}, and {@code <aOn>} / {@code <aOff>} for one
 *       character: hold the key down / release it;</li>
 *   <li>{@code <wait>} (one second), {@code <wait5>} (seconds), {@code <wait500ms>}, {@code <wait1m30s>}
 *       (a Go duration of whole numbers): pause.</li>
 * </ul>
 *
 * Anything else is typed literally, as in Packer, with one deliberate difference: a bracketed word of
 * two or more letters and digits that looks like a special key but is not one ({@code <entr>},
 * {@code <wait5x>}) is a mistake, since
 * typing it literally is almost never what the author meant. A template's {@code boot_command} entries
 * are joined without separator before parsing, as Packer does.
 */
public final class BootCommand {

    /** How long {@code <wait>} without a number pauses. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{1,39}");
    private static final Pattern GO_DURATION = Pattern.compile("(?:[0-9]+(?:ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern WORD_THEN_NUMBER = Pattern.compile("([A-Za-z]+)([0-9].*)");
    private static final char MASK = '\u0000';
    private static final String SYNTAX_HINT = "special keys are written like <enter>, <esc>, <tab>, <f1>, <leftCtrl>;"
            + " hold a key with <leftCtrlOn> ... <leftCtrlOff>; pause with <wait>, <wait5> (seconds) or <wait1m30s>";
    private static final List<String> CANDIDATES;

    static {
        Set<String> names = new LinkedHashSet<>();
        for (SpecialKey k : SpecialKey.values()) {
            names.add(k.templateName());
        }
        for (SpecialKey k : SpecialKey.values()) {
            names.add(k.templateName() + "On");
            names.add(k.templateName() + "Off");
        }
        names.add("wait");
        CANDIDATES = List.copyOf(names);
    }

    /**
     * A place in the boot command that cannot be typed as written.
     *
     * @param offset index of the first character, in the text given to {@link #analyse}
     * @param length how many characters the mistake spans
     */
    public record Mistake(int offset, int length, String message, String suggestion, String hint) {

        /** The message with the suggestion, if any: {@code unknown special key <entr>; did you mean <enter>?}. */
        public String describe() {
            return message + (suggestion == null ? "" : "; did you mean " + suggestion + "?");
        }
    }

    /** What {@link #analyse} found: the actions, and the mistakes (none when the command is good). */
    public record Analysis(List<BootAction> actions, List<Mistake> mistakes) {
        public boolean ok() {
            return mistakes.isEmpty();
        }
    }

    private final List<BootAction> actions;

    private BootCommand(List<BootAction> actions) {
        this.actions = List.copyOf(actions);
    }

    /** The actions in order; consecutive characters are merged into one {@link BootAction.Type}. */
    public List<BootAction> actions() {
        return actions;
    }

    /** Template entries joined as Packer joins them: without separator. */
    public static String join(List<String> entries) {
        return String.join("", entries);
    }

    /**
     * Parses a fully rendered boot command.
     *
     * @throws BootCommandException listing every mistake
     */
    public static BootCommand parse(String text) {
        Analysis a = analyse(text);
        if (!a.ok()) {
            throw new BootCommandException(a.mistakes());
        }
        return new BootCommand(a.actions());
    }

    /** Parses {@code text}, collecting every mistake rather than stopping at the first. */
    public static Analysis analyse(String text) {
        List<BootAction> actions = new ArrayList<>();
        List<Mistake> mistakes = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '<' ? text.indexOf('>', i + 1) : -1;
            if (close < 0) {
                literal.append(c);
                i++;
                continue;
            }
            String name = text.substring(i + 1, close);
            BootAction action = special(name);
            if (action != null) {
                flush(literal, actions);
                actions.add(action);
                i = close + 1;
                continue;
            }
            if (name.indexOf(MASK) < 0 && KEY_LIKE.matcher(name).matches()) {
                mistakes.add(mistake(name, i, close - i + 1));
                i = close + 1;
                continue;
            }
            literal.append(c);
            i++;
        }
        flush(literal, actions);
        return new Analysis(Collections.unmodifiableList(actions), List.copyOf(mistakes));
    }

    private static void flush(StringBuilder literal, List<BootAction> actions) {
        if (!literal.isEmpty()) {
            actions.add(new BootAction.Type(literal.toString()));
            literal.setLength(0);
        }
    }

    /** The action for the word between angle brackets, or null when it is not one. */
    private static BootAction special(String name) {
        if (name.startsWith("wait")) {
            Duration d = waitDuration(name.substring(4));
            if (d != null) {
                return new BootAction.Wait(d);
            }
            return null;
        }
        Optional<SpecialKey> key = SpecialKey.byName(name);
        if (key.isPresent()) {
            return new BootAction.Press(key.get());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean on = lower.endsWith("on");
        boolean off = lower.endsWith("off");
        if (!on && !off) {
            return null;
        }
        String base = name.substring(0, name.length() - (on ? 2 : 3));
        Optional<SpecialKey> held = SpecialKey.byName(base);
        if (held.isPresent()) {
            return new BootAction.Toggle(held.get(), null, on);
        }
        if (!base.isEmpty() && base.codePointCount(0, base.length()) == 1 && base.indexOf(MASK) < 0) {
            return new BootAction.Toggle(null, base, on);
        }
        return null;
    }

    /** {@code ""} is one second, digits are seconds, else a Go duration of whole numbers; null if none. */
    private static Duration waitDuration(String arg) {
        if (arg.isEmpty()) {
            return DEFAULT_WAIT;
        }
        if (SECONDS.matcher(arg).matches()) {
            return Duration.ofSeconds(Long.parseLong(arg));
        }
        if (GO_DURATION.matcher(arg).matches()) {
            try {
                return GoDuration.parse(arg);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static Mistake mistake(String name, int offset, int length) {
        if (name.startsWith("wait")) {
            return new Mistake(offset, length, "<" + name + "> is not a valid wait", null,
                    "write <wait> (one second), <wait5> (seconds) or a duration of whole numbers such as <wait500ms>"
                            + " or <wait1m30s>");
        }
        String suggestion = suggest(name);
        return new Mistake(offset, length, "unknown special key <" + name + ">",
                suggestion == null ? null : "<" + suggestion + ">", SYNTAX_HINT);
    }

    private static String suggest(String name) {
        Matcher m = WORD_THEN_NUMBER.matcher(name);
        if (m.matches() && waitDuration(m.group(2)) != null) {
            String word = m.group(1);
            if (word.equalsIgnoreCase("wait") || DidYouMean.closest(word, List.of("wait")).isPresent()) {
                return "wait" + m.group(2);
            }
        }
        Optional<String> exactIgnoringCase = CANDIDATES.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
        return exactIgnoringCase.orElseGet(() -> DidYouMean.closest(name, CANDIDATES).orElse(null));
    }

    /** Checks the config's {@code boot_command} (see {@link #check(ComponentConfig, String)}). */
    public static void check(ComponentConfig config) {
        check(config, "boot_command");
    }

    /**
     * Checks an array-of-strings boot command in a config at validate time, reporting each mistake at
     * its entry. Build-time values ({@code {{ .HTTPIP }}}) are not rendered yet: their text is skipped.
     */
    public static void check(ComponentConfig config, String key) {
        JsonNode node = config.node().get(key);
        if (node == null || !node.isArray()) {
            return;
        }
        List<String> entries = new ArrayList<>();
        node.forEach(n -> entries.add(n.isString() ? n.asString() : ""));
        String joined = maskActions(join(entries));
        for (Mistake m : analyse(joined).mistakes()) {
            int start = 0;
            int index = 0;
            while (index < entries.size() - 1 && start + entries.get(index).length() <= m.offset()) {
                start += entries.get(index).length();
                index++;
            }
            int column = m.offset() - start + 1;
            config.error(JsonPath.ROOT.key(key).index(index), m.message() + " at character " + column
                    + (m.suggestion() == null ? "" : "; did you mean " + m.suggestion() + "?"), m.hint());
        }
    }

    /** Replaces each {@code {{ ... }}} action by mask characters of the same length. */
    static String maskActions(String text) {
        StringBuilder sb = new StringBuilder(text);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open + 2);
            int end = close < 0 ? text.length() : close + 2;
            for (int j = open; j < end; j++) {
                sb.setCharAt(j, MASK);
            }
            from = end;
        }
        return sb.toString();
    }
}
