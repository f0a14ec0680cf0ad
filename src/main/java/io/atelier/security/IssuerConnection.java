package io.atelier.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * The link to an external token issuer: finds its key set (from discovery unless configured) on
 * first use rather than at start-up, so Atelier starts while the issuer is down and begins
 * accepting tokens once it is up.
 */
final class IssuerConnection {

  private static final Logger log = LoggerFactory.getLogger(IssuerConnection.class);

  private final SecurityProperties properties;
  private final RestClient http;
  private final AtomicReference<JwtDecoder> verifier = new AtomicReference<>();

  IssuerConnection(SecurityProperties properties) {
    this.properties = properties;
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(Duration.ofSeconds(3));
    requests.setReadTimeout(Duration.ofSeconds(5));
    this.http = RestClient.builder().requestFactory(requests).build();
  }

  /** The URL discovery and keys are fetched from: the backend URL if set, else the issuer. */
  String discoveryBase() {
    String base =
        properties.issuerBackendUrl() != null
            ? properties.issuerBackendUrl()
            : properties.issuerUri();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A decoder that verifies signatures with the issuer's keys; throws while they are unknown. */
  JwtDecoder verifier() {
    JwtDecoder current = verifier.get();
    if (current != null) {
      return current;
    }
    String jwkSetUri;
    try {
      jwkSetUri = jwkSetUri();
    } catch (RuntimeException unreachable) {
      log.debug("Issuer discovery at {} failed: {}", discoveryBase(), unreachable.getMessage());
      throw new BadJwtException(
          "The token issuer cannot be reached at "
              + discoveryBase()
              + ", so no token can be verified right now.");
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
            .jwsAlgorithms(
                set ->
                    properties
                        .jwsAlgorithms()
                        .forEach(name -> set.add(SignatureAlgorithm.from(name))))
            .jwtProcessorCustomizer(TokenChecks::leaveClaimsToSpring)
            .build();
    decoder.setJwtValidator(TokenChecks.signatureOnly());
    verifier.compareAndSet(null, decoder);
    log.info("Verifying API tokens with the key set at {}", jwkSetUri);
    return verifier.get();
  }

  /** Checks that the issuer answers; used by the readiness probe. */
  void ping() {
    http.get()
        .uri(properties.jwkSetUri() != null ? properties.jwkSetUri() : discoveryUrl())
        .retrieve()
        .toBodilessEntity();
  }

  private String jwkSetUri() {
    if (properties.jwkSetUri() != null) {
      return properties.jwkSetUri();
    }
    Map<?, ?> discovery = http.get().uri(discoveryUrl()).retrieve().body(Map.class);
    Object uri = discovery == null ? null : discovery.get("jwks_uri");
    if (!(uri instanceof String jwks)) {
      throw new IllegalStateException("the discovery document has no jwks_uri");
    }
    return jwks;
  }

  private String discoveryUrl() {
    return discoveryBase() + "/.well-known/openid-configuration";
  }
}
