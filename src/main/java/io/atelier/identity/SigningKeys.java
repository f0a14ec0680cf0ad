package io.atelier.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded issuer's RSA signing key, kept in the database so that tokens survive restarts and
 * every node sharing the database signs and verifies with the same key. The first node to start on
 * an empty database creates it; the others read it.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final JdbcClient jdbc;
  private volatile JWKSet keys;

  SigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(keySet());
  }

  /** The public half, as served at the JWKS endpoint. */
  JWKSet keySet() {
    JWKSet current = keys;
    if (current == null) {
      current = new JWKSet(loadOrCreate());
      keys = current;
    }
    return current;
  }

  private RSAKey loadOrCreate() {
    RSAKey stored = load();
    if (stored != null) {
      return stored;
    }
    RSAKey created = generate();
    try {
      jdbc.sql(
              "insert into signing_key (slot, key_id, private_key, created) "
                  + "values (1, :keyId, :privateKey, :created)")
          .param("keyId", created.getKeyID())
          .param(
              "privateKey", Base64.getEncoder().encodeToString(created.toPrivateKey().getEncoded()))
          .param("created", OffsetDateTime.now(ZoneOffset.UTC))
          .update();
      log.info("Created the token signing key {}", created.getKeyID());
      return created;
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return load();
    } catch (com.nimbusds.jose.JOSEException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private RSAKey load() {
    return jdbc.sql("select key_id, private_key from signing_key where slot = 1")
        .query((rs, row) -> decode(rs.getString("key_id"), rs.getString("private_key")))
        .optional()
        .orElse(null);
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
    } catch (NoSuchAlgorithmException | InvalidKeySpecException corrupt) {
      throw new IllegalStateException("The stored signing key cannot be read", corrupt);
    }
  }

  private static RSAKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey(pair.getPrivate())
          .keyID(UUID.randomUUID().toString())
          .build();
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
