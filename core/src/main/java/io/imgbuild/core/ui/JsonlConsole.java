package io.imgbuild.core.ui;

import io.imgbuild.core.util.Json;
import java.io.PrintStream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON object per line ({@code --output=jsonl}), a stable event stream for CI. The fields of
 * each event type are documented in the CLI's README; new fields may be added, none renamed.
 */
public final class JsonlConsole implements UiSink {

    private final PrintStream out;

    public JsonlConsole(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(UiEvent event) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("time", event.time().toString());
        if (event instanceof UiEvent.Line l) {
            o.put("type", switch (l.level()) {
                case SAY -> "say";
                case MESSAGE -> "message";
                case ERROR -> "error";
            });
            o.put("build", l.build());
            if (l.component() != null) {
                o.put("component", l.component());
            }
            o.put("text", l.text());
        } else if (event instanceof UiEvent.Progress p) {
            o.put("type", "progress");
            o.put("build", p.build());
            if (p.component() != null) {
                o.put("component", p.component());
            }
            o.put("label", p.label());
            o.put("done", p.done());
            o.put("total", p.total());
            o.put("bytes_per_second", Math.round(p.bytesPerSecond()));
            o.put("finished", p.finished());
        } else if (event instanceof UiEvent.BuildStarted s) {
            o.put("type", "build-started");
            o.put("build", s.build());
            o.put("builder_type", s.type());
        } else if (event instanceof UiEvent.BuildFinished f) {
            o.put("type", "build-finished");
            o.put("build", f.build());
            o.put("status", f.status().name().toLowerCase());
            o.put("elapsed_ms", f.elapsed().toMillis());
            ArrayNode errs = o.putArray("errors");
            f.errors().forEach(errs::add);
            o.put("cleanup_incomplete", f.cleanupIncomplete());
        } else if (event instanceof UiEvent.ArtifactReady a) {
            o.put("type", "artifact");
            o.put("build", a.build());
            o.put("index", a.index());
            o.put("builder_id", a.builderId());
            o.put("id", a.id());
            o.put("description", a.description());
            ArrayNode files = o.putArray("files");
            a.files().forEach(files::add);
        } else if (event instanceof UiEvent.RunFinished r) {
            o.put("type", "run-finished");
            o.put("exit_code", r.exitCode());
            o.put("elapsed_ms", r.elapsed().toMillis());
        }
        out.println(Json.MAPPER.writeValueAsString(o));
        out.flush();
    }
}
