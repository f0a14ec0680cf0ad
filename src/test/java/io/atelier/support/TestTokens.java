package io.atelier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches real tokens from a running embedded identity, exactly as the documented {@code curl}
 * does: a form-encoded client-credentials request.
 */
public final class TestTokens {

  /** Clients every test context declares; see {@link ApiTest}. */
  public static final String ADMIN = "test-admin";

  public static final String READER = "test-reader";
  public static final String CREATOR = "test-creator";
  public static final String SECRET = "test-secret";

  private TestTokens() {}

  public static String tokenUrl(int identityPort) {
    return "http://localhost:"
        + identityPort
        + "/auth/realms/camunda-platform/protocol/openid-connect/token";
  }

  /** Sends the token request and returns the raw response. */
  public static HttpResponse<String> request(int identityPort, String form) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tokenUrl(identityPort)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A fresh access token for a declared client. */
  public static String fetch(int identityPort, String clientId, String secret) {
    HttpResponse<String> response =
        request(
            identityPort,
            "client_id="
                + encode(clientId)
                + "&client_secret="
                + encode(secret)
                + "&grant_type=client_credentials");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Token request failed: " + response.body());
    }
    return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
