package io.imgbuild.cli;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code -debug} pauses and {@code -on-error=ask} questions on the terminal. Input is read on a
 * daemon thread so a waiting prompt still gives way to Ctrl-C. Without a terminal, "ask" cleans up,
 * as Packer does.
 */
final class TerminalGate implements StepGate {

    private static final String EOF = "\u0000eof";

    private final PrintStream out;
    private final boolean interactive;
    private final Cancellation cancellation;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final InputStream in;
    private Thread reader;

    TerminalGate(InputStream in, PrintStream out, boolean interactive, Cancellation cancellation) {
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.cancellation = cancellation;
    }

    @Override
    public synchronized void beforeStep(String build, String step) throws CancelledException {
        out.println("==> " + build + ": Pausing before step \"" + step + "\". Press enter to continue.");
        readLine();
    }

    @Override
    public synchronized Choice afterFailure(String build, String step, String error) throws CancelledException {
        if (!interactive) {
            return Choice.CLEANUP;
        }
        while (true) {
            out.println("==> " + build + ": Step \"" + step + "\" failed: " + error);
            out.println("==> " + build + ": [c] Clean up and exit, [a] abort without cleanup, or [r] retry step?");
            String answer = readLine().trim().toLowerCase();
            switch (answer) {
                case "c" -> {
                    return Choice.CLEANUP;
                }
                case "a" -> {
                    return Choice.ABORT;
                }
                case "r" -> {
                    return Choice.RETRY;
                }
                default -> out.println("Please answer c, a or r.");
            }
        }
    }

    private String readLine() throws CancelledException {
        startReader();
        while (true) {
            cancellation.throwIfCancelled();
            try {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == EOF) {
                    lines.add(EOF);
                    return "c";
                }
                if (line != null) {
                    return line;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("interrupted");
            }
        }
    }

    private void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // treat as end of input
            }
            lines.add(EOF);
        }, "terminal-input");
        reader.setDaemon(true);
        reader.start();
    }
}
