package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedded issuer's token endpoint answers bad requests with OAuth 2.0 errors. */
class TokenEndpointTest extends ApiTest {

  @Test
  void tokenWhenWrongSecretThenInvalidClient() {
    HttpResponse<String> response =
        request("client_id=test-admin&client_secret=wrong&grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void tokenWhenUnknownClientThenInvalidClient() {
    HttpResponse<String> response =
        request("client_id=nobody&client_secret=x&grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void tokenWhenNoClientCredentialsThenInvalidClientSayingHowToSendThem() {
    for (String form : java.util.List.of("grant_type=client_credentials", "")) {
      assertOAuthError(request(form), 401, "invalid_client", "client_id and client_secret");
    }
  }

  @Test
  void tokenWhenJsonBodyThenInvalidClientSayingHowToSendCredentials() {
    HttpResponse<String> response =
        send(
            realm("/protocol/openid-connect/token")
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"client_id\":\"test-admin\",\"client_secret\":\"test-secret\","
                            + "\"grant_type\":\"client_credentials\"}"))
                .build());

    assertOAuthError(response, 401, "invalid_client", "application/x-www-form-urlencoded");
  }

  @Test
  void tokenWhenUnsupportedGrantThenUnsupportedGrantType() {
    HttpResponse<String> response =
        request("client_id=test-admin&client_secret=test-secret&grant_type=password");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void tokenWhenGrantTypeMissingThenInvalidRequest() {
    HttpResponse<String> response = request("client_id=test-admin&client_secret=test-secret");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_request");
  }

  @Test
  void tokenWhenOpenIdOrPermissionScopesRequestedThenIssuedWithThePermissions() {
    HttpResponse<String> response =
        request(
            "client_id=test-reader&client_secret=test-secret&grant_type=client_credentials"
                + "&scope=openid%20read:*");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("scope").asString()).isEqualTo("read:*");
  }

  @Test
  void tokenWhenUnknownScopeRequestedThenInvalidScope() {
    HttpResponse<String> response =
        request(
            "client_id=test-reader&client_secret=test-secret&grant_type=client_credentials"
                + "&scope=delete:*");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void tokenWhenClientSecretBasicThenIssued() {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                "test-admin:test-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(TestTokens.tokenUrl(identity.localPort())))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();

    HttpResponse<String> response = send(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("access_token").asString()).isNotBlank();
  }

  @Test
  void tokenClaimsCarryIssuerAudienceClientAndPermissions() {
    String token = token(TestTokens.READER);
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    JsonNode claims = JsonMapper.builder().build().readTree(payload);

    assertThat(claims.get("iss").asString())
        .isEqualTo("http://localhost:18080/auth/realms/camunda-platform");
    assertThat(claims.get("aud").toString()).contains("web-modeler-public-api");
    assertThat(claims.get("azp").asString()).isEqualTo(TestTokens.READER);
    assertThat(claims.get("sub").asString()).isEqualTo(TestTokens.READER);
    assertThat(claims.get("jti").asString()).isNotBlank();
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    assertThat(claims.get("permissions").get("web-modeler-public-api").toString())
        .isEqualTo("[\"read:*\"]");
  }

  @Test
  void authorizeWhenBrowserStyleRequestThenUnsupportedResponseType() {
    for (String query :
        java.util.List.of(
            "response_type=code&client_id=test-admin",
            "response_type=code&client_id=test-admin&redirect_uri=http://localhost/x&scope=openid",
            "")) {
      HttpResponse<String> response = send(realm("/protocol/openid-connect/auth?" + query).build());

      assertOAuthError(response, 400, "unsupported_response_type", "grant_type=client_credentials");
    }
  }

  @Test
  void identityPortServesOnlyTheRealmAndApiPortServesNoRealm() {
    var onIdentity =
        send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:" + identity.localPort() + "/api/v1/info"))
                .build());
    var onApi =
        send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        baseUrl()
                            + "/auth/realms/camunda-platform/.well-known/openid-configuration"))
                .build());

    assertThat(onIdentity.statusCode()).isEqualTo(404);
    assertThat(onApi.statusCode()).isEqualTo(404);
  }

  @Test
  void discoveryNamesTheConfiguredIssuerAndTheRealmEndpoints() {
    var discovery =
        send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:"
                            + identity.localPort()
                            + "/auth/realms/camunda-platform/.well-known/openid-configuration"))
                .build());
    JsonNode body = json(discovery);

    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(body.get("issuer").asString())
        .isEqualTo("http://localhost:18080/auth/realms/camunda-platform");
    assertThat(body.get("token_endpoint").asString())
        .endsWith("/auth/realms/camunda-platform/protocol/openid-connect/token");
    assertThat(body.get("jwks_uri").asString())
        .endsWith("/auth/realms/camunda-platform/protocol/openid-connect/certs");
  }

  /** A request to the embedded realm on the identity port. */
  private java.net.http.HttpRequest.Builder realm(String path) {
    return java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(
            "http://localhost:" + identity.localPort() + "/auth/realms/camunda-platform" + path));
  }

  private static void assertOAuthError(
      HttpResponse<String> response, int status, String error, String described) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).get("error").asString()).isEqualTo(error);
    assertThat(json(response).get("error_description").asString()).contains(described);
  }

  private HttpResponse<String> request(String form) {
    return TestTokens.request(identity.localPort(), form);
  }

  private static HttpResponse<String> send(java.net.http.HttpRequest request) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.builder().build().readTree(response.body());
  }
}
