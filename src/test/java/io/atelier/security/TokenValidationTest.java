package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.ForgedTokens;
import io.atelier.support.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every way a bearer token can be wrong gets 401, a WWW-Authenticate and a body saying why. */
class TokenValidationTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  private ForgedTokens forge;

  @BeforeEach
  void forger() {
    forge = ForgedTokens.withIssuerKeyFrom(jdbc);
  }

  @Test
  void requestWhenForgedWithValidClaimsThenAccepted() {
    Response info = call(forge.signed(claims -> claims));

    assertThat(info.status()).isEqualTo(200);
  }

  @Test
  void requestWhenNoAuthorizationHeaderThenUnauthorizedSayingSo() {
    Response response = api.as(null).get("/api/v1/info");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.json().get("detail").asString())
        .isEqualTo("The request has no bearer token; send 'Authorization: Bearer <JWT>'.");
    assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/info");
  }

  @Test
  void requestWhenAuthorizationIsNotBearerThenUnauthorized() {
    Response response =
        api.as(null)
            .send("GET", "/api/v1/info", null, Map.of("Authorization", "Basic dXNlcjpwYXNz"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"");
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "The Authorization header must carry a bearer token: 'Authorization: Bearer <JWT>'.");
  }

  @Test
  void requestWhenBearerGarbageThenUnauthorized() {
    assertRefused(call("garbage"), "The bearer token is not a well-formed JWT.");
  }

  @Test
  void requestWhenTokenMalformedCharactersThenUnauthorized() {
    assertRefused(call("not a token!"), "The bearer token is not a well-formed JWT.");
  }

  @Test
  void requestWhenExpiredThenUnauthorizedNamingExpiry() {
    Instant expired = Instant.parse("2026-01-01T00:00:00Z");

    Response response = call(forge.signed(c -> expiring(c, expired)));

    assertRefused(response, "The token expired at 2026-01-01T00:00:00Z (allowed clock skew 60s).");
  }

  @Test
  void requestWhenExpiredWithinLeewayThenAccepted() {
    Instant justExpired = Instant.now().minusSeconds(30);

    Response response = call(forge.signed(c -> expiring(c, justExpired)));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void requestWhenNotBeforeBeyondLeewayThenUnauthorized() {
    Instant future =
        Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    Response response = call(forge.signed(c -> c.notBeforeTime(Date.from(future))));

    assertRefused(
        response, "The token is not valid before " + future + " (allowed clock skew 60s).");
  }

  @Test
  void requestWhenNoExpiryThenUnauthorized() {
    Response response = call(forge.signed(c -> c.expirationTime(null)));

    assertRefused(
        response, "The token has no expiry time (exp claim); tokens without one are refused.");
  }

  @Test
  void requestWhenWrongIssuerThenUnauthorizedNamingBoth() {
    Response response = call(forge.signed(c -> c.issuer("http://evil.example/realms/x")));

    assertRefused(
        response,
        "The token's issuer 'http://evil.example/realms/x' is not the expected issuer '"
            + ForgedTokens.ISSUER
            + "'.");
  }

  @Test
  void requestWhenIssuerDiffersOnlyInCaseDefaultPortOrSlashThenAccepted() {
    String equivalent = "HTTP://LOCALHOST:18080/auth/realms/camunda-platform/";

    Response response = call(forge.signed(c -> c.issuer(equivalent)));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void requestWhenAudienceIsAnotherServiceThenUnauthorizedNamingBoth() {
    Response response = call(forge.signed(c -> c.audience(List.of("web-modeler-api", "zeebe"))));

    assertRefused(
        response,
        "The token's audience [web-modeler-api, zeebe] does not contain the expected audience "
            + "[web-modeler-public-api].");
  }

  @Test
  void requestWhenSignedByAnotherKeyThenUnauthorized() {
    assertRefused(
        call(forge.signedByOtherKeyWithIssuerKid()),
        "The token's signature does not verify against the issuer's signing keys.");
  }

  @Test
  void requestWhenKeyIdUnknownThenUnauthorized() {
    Response response = call(forge.signedWithUnknownKid());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("detail").asString())
        .matches("The token's key id '[-0-9a-f]+' is not one of the issuer's signing keys\\.");
  }

  @Test
  void requestWhenUnsignedThenUnauthorized() {
    assertRefused(
        call(ForgedTokens.unsigned()),
        "The token is unsigned (alg 'none'); a signed token is required.");
  }

  @Test
  void requestWhenHmacSignedWithPublicKeyThenUnauthorized() {
    assertRefused(
        call(forge.hmacWithPublicKey()),
        "The token is signed with HS256, which is not accepted; accepted algorithms are [RS256].");
  }

  @Test
  void requestWhenTokenOnlyInQueryStringThenIgnoredAndUnauthorized() {
    String token = token(TestTokens.ADMIN);

    Response response = api.as(null).get("/api/v1/info?access_token=" + token);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(token);
  }

  @Test
  void requestWhenPermissionMissingThenForbiddenNamingIt() {
    Api creator = api.as(token(TestTokens.CREATOR));

    Response response = creator.post("/api/v1/projects/search", "{}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "This operation needs the permission 'read:*' on the Web Modeler API (audience "
                + "[web-modeler-public-api]); the token grants [create:*].");
    assertThat(response.json().get("missingPermission").asString()).isEqualTo("read:*");
  }

  @Test
  void betaRequestWhenUnauthorizedThenBetaEnvelope() {
    Response response = api.as("garbage").get("/api/beta/info");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            "{\"errors\":[{\"reason\":\"UNAUTHORIZED\","
                + "\"detail\":\"The bearer token is not a well-formed JWT.\"}]}");
  }

  @Test
  void permissionsWhenOnlyKeycloakResourceAccessRolesThenUsed() {
    String token =
        forge.signed(
            c ->
                c.claim("permissions", null)
                    .claim(
                        "resource_access",
                        Map.of(ForgedTokens.AUDIENCE, Map.of("roles", List.of("read:*")))));

    Response info = call(token);

    assertThat(info.json().get("readPermission").asBoolean()).isTrue();
    assertThat(info.json().get("createPermission").asBoolean()).isFalse();
  }

  @Test
  void permissionsWhenOnlyScopeClaimThenUsed() {
    String token =
        forge.signed(c -> c.claim("permissions", null).claim("scope", "read:* delete:*"));

    Response info = call(token);

    assertThat(info.json().get("deletePermission").asBoolean()).isTrue();
    assertThat(info.json().get("updatePermission").asBoolean()).isFalse();
  }

  private static com.nimbusds.jwt.JWTClaimsSet.Builder expiring(
      com.nimbusds.jwt.JWTClaimsSet.Builder claims, Instant expiry) {
    return claims.issueTime(Date.from(expiry.minusSeconds(300))).expirationTime(Date.from(expiry));
  }

  private Response call(String token) {
    return api.as(token).get("/api/v1/info");
  }

  private static void assertRefused(Response response, String reason) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .isEqualTo(
            "Bearer error=\"invalid_token\", error_description=\""
                + reason.replace("\"", "'")
                + "\"");
    assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
    assertThat(response.json().get("detail").asString()).isEqualTo(reason);
  }
}
