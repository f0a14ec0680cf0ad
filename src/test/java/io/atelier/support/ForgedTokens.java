package io.atelier.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds tokens the way an attacker or a misconfigured issuer would: signed with the embedded
 * issuer's real key but with wrong claims, signed with another key, unsigned, or HMAC-signed.
 */
public final class ForgedTokens {

  public static final String ISSUER = "http://localhost:18080/auth/realms/camunda-platform";
  public static final String AUDIENCE = "web-modeler-public-api";

  private final RSAKey issuerKey;

  private ForgedTokens(RSAKey issuerKey) {
    this.issuerKey = issuerKey;
  }

  /** Reads the embedded issuer's signing key from the database the server uses. */
  public static ForgedTokens withIssuerKeyFrom(JdbcClient jdbc) {
    return jdbc.sql("select key_id, private_key from signing_key where slot = 1")
        .query((rs, row) -> new ForgedTokens(decode(rs.getString(1), rs.getString(2))))
        .single();
  }

  /** Claims of a valid all-permissions client token, to be changed one at a time. */
  public static JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("forged-client")
        .audience(AUDIENCE)
        .claim("azp", "forged-client")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString())
        .claim(
            "permissions", Map.of(AUDIENCE, List.of("create:*", "read:*", "update:*", "delete:*")));
  }

  /** Signed with the issuer's own key and key id. */
  public String signed(UnaryOperator<JWTClaimsSet.Builder> claims) {
    return sign(issuerKey, issuerKey.getKeyID(), claims.apply(validClaims()).build());
  }

  /** Signed with a foreign key that claims the issuer's key id. */
  public String signedByOtherKeyWithIssuerKid() {
    return sign(generate(), issuerKey.getKeyID(), validClaims().build());
  }

  /** Signed with a foreign key under a key id the issuer never had. */
  public String signedWithUnknownKid() {
    RSAKey other = generate();
    return sign(other, other.getKeyID(), validClaims().build());
  }

  /** An unsigned token ({@code alg: none}). */
  public static String unsigned() {
    return new PlainJWT(validClaims().build()).serialize();
  }

  /** HS256 with the issuer's public key bytes as the secret: the classic key-confusion attack. */
  public String hmacWithPublicKey() {
    try {
      byte[] secret = issuerKey.toRSAPublicKey().getEncoded();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuerKey.getKeyID()).build(),
              validClaims().build());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(RSAKey key, String keyId, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey decode(String keyId, String privateKey) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey key =
          (RSAPrivateCrtKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return new RSAKey.Builder(publicKey).privateKey(key).keyID(keyId).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
