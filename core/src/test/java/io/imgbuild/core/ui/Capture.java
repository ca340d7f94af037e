package io.imgbuild.core.ui;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A print stream to read back, and a fixed clock. */
final class Capture {

    static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    List<String> lines() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1)).subList(0, s.split("\n", -1).length - 1);
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
