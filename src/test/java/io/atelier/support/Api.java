package io.atelier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for one Atelier server, sending the headers Web Modeler's clients send ({@code
 * Content-Type: application/json} on every request, with or without a body).
 */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String token;

  public Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The same server, with another token (or none, for null). */
  public Api as(String otherToken) {
    return new Api(baseUrl, otherToken);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  /** Sends a request; a String body is sent as is, anything else as JSON. */
  public Response send(String method, String path, Object body) {
    return send(method, path, body, Map.of());
  }

  public Response send(String method, String path, Object body, Map<String, String> headers) {
    String text =
        body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                text == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Builds a JSON object from alternating keys and values, keeping their order. */
  public static Map<String, Object> json(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** An answer: status, raw body, headers, and the body parsed as JSON on demand. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
