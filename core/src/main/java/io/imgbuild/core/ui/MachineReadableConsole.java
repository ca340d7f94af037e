package io.imgbuild.core.ui;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packer's {@code -machine-readable} format: {@code timestamp,target,type,data...}, one event a line,
 * commas in data written as {@code %!(PACKER_COMMA)}, newlines as {@code \n}. UI lines keep Packer's
 * shape (empty target, the build name inside the text); artifacts and errors are listed per build
 * at the end, as Packer does.
 */
public final class MachineReadableConsole implements UiSink {

    private final PrintStream out;
    private final Map<String, List<UiEvent.ArtifactReady>> artifacts = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public MachineReadableConsole(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(UiEvent event) {
        if (event instanceof UiEvent.Line l) {
            String who = l.build() == null ? "" : l.build() + (l.component() == null ? "" : " (" + l.component() + ")") + ": ";
            String type = switch (l.level()) {
                case SAY -> "say";
                case MESSAGE -> "message";
                case ERROR -> "error";
            };
            String lead = l.level() == UiEvent.Level.MESSAGE ? "    " : "==> ";
            write(l, "", "ui", type, lead + who + l.text());
        } else if (event instanceof UiEvent.ArtifactReady a) {
            artifacts.computeIfAbsent(a.build(), k -> new ArrayList<>()).add(a);
        } else if (event instanceof UiEvent.BuildFinished f && f.status() != UiEvent.Status.SUCCEEDED) {
            errors.put(f.build(), f.errors().isEmpty() ? List.of(f.status().name().toLowerCase()) : f.errors());
        } else if (event instanceof UiEvent.RunFinished r) {
            artifacts.forEach((build, list) -> {
                write(r, build, "artifact-count", String.valueOf(list.size()));
                for (UiEvent.ArtifactReady a : list) {
                    String i = String.valueOf(a.index());
                    write(r, build, "artifact", i, "builder-id", a.builderId());
                    write(r, build, "artifact", i, "id", a.id());
                    write(r, build, "artifact", i, "string", a.description());
                    write(r, build, "artifact", i, "files-count", String.valueOf(a.files().size()));
                    for (int f = 0; f < a.files().size(); f++) {
                        write(r, build, "artifact", i, "file", String.valueOf(f), a.files().get(f));
                    }
                    write(r, build, "artifact", i, "end");
                }
            });
            if (!errors.isEmpty()) {
                write(r, "", "error-count", String.valueOf(errors.size()));
                errors.forEach((build, errs) -> write(r, build, "error", String.join("; ", errs)));
            }
        }
        out.flush();
    }

    private void write(UiEvent e, String target, String type, String... data) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.time().getEpochSecond()).append(',').append(escape(target)).append(',').append(type);
        for (String d : data) {
            sb.append(',').append(escape(d));
        }
        out.println(sb);
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace(",", "%!(PACKER_COMMA)").replace("\r", "\\r").replace("\n", "\\n");
    }
}
