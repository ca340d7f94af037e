package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The copying both test forwarders do: an accepted client, a new connection to the target, bytes both ways. */
final class Forwarding {

  private static final int CHUNK = 16 << 10;

  private Forwarding() {}

  /**
   * Connects to the target and copies both ways until either side ends, then closes both. Bytes from
   * the target to the client go at most {@code downBytesPerSecond} (0: as fast as they come), read
   * through a small receive buffer so that the target, not this side, holds what waits. Sockets made
   * are added to {@code open}, for the forwarder's close.
   */
  static void forward(Socket client, String targetHost, int targetPort, long downBytesPerSecond, List<Socket> open) {
    Socket server = new Socket();
    open.add(server);
    try {
      if (downBytesPerSecond > 0) {
        server.setReceiveBufferSize(64 << 10);
      }
      server.connect(new InetSocketAddress(targetHost, targetPort), 5000);
      daemon("forward-up", () -> pump(client, server, 0)).start();
      pump(server, client, downBytesPerSecond);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static void pump(Socket from, Socket to, long bytesPerSecond) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      if (bytesPerSecond <= 0) {
        in.transferTo(out);
        return;
      }
      byte[] buf = new byte[CHUNK];
      long start = System.nanoTime();
      long sent = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        out.write(buf, 0, n);
        sent += n;
        long due = start + (long) (sent * 1e9 / bytesPerSecond); // in double: bytes x 1e9 outgrows a long
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
    } catch (IOException e) {
      // one side went away: end both
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
