package io.atelier.security;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim checks a signed API token must pass, each failing with a description that says which
 * check failed and why. The descriptions reach the client in {@code WWW-Authenticate} and in the
 * error body, so they never contain the token itself.
 */
final class TokenChecks {

  private TokenChecks() {}

  static OAuth2TokenValidator<Jwt> all(
      String expectedIssuer, List<String> audiences, Duration clockSkew, Clock clock) {
    OAuth2TokenValidator<Jwt> lifetime = jwt -> lifetime(jwt, clockSkew, clock);
    String normalizedIssuer = normalize(expectedIssuer);
    OAuth2TokenValidator<Jwt> issuer = jwt -> issuer(jwt, expectedIssuer, normalizedIssuer);
    OAuth2TokenValidator<Jwt> audience = jwt -> audience(jwt, audiences);
    return jwt -> {
      for (OAuth2TokenValidator<Jwt> check : List.of(lifetime, issuer, audience)) {
        OAuth2TokenValidatorResult result = check.validate(jwt);
        if (result.hasErrors()) {
          return result;
        }
      }
      return OAuth2TokenValidatorResult.success();
    };
  }

  /** For the signature-verifying decoders: the claim checks run afterwards, see {@link #all}. */
  static OAuth2TokenValidator<Jwt> signatureOnly() {
    return jwt -> OAuth2TokenValidatorResult.success();
  }

  /**
   * Turns off Nimbus's own claim checks so that {@link #all} alone decides on lifetime, issuer and
   * audience, with its own descriptions.
   */
  static void leaveClaimsToSpring(ConfigurableJWTProcessor<SecurityContext> processor) {
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
  }

  private static OAuth2TokenValidatorResult lifetime(Jwt jwt, Duration skew, Clock clock) {
    Instant now = clock.instant();
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return failure("The token has no expiry time (exp claim); tokens without one are refused.");
    }
    if (now.minus(skew).isAfter(expiresAt)) {
      return failure(
          "The token expired at " + expiresAt + " (allowed clock skew " + skew.toSeconds() + "s).");
    }
    Instant notBefore = jwt.getNotBefore();
    if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
      return failure(
          "The token is not valid before "
              + notBefore
              + " (allowed clock skew "
              + skew.toSeconds()
              + "s).");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult issuer(
      Jwt jwt, String expected, String normalizedExpected) {
    String actual = jwt.getClaimAsString("iss");
    if (actual != null
        && (actual.equals(expected) || normalize(actual).equals(normalizedExpected))) {
      return OAuth2TokenValidatorResult.success();
    }
    return failure(
        "The token's issuer '" + actual + "' is not the expected issuer '" + expected + "'.");
  }

  private static OAuth2TokenValidatorResult audience(Jwt jwt, List<String> expected) {
    List<String> actual = jwt.getAudience() == null ? List.of() : jwt.getAudience();
    if (actual.stream().anyMatch(expected::contains)) {
      return OAuth2TokenValidatorResult.success();
    }
    return failure(
        "The token's audience "
            + actual
            + " does not contain the expected audience "
            + expected
            + ".");
  }

  /**
   * Compares issuers the way URLs are compared: scheme and host without case, the default port the
   * same as none, and one trailing slash ignored.
   */
  static String normalize(String issuer) {
    try {
      URI uri = URI.create(issuer.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || ("http".equals(scheme) && port == 80)
              || ("https".equals(scheme) && port == 443);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    } catch (IllegalArgumentException notAUri) {
      return issuer.trim();
    }
  }

  private static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
  }
}
