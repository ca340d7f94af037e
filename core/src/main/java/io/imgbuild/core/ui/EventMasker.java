package io.imgbuild.core.ui;

import io.imgbuild.core.secret.Secrets;

/** Returns a copy of an event with every text field masked. */
final class EventMasker {

    private EventMasker() {
    }

    static UiEvent mask(UiEvent e, Secrets s) {
        if (s.isEmpty()) {
            return e;
        }
        if (e instanceof UiEvent.Line l) {
            return new UiEvent.Line(l.time(), l.build(), l.component(), l.level(), s.mask(l.text()));
        }
        if (e instanceof UiEvent.Progress p) {
            return new UiEvent.Progress(p.time(), p.build(), p.component(), s.mask(p.label()), p.done(), p.total(),
                    p.bytesPerSecond(), p.finished());
        }
        if (e instanceof UiEvent.BuildFinished f) {
            return new UiEvent.BuildFinished(f.time(), f.build(), f.status(), f.elapsed(),
                    f.errors().stream().map(s::mask).toList(), f.cleanupIncomplete());
        }
        if (e instanceof UiEvent.ArtifactReady a) {
            return new UiEvent.ArtifactReady(a.time(), a.build(), a.index(), a.builderId(), s.mask(a.id()),
                    s.mask(a.description()), a.files().stream().map(s::mask).toList());
        }
        return e;
    }
}
