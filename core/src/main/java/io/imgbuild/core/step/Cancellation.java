package io.imgbuild.core.step;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cooperative cancellation shared by a run, its builds and their provisioners. A child is cancelled
 * with its parent and can also be cancelled alone (a provisioner's timeout). Whatever must stop at
 * once (a child process, a blocked thread) registers an action with {@link #onCancel}.
 */
public final class Cancellation {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile String reason;

    private Cancellation() {
    }

    public static Cancellation root() {
        return new Cancellation();
    }

    /** A scope that is cancelled when this one is; close the registration to detach it. */
    public Child child() {
        Cancellation c = new Cancellation();
        Registration link = onCancel(() -> c.cancel(reason));
        return new Child(c, link);
    }

    /** A child scope; closing it detaches it from the parent. */
    public record Child(Cancellation cancellation, Registration link) implements AutoCloseable {
        @Override
        public void close() {
            link.close();
        }
    }

    public void cancel(String why) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why == null ? "cancelled" : why;
        }
        cancelled.countDown();
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Cancellation.class).warn("cancel action failed", e);
            }
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }

    public void throwIfCancelled() throws CancelledException {
        if (reason != null) {
            throw new CancelledException(reason);
        }
    }

    /** Runs {@code action} on cancel (at once if already cancelled) until the registration is closed. */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        Registration r = () -> actions.remove(action);
        if (reason != null) {
            action.run();
        }
        return r;
    }

    /** Sleeps, waking early with an exception if cancelled. */
    public void sleep(Duration d) throws CancelledException {
        throwIfCancelled();
        try {
            if (cancelled.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS)) {
                throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(reason != null ? reason : "interrupted");
        }
    }

    /** Detaches a cancel action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

}
