package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port forward with a slow way back: what the server sends reaches the client at a set rate, as
 * over a link slower than the server's disk. The server then holds what it may send but cannot yet,
 * so a test can see how much a client's window makes it hold.
 */
public final class SlowLinkForwarder implements AutoCloseable {

  private final ServerSocket listener;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private SlowLinkForwarder(ServerSocket listener) {
    this.listener = listener;
  }

  /** Listens on a free loopback port and forwards to the target, {@code downBytesPerSecond} back. */
  public static SlowLinkForwarder start(String targetHost, int targetPort, long downBytesPerSecond) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(LoopbackPorts.HOST));
    SlowLinkForwarder f = new SlowLinkForwarder(listener);
    Forwarding.daemon("slow-link-accept", () -> {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          f.open.add(client);
          Forwarding.daemon("slow-link-forward",
              () -> Forwarding.forward(client, targetHost, targetPort, downBytesPerSecond, f.open)).start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }).start();
    return f;
  }

  public String host() {
    return LoopbackPorts.HOST;
  }

  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : open) {
      Forwarding.closeQuietly(s);
    }
  }
}
