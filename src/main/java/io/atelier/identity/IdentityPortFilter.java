package io.atelier.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two ports apart: the identity port serves only the realm's endpoints, and the API port
 * serves none of them.
 */
final class IdentityPortFilter extends OncePerRequestFilter {

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
    chain.doFilter(request, response);
  }
}
