package io.atelier.security;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of an external token issuer: out of service while its discovery document or keys cannot
 * be fetched. Logs once when the issuer becomes unreachable (saying what to check) and once when it
 * is back, not on every probe.
 */
final class IssuerHealth implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(IssuerHealth.class);

  private final SecurityProperties properties;
  private final IssuerConnection connection;
  private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

  IssuerHealth(SecurityProperties properties, IssuerConnection connection) {
    this.properties = properties;
    this.connection = connection;
  }

  @Override
  public Health health() {
    try {
      connection.ping();
      if (!Boolean.TRUE.equals(lastUp.getAndSet(true))) {
        log.info("The token issuer answers at {}", connection.discoveryBase());
      }
      return Health.up().withDetail("issuer", properties.issuerUri()).build();
    } catch (RuntimeException unreachable) {
      if (!Boolean.FALSE.equals(lastUp.getAndSet(false))) {
        log.warn(
            "The token issuer cannot be reached at {} ({}). Check "
                + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI and, if Atelier reaches "
                + "the issuer under another address, RESTAPI_OAUTH2_TOKEN_ISSUER_BACKEND_URL.",
            connection.discoveryBase(),
            unreachable.getMessage());
      }
      return Health.outOfService()
          .withDetail("issuer", properties.issuerUri())
          .withDetail(
              "error", "The token issuer cannot be reached at " + connection.discoveryBase())
          .build();
    }
  }
}
