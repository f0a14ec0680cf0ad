package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Remembered tokens skip signature verification but never the claim checks. */
class ApiTokenDecoderTest {

  private static final String ISSUER = "http://localhost:18080/auth/realms/camunda-platform";
  private static final Instant ISSUED = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void decodeWhenSameTokenAgainThenSignatureVerifiedOnce() throws JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    AtomicInteger verifications = new AtomicInteger();
    ApiTokenDecoder decoder = decoder(key, verifications, Clock.fixed(ISSUED, ZoneOffset.UTC));
    String token = sign(key);

    decoder.decode(token);
    decoder.decode(token);

    assertThat(verifications).hasValue(1);
  }

  @Test
  void decodeWhenRememberedTokenHasSinceExpiredThenRefused() throws JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    MovableClock clock = new MovableClock(ISSUED);
    ApiTokenDecoder decoder = decoder(key, new AtomicInteger(), clock);
    String token = sign(key);
    decoder.decode(token);

    clock.now = ISSUED.plus(Duration.ofSeconds(300 + 61));

    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(BadJwtException.class)
        .hasMessage("The token expired at 2026-12-03T10:05:00Z (allowed clock skew 60s).");
  }

  private static ApiTokenDecoder decoder(RSAKey key, AtomicInteger verifications, Clock clock)
      throws JOSEException {
    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
    nimbus.setJwtValidator(TokenChecks.signatureOnly());
    JwtDecoder counting =
        token -> {
          verifications.incrementAndGet();
          return nimbus.decode(token);
        };
    return new ApiTokenDecoder(
        List.of("RS256"),
        () -> counting,
        TokenChecks.all(ISSUER, List.of("web-modeler-public-api"), Duration.ofSeconds(60), clock));
  }

  private static String sign(RSAKey key) throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("client")
            .audience("web-modeler-public-api")
            .issueTime(Date.from(ISSUED))
            .expirationTime(Date.from(ISSUED.plusSeconds(300)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
