package io.atelier.identity;

import io.atelier.web.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two ports apart: the identity port serves only the realm's endpoints, and the API port
 * serves none of them. On the identity port, a database outage (clients are looked up in the
 * database) is answered with 503 and an OAuth error body rather than a 500.
 */
final class IdentityPortFilter extends OncePerRequestFilter {

  /** OAuth 2.0's error for a server that cannot answer right now (RFC 6749, section 4.1.2.1). */
  private static final String TEMPORARILY_UNAVAILABLE =
      "{\"error\":\"temporarily_unavailable\",\"error_description\":\"The database cannot be"
          + " reached right now; try again shortly.\"}";

  private static final Logger log = LoggerFactory.getLogger(IdentityPortFilter.class);

  private final IdentityConnector connector;

  IdentityPortFilter(IdentityConnector connector) {
    this.connector = connector;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean identityPort = request.getLocalPort() == connector.localPort();
    boolean realmPath = request.getRequestURI().startsWith(IdentityProperties.REALM_PATH + "/");
    if (identityPort != realmPath) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("application/json");
      response.getWriter().write("{\"error\":\"not_found\"}");
      return;
    }
    if (!identityPort) {
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException failure) {
      if (!DatabaseFailures.isConnectionLoss(failure) || response.isCommitted()) {
        throw failure;
      }
      log.warn(
          "Database unavailable for {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          failure.getMessage());
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write(TEMPORARILY_UNAVAILABLE);
    }
  }
}
