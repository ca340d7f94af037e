package io.imgbuild.core.ui;

import io.imgbuild.core.util.Sizes;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packer's familiar human output: "==> name: ..." headlines, indented details, a colour per build,
 * optional timestamps, live progress bars on a terminal and periodic progress lines elsewhere, and a
 * summary of artifacts and errors at the end.
 */
public final class HumanConsole implements UiSink {

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[1;31m";
    private static final String[] BUILD_COLORS = {"\u001b[1;32m", "\u001b[1;36m", "\u001b[1;35m", "\u001b[1;33m",
        "\u001b[1;34m"};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final boolean color;
    private final boolean timestamps;
    private final boolean terminal;
    private final Map<String, String> colors = new HashMap<>();
    private final Map<String, List<UiEvent.ArtifactReady>> artifacts = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final Map<String, Long> lastProgressStep = new HashMap<>();
    private boolean progressLineOpen;

    public HumanConsole(PrintStream out, boolean color, boolean timestamps, boolean terminal) {
        this.out = out;
        this.color = color;
        this.timestamps = timestamps;
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(UiEvent event) {
        if (event instanceof UiEvent.Line l) {
            line(l);
        } else if (event instanceof UiEvent.Progress p) {
            progress(p);
        } else if (event instanceof UiEvent.BuildStarted s) {
            String c = BUILD_COLORS[colors.size() % BUILD_COLORS.length];
            colors.put(s.build(), c);
            print(s, paint(c, s.build() + ": output will be in this color."));
        } else if (event instanceof UiEvent.BuildFinished f) {
            finished(f);
        } else if (event instanceof UiEvent.ArtifactReady a) {
            artifacts.computeIfAbsent(a.build(), k -> new ArrayList<>()).add(a);
        } else if (event instanceof UiEvent.RunFinished r) {
            summary(r);
        }
        out.flush();
    }

    private void line(UiEvent.Line l) {
        String who = l.build() == null ? "" : l.build() + (l.component() == null ? "" : " (" + l.component() + ")") + ": ";
        String c = colors.getOrDefault(l.build(), "");
        for (String text : l.text().split("\\R", -1)) {
            String styled = switch (l.level()) {
                case SAY -> paint(c, "==> " + who + text);
                case MESSAGE -> paintPlain(c, "    " + who + text);
                case ERROR -> paint(RED, "==> " + who + text);
            };
            print(l, styled);
        }
    }

    private void finished(UiEvent.BuildFinished f) {
        String took = Durations.words(f.elapsed());
        switch (f.status()) {
            case SUCCEEDED -> print(f, paint(colors.getOrDefault(f.build(), ""), "Build '" + f.build() + "' finished after "
                    + took + "."));
            case FAILED -> print(f, paint(RED, "Build '" + f.build() + "' errored after " + took + ": "
                    + String.join("; ", f.errors())));
            case CANCELLED -> print(f, paint(RED, "Build '" + f.build() + "' cancelled after " + took + "."));
        }
        if (!f.errors().isEmpty() && f.status() != UiEvent.Status.SUCCEEDED) {
            errors.put(f.build(), f.errors());
        }
        if (f.cleanupIncomplete()) {
            print(f, paint(RED, "Build '" + f.build() + "': cleanup did not complete; see the errors above for what to"
                    + " remove by hand."));
        }
    }

    private void summary(UiEvent.RunFinished r) {
        print(r, "==> Wait completed after " + Durations.words(r.elapsed()));
        if (!errors.isEmpty()) {
            print(r, paint(RED, "==> Some builds didn't complete successfully and had errors:"));
            errors.forEach((b, errs) -> errs.forEach(e -> print(r, paint(RED, "--> " + b + ": " + e))));
        }
        if (artifacts.isEmpty()) {
            print(r, "==> Builds finished but no artifacts were created.");
            return;
        }
        print(r, "==> Builds finished. The artifacts of successful builds are:");
        artifacts.forEach((b, list) -> list.forEach(a -> print(r, paint(colors.getOrDefault(b, ""), "--> " + b + ": "
                + a.description()))));
    }

    private void progress(UiEvent.Progress p) {
        String who = p.build() + (p.component() == null ? "" : " (" + p.component() + ")");
        if (terminal) {
            String text = "    " + who + ": " + ProgressText.bar(p);
            out.print("\r\u001b[K" + paintPlain(colors.getOrDefault(p.build(), ""), text));
            progressLineOpen = !p.finished();
            if (p.finished()) {
                out.println();
            }
            return;
        }
        // Not a terminal: a line at each quarter, and the result.
        String key = who + "\u0000" + p.label();
        long step = p.total() > 0 ? (p.done() * 4 / p.total()) : -1;
        Long last = lastProgressStep.get(key);
        if (p.finished()) {
            lastProgressStep.remove(key);
            print(p, paintPlain(colors.getOrDefault(p.build(), ""), "    " + who + ": " + ProgressText.done(p)));
        } else if (last == null || step > last) {
            lastProgressStep.put(key, step);
            if (last != null) {
                print(p, paintPlain(colors.getOrDefault(p.build(), ""), "    " + who + ": " + ProgressText.line(p)));
            }
        }
    }

    private void print(UiEvent e, String text) {
        if (progressLineOpen) {
            out.print("\r\u001b[K");
            progressLineOpen = false;
        }
        out.println(timestamps ? STAMP.format(e.time()) + ": " + text : text);
    }

    private String paint(String c, String s) {
        return color && !c.isEmpty() ? c + s + RESET : s;
    }

    /** Details use the build's colour without bold, as Packer does. */
    private String paintPlain(String c, String s) {
        return color && !c.isEmpty() ? c.replace("1;", "0;") + s + RESET : s;
    }

    static final class Durations {
        private Durations() {
        }

        static String words(Duration d) {
            long s = d.toSeconds();
            long ms = d.toMillisPart();
            if (s < 60) {
                return s + " second" + (s == 1 ? "" : "s") + " " + ms + " millisecond" + (ms == 1 ? "" : "s");
            }
            return d.toMinutes() + " minute" + (d.toMinutes() == 1 ? "" : "s") + " " + d.toSecondsPart() + " seconds";
        }
    }

    /** Progress as text, shared by the terminal bar and the periodic lines. */
    static final class ProgressText {
        private ProgressText() {
        }

        static String bar(UiEvent.Progress p) {
            if (p.total() <= 0) {
                return p.label() + ": " + Sizes.bytes(p.done()) + " " + rate(p);
            }
            int width = 24;
            int filled = (int) Math.min(width, p.done() * width / p.total());
            return p.label() + " [" + "=".repeat(filled) + (filled < width ? ">" : "") + " ".repeat(Math.max(0,
                    width - filled - 1)) + "] " + percent(p) + " " + rate(p) + eta(p);
        }

        static String line(UiEvent.Progress p) {
            return p.label() + ": " + percent(p) + " (" + Sizes.bytes(p.done()) + " of " + Sizes.bytes(p.total()) + ") "
                    + rate(p) + eta(p);
        }

        static String done(UiEvent.Progress p) {
            return p.label() + ": " + Sizes.bytes(p.done()) + " done, " + rate(p);
        }

        private static String percent(UiEvent.Progress p) {
            return p.total() > 0 ? (p.done() * 100 / p.total()) + "%" : "";
        }

        private static String rate(UiEvent.Progress p) {
            return Sizes.bytes((long) p.bytesPerSecond()) + "/s";
        }

        private static String eta(UiEvent.Progress p) {
            if (p.finished() || p.total() <= 0 || p.bytesPerSecond() <= 0 || p.done() >= p.total()) {
                return "";
            }
            long secs = (long) ((p.total() - p.done()) / p.bytesPerSecond());
            return String.format(" ETA %d:%02d", secs / 60, secs % 60);
        }
    }
}
