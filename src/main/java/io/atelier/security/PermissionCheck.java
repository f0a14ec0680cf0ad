package io.atelier.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Grants an API request when its token holds the {@link Permission} the request needs. */
final class PermissionCheck implements AuthorizationManager<RequestAuthorizationContext> {

  private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (caller == null || !caller.isAuthenticated() || trust.isAnonymous(caller)) {
      return new AuthorizationDecision(false);
    }
    Optional<Permission> needed = required(context.getRequest());
    boolean granted =
        needed.isEmpty()
            || caller.getAuthorities().stream()
                .anyMatch(a -> needed.get().value().equals(a.getAuthority()));
    return new AuthorizationDecision(granted);
  }

  static Optional<Permission> required(HttpServletRequest request) {
    return Permission.requiredFor(request.getMethod(), request.getRequestURI());
  }
}
