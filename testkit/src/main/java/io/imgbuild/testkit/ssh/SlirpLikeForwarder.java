package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port forward that behaves like QEMU's user-mode network (slirp) in front of a booting guest: it
 * accepts every connection at once, holds those accepted before {@link #forwardingStartsAt()} silent
 * for good (never a byte, never closed from this side), and forwards later ones to the real server.
 * The silent time counts from the first connection, so a test does not depend on when the client
 * got going.
 * It counts the silent connections and how many of them the client closed, so a test can check that
 * nothing was left open.
 */
public final class SlirpLikeForwarder implements AutoCloseable {

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Duration silentFor;
  private volatile long forwardingStartsAt;
  private volatile boolean anyAccepted;
  private volatile long firstForwardedAt;
  private volatile boolean anyForwarded;
  private final AtomicInteger silent = new AtomicInteger();
  private final AtomicInteger silentClosedByClient = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private SlirpLikeForwarder(ServerSocket listener, String targetHost, int targetPort, Duration silentFor) {
    this.listener = listener;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.silentFor = silentFor;
  }

  /**
   * Listens on a free loopback port; connections accepted within {@code silentFor} of the first one
   * stay silent.
   */
  public static SlirpLikeForwarder start(String targetHost, int targetPort, Duration silentFor) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(LoopbackPorts.HOST));
    SlirpLikeForwarder f = new SlirpLikeForwarder(listener, targetHost, targetPort, silentFor);
    Forwarding.daemon("slirp-like-accept", f::acceptLoop).start();
    return f;
  }

  public String host() {
    return LoopbackPorts.HOST;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The {@link System#nanoTime()} from which accepted connections are forwarded. */
  public long forwardingStartsAt() {
    if (!anyAccepted) {
      throw new IllegalStateException("no connection yet: forwarding starts " + silentFor + " after the first");
    }
    return forwardingStartsAt;
  }

  /** The {@link System#nanoTime()} at which the first connection to be forwarded was accepted. */
  public long firstForwardedAt() {
    if (!anyForwarded) {
      throw new IllegalStateException("no connection has been forwarded yet");
    }
    return firstForwardedAt;
  }

  /** Connections accepted before forwarding started. */
  public int silentConnections() {
    return silent.get();
  }

  /** Silent connections the client has closed (or reset). */
  public int silentConnectionsClosedByClient() {
    return silentClosedByClient.get();
  }

  /** Waits until the client has closed every silent connection; false if some are open after {@code timeout}. */
  public boolean awaitSilentConnectionsClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (silentClosedByClient.get() < silent.get()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(client);
      if (!anyAccepted) {
        forwardingStartsAt = System.nanoTime() + silentFor.toNanos();
        anyAccepted = true;
      }
      if (System.nanoTime() - forwardingStartsAt < 0) {
        silent.incrementAndGet();
        Forwarding.daemon("slirp-like-silent", () -> holdSilent(client)).start();
      } else {
        if (!anyForwarded) {
          firstForwardedAt = System.nanoTime();
          anyForwarded = true;
        }
        Forwarding.daemon("slirp-like-forward", () -> Forwarding.forward(client, targetHost, targetPort, 0, open)).start();
      }
    }
  }

  /** Reads (and drops) until the client closes: this side never says a word. */
  private void holdSilent(Socket client) {
    try (InputStream in = client.getInputStream()) {
      byte[] buf = new byte[4096];
      while (in.read(buf) != -1) {
        // a client may send its version line first; slirp would not deliver it either
      }
      silentClosedByClient.incrementAndGet();
    } catch (IOException e) {
      if (!listener.isClosed()) {
        silentClosedByClient.incrementAndGet(); // reset by the client
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : open) {
      Forwarding.closeQuietly(s);
    }
  }
}
