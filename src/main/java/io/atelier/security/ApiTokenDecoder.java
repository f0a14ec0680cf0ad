package io.atelier.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes API bearer tokens and says precisely why one is refused. The header is checked first
 * (unsigned and symmetric tokens never reach signature verification), then Spring Security's Nimbus
 * decoder verifies the signature against the issuer's keys and runs {@link TokenChecks}.
 */
final class ApiTokenDecoder implements JwtDecoder {

  private final List<String> algorithms;
  private final Supplier<JwtDecoder> verifier;

  /**
   * @param verifier supplies the signature-verifying decoder; it may fail while the issuer cannot
   *     be reached, and is asked again on the next token
   */
  ApiTokenDecoder(List<String> algorithms, Supplier<JwtDecoder> verifier) {
    this.algorithms = algorithms;
    this.verifier = verifier;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    JWT parsed = parse(token);
    checkHeader(parsed);
    JwtDecoder signatureCheck = verifier.get();
    try {
      return signatureCheck.decode(token);
    } catch (JwtValidationException invalid) {
      throw new BadJwtException(
          invalid.getErrors().stream()
              .map(OAuth2Error::getDescription)
              .collect(Collectors.joining(" ")));
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
