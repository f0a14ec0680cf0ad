package io.atelier.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Decodes API bearer tokens and says precisely why one is refused. The header is checked first
 * (unsigned and symmetric tokens never reach signature verification), then Spring Security's Nimbus
 * decoder verifies the signature against the issuer's keys, then {@link TokenChecks} run.
 *
 * <p>A client sends the same token on every request until it expires, so a token whose signature
 * verified is remembered (at most {@value #REMEMBERED} of them) and later requests skip the RSA
 * verification; the claim checks, expiry among them, still run on every request. Known limit: a key
 * the issuer withdraws keeps validating tokens already seen until they expire.
 */
final class ApiTokenDecoder implements JwtDecoder {

  static final int REMEMBERED = 10_000;

  private final List<String> algorithms;
  private final Supplier<JwtDecoder> verifier;
  private final OAuth2TokenValidator<Jwt> checks;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /**
   * @param verifier supplies a decoder that only verifies signatures; it may fail while the issuer
   *     cannot be reached, and is asked again on the next token
   * @param checks the claim checks every token must pass on every request
   */
  ApiTokenDecoder(
      List<String> algorithms, Supplier<JwtDecoder> verifier, OAuth2TokenValidator<Jwt> checks) {
    this.algorithms = algorithms;
    this.verifier = verifier;
    this.checks = checks;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt jwt = verified.get(token);
    if (jwt == null) {
      jwt = verifySignature(token);
      remember(token, jwt);
    }
    OAuth2TokenValidatorResult result = checks.validate(jwt);
    if (result.hasErrors()) {
      throw new BadJwtException(
          result.getErrors().stream()
              .map(OAuth2Error::getDescription)
              .collect(Collectors.joining(" ")));
    }
    return jwt;
  }

  private void remember(String token, Jwt jwt) {
    if (verified.size() >= REMEMBERED) {
      verified.clear();
    }
    verified.put(token, jwt);
  }

  private Jwt verifySignature(String token) {
    JWT parsed = parse(token);
    checkHeader(parsed);
    JwtDecoder signatureCheck = verifier.get();
    try {
      return signatureCheck.decode(token);
    } catch (BadJwtException bad) {
      throw new BadJwtException(describeRejection(bad.getMessage(), (SignedJWT) parsed));
    } catch (JwtException unverifiable) {
      throw new BadJwtException(
          "The issuer's signing keys cannot be fetched, so the token cannot be verified.");
    }
  }

  private static JWT parse(String token) {
    try {
      return JWTParser.parse(token);
    } catch (ParseException malformed) {
      throw new BadJwtException("The bearer token is not a well-formed JWT.");
    }
  }

  private void checkHeader(JWT jwt) {
    Algorithm algorithm = jwt.getHeader().getAlgorithm();
    if (jwt instanceof PlainJWT || Algorithm.NONE.equals(algorithm)) {
      throw new BadJwtException("The token is unsigned (alg 'none'); a signed token is required.");
    }
    if (!(jwt instanceof SignedJWT)) {
      throw new BadJwtException("The token is encrypted; a signed JWT is required.");
    }
    if (!algorithms.contains(algorithm.getName())) {
      throw new BadJwtException(
          "The token is signed with "
              + algorithm.getName()
              + ", which is not accepted; accepted algorithms are "
              + algorithms
              + ".");
    }
  }

  private static String describeRejection(String message, SignedJWT jwt) {
    String text = message == null ? "" : message;
    JWSHeader header = jwt.getHeader();
    if (text.contains("no matching key") || text.contains("No matching key")) {
      return header.getKeyID() == null
          ? "The token names no key id (kid) that matches the issuer's signing keys."
          : "The token's key id '"
              + header.getKeyID()
              + "' is not one of the issuer's signing keys.";
    }
    if (text.contains("Invalid signature") || text.contains("signature")) {
      return "The token's signature does not verify against the issuer's signing keys.";
    }
    if (text.contains("Couldn't retrieve") || text.contains("JWK")) {
      return "The issuer's signing keys cannot be fetched, so the token cannot be verified.";
    }
    return "The token cannot be verified.";
  }
}
