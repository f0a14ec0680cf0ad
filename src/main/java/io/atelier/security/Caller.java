package io.atelier.security;

import io.atelier.security.SecurityConfiguration.CallerAuthentication;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent a request, as recorded in {@code createdBy}/{@code updatedBy}. A user token names a
 * person (with an email); a client-credentials token names the client, and has no email.
 *
 * @param subject the token's {@code sub}
 * @param name the user's display name, or the client id
 * @param email the user's email; null for a client
 */
public record Caller(String subject, String name, String email) {

  static Caller of(Jwt jwt, String usernameClaim) {
    String email = jwt.getClaimAsString("email");
    String subject = jwt.getSubject();
    if (email != null) {
      return new Caller(
          subject,
          firstPresent(
              jwt.getClaimAsString(usernameClaim),
              jwt.getClaimAsString("preferred_username"),
              subject),
          email);
    }
    return new Caller(
        subject,
        firstPresent(jwt.getClaimAsString("azp"), jwt.getClaimAsString("client_id"), subject),
        null);
  }

  /** The caller of the API request this thread is handling; empty outside an API request. */
  public static Optional<Caller> current() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof CallerAuthentication authentication
        ? Optional.of(authentication.caller())
        : Optional.empty();
  }

  /** True when the token belongs to a person rather than a machine client. */
  public boolean isUser() {
    return email != null;
  }

  private static String firstPresent(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }
}
