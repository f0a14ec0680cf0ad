package io.atelier.beta;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers the beta tests share: create through /api/beta and read a token's subject. */
final class BetaTestSupport {

  private BetaTestSupport() {}

  /** Creates a project through beta and returns its id. */
  static String project(Api api) {
    Response response =
        api.post("/api/beta/projects", Api.json("name", "Beta project " + UUID.randomUUID()));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  /** Creates a folder through beta and returns its id. */
  static String folder(Api api, String projectId, String parentId, String name) {
    Response response =
        api.post(
            "/api/beta/folders",
            Api.json("name", name, "projectId", projectId, "parentId", parentId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  /** Creates a file through beta from a request and returns the answer. */
  static Response file(Api api, Object request) {
    Response response = api.post("/api/beta/files", request);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }

  /** The {@code sub} claim of a JWT, read without checking it (the server already did). */
  static String subject(String token) {
    String payload = token.split("\\.")[1];
    String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    return JsonMapper.builder().build().readTree(json).get("sub").asString();
  }
}
