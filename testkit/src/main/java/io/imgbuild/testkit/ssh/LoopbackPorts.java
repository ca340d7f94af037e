package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Free ports on 127.0.0.1, and whether something answers on one. */
final class LoopbackPorts {

  static final String HOST = "127.0.0.1";

  /** Where start attempts take their ports from; {@link #freePort()} but in tests. */
  @FunctionalInterface
  interface PortSource {
    int next() throws IOException;
  }

  private LoopbackPorts() {}

  /** A port that was free a moment ago (the kernel's pick for port 0). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  /**
   * Connects, reads the first line the server sends and disconnects; null if nothing accepts the
   * connection or nothing is said within 5s.
   */
  static String greeting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 2000);
      socket.setSoTimeout(5000);
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n' && line.length() < 256; c = in.read()) {
        line.append((char) c);
      }
      return line.toString().strip();
    } catch (IOException e) {
      return null;
    }
  }

  /** Waits until connecting to {@code port} is refused; false if it still accepts after the timeout. */
  static boolean awaitRefused(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1000);
      } catch (ConnectException e) {
        return true;
      } catch (IOException e) {
        // timeout or other trouble: look again
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
  }

  static boolean isSshGreeting(String line) {
    return line != null && line.startsWith("SSH-2.0-");
  }
}
