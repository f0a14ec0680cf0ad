package io.atelier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports nothing listens on, found by letting the system pick one. Ports handed out once are not
 * handed out again in this JVM, so processes started side by side never race for the same one.
 */
public final class FreePorts {

  private static final Set<Integer> GIVEN = new HashSet<>();

  private FreePorts() {}

  public static synchronized int next() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (GIVEN.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No free port", e);
      }
    }
    throw new IllegalStateException("No unused free port after 50 attempts");
  }
}
