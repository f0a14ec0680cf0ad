package io.atelier.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/** The embedded identity's own Tomcat connector, kept to learn the port it actually bound. */
public final class IdentityConnector {

  private final Connector connector;
  private volatile int boundPort = -1;

  IdentityConnector(int port) {
    this.connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
    this.connector.setPort(port);
  }

  Connector connector() {
    return connector;
  }

  /** The port the identity listens on, once the server has started. */
  public int localPort() {
    int port = boundPort;
    if (port <= 0) {
      port = connector.getLocalPort();
      boundPort = port;
    }
    return port;
  }

  /** True for requests to the identity port under the realm path. */
  boolean accepts(HttpServletRequest request) {
    return request.getLocalPort() == localPort()
        && request.getRequestURI().startsWith(IdentityProperties.REALM_PATH + "/");
  }
}
