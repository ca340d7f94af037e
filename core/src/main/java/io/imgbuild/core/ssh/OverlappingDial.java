package io.imgbuild.core.ssh;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Connections to a machine's SSH port, overlapped while no server has answered. Behind QEMU's
 * user-mode network (slirp) a forwarded port accepts at once while the guest boots, and a connection
 * made before the guest's sshd is up stays silent for good. One attempt at a time would notice sshd
 * only when the silent one gives up (the banner wait, 3 s); starting another every second while the
 * earlier ones still wait (a few at most) notices it within about a second. The first connection
 * whose server answers is handed out and the others are closed. Once a server has answered,
 * attempts go one at a time, so each failed login is one attempt.
 */
final class OverlappingDial implements AutoCloseable {

    /** How long the newest silent connection waits before another one is started beside it. */
    static final Duration STAGGER = Duration.ofSeconds(1);
    /** Silent connections at most; with the 3 s banner wait and the stagger, one starts every second. */
    static final int MAX_IN_FLIGHT = 3;
    private static final Duration POLL = Duration.ofMillis(20);

    private final SshSettings settings;
    private final ConnectAttempt.Waits waits;
    private final List<PendingConnection> inFlight = new ArrayList<>();
    private long pauseUntil = System.nanoTime();
    private boolean serverAnswered;

    OverlappingDial(SshSettings settings, ConnectAttempt.Waits waits) {
        this.settings = settings;
        this.waits = waits;
    }

    /**
     * The next connection whose server answered (the caller owns it), or null when {@code deadline}
     * (a {@link System#nanoTime()} value) came first; everything still in flight is closed then.
     *
     * @throws SshConnectException when one attempt failed; the others stay in flight for the next call
     * @throws CancelledException  when cancelled; everything in flight is closed
     */
    PendingConnection next(long deadline, Cancellation cancellation) throws SshConnectException, CancelledException {
        try {
            while (true) {
                cancellation.throwIfCancelled();
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    close();
                    return null;
                }
                if (mayStartAnother(now)) {
                    inFlight.add(PendingConnection.start(settings, settings.host(), settings.port(), waits));
                }
                PendingConnection answered = firstAnswered();
                if (answered != null) {
                    close();
                    serverAnswered = true;
                    return answered;
                }
                cancellation.sleep(POLL);
            }
        } catch (CancelledException e) {
            close();
            throw e;
        }
    }

    /** No new attempt before {@code pause} has passed, unless some are in flight already. */
    void pause(Duration pause) {
        pauseUntil = System.nanoTime() + pause.toNanos();
    }

    private boolean mayStartAnother(long now) {
        if (inFlight.isEmpty()) {
            return now - pauseUntil >= 0;
        }
        PendingConnection newest = inFlight.get(inFlight.size() - 1);
        return !serverAnswered && inFlight.size() < MAX_IN_FLIGHT && now - newest.startedAt() >= STAGGER.toNanos();
    }

    /** The first in-flight connection whose server answered, taken out of the list; a failed one throws. */
    private PendingConnection firstAnswered() throws SshConnectException {
        for (Iterator<PendingConnection> it = inFlight.iterator(); it.hasNext(); ) {
            PendingConnection p = it.next();
            boolean answered;
            try {
                answered = p.answered();
            } catch (SshConnectException e) {
                it.remove();
                throw e;
            }
            if (answered) {
                it.remove();
                return p;
            }
        }
        return null;
    }

    /** Closes every connection still in flight. */
    @Override
    public void close() {
        for (PendingConnection p : inFlight) {
            p.close();
        }
        inFlight.clear();
    }
}
