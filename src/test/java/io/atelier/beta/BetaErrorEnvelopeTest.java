package io.atelier.beta;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal on {@code /api/beta} comes in beta's {@code {"errors":[{"reason","detail"}]}}
 * envelope, never as a v1 problem body; and v1 paths never get the envelope.
 */
class BetaErrorEnvelopeTest extends ApiTest {

  private static final String UNKNOWN = "7b0c9d0e-1111-4222-8333-944445555666";

  @Test
  void createWhenBodyIsMalformedJsonThenInvalidInputEnvelope() {
    Response response = api.post("/api/beta/projects", "{\"name\": ");

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .startsWith("The request body is not valid JSON");
  }

  @Test
  void createWhenNameMissingThenInvalidInputEnvelopeNamingField() {
    Response response = api.post("/api/beta/projects", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"errors\":[{\"reason\":\"INVALID_INPUT\",\"detail\":\"Request validation failed"
                + " with the following errors: [name: 'must not be null'].\"}]}");
  }

  @Test
  void createWhenFieldHasWrongJsonTypeThenInvalidInputEnvelope() {
    Response response = api.post("/api/beta/projects", "{\"name\": 42}");

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo("Field 'name' must be a string.");
  }

  @Test
  void getWhenPathIdIsNotUuidThenInvalidInputEnvelope() {
    for (String path :
        List.of(
            "/api/beta/projects/not-a-uuid",
            "/api/beta/projects/not-a-uuid/files",
            "/api/beta/folders/not-a-uuid",
            "/api/beta/files/not-a-uuid",
            "/api/beta/files/not-a-uuid/milestones",
            "/api/beta/milestones/not-a-uuid")) {
      Response response = api.get(path);

      assertThat(envelope(response, 400, "INVALID_INPUT"))
          .as(path)
          .matches("Path parameter '\\w+Id' must be a UUID, but was 'not-a-uuid'\\.");
    }
  }

  @Test
  void getWhenPathIdIsBlankThenInvalidInputEnvelope() {
    Response response = api.get("/api/beta/files/%20");

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo("Path parameter 'fileId' must be a UUID, but was blank.");
  }

  @Test
  void createFileWhenParentIdIsNotUuidThenEnvelopeNamesParentId() {
    Response response =
        api.post(
            "/api/beta/files",
            Api.json(
                "name", "f", "parentId", "nope", "content", TestFiles.FORM, "fileType", "form"));

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo(
            "Request validation failed with the following errors: [parentId: 'must be a UUID'].");
  }

  @Test
  void createFileWhenNeitherProjectNorParentGivenThenEnvelopeNamesBetaFields() {
    Response response =
        api.post(
            "/api/beta/files",
            Api.json("name", "f", "content", TestFiles.FORM, "fileType", "form"));

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [projectId: 'either projectId or parentId is required'].");
  }

  @Test
  void createFileWhenParentLiesInAnotherProjectThenEnvelopeNamesParentIdAndNothingIsMade() {
    String projectId = BetaTestSupport.project(api);
    String otherProjectId = BetaTestSupport.project(api);
    String folderId = BetaTestSupport.folder(api, otherProjectId, null, "Elsewhere");

    Response response =
        api.post(
            "/api/beta/files",
            Api.json(
                "name",
                "f",
                "projectId",
                projectId,
                "parentId",
                folderId,
                "content",
                TestFiles.FORM,
                "fileType",
                "form"));

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo(
            "Request validation failed with the following errors: [parentId: 'folder "
                + folderId
                + " is not in project "
                + projectId
                + "'].");
    assertThat(api.get("/api/beta/projects/" + projectId + "/files").json().size()).isZero();
    assertThat(api.get("/api/beta/projects/" + otherProjectId + "/files").json().size()).isZero();
  }

  @Test
  void createFileWhenContentIsNotWellFormedThenInvalidInputEnvelope() {
    String projectId = BetaTestSupport.project(api);

    Response response =
        api.post(
            "/api/beta/files",
            Api.json(
                "name",
                "f",
                "projectId",
                projectId,
                "content",
                "<definitions",
                "fileType",
                "bpmn"));

    assertThat(envelope(response, 400, "INVALID_INPUT")).contains("content");
  }

  @Test
  void createMilestoneWhenFileIdMissingThenInvalidInputEnvelope() {
    Response response = api.post("/api/beta/milestones", Api.json("name", "m"));

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo(
            "Request validation failed with the following errors: [fileId: 'must not be null'].");
  }

  @Test
  void getWhenResourceUnknownThenNotFoundEnvelope() {
    for (String kind : List.of("projects", "folders", "files", "milestones")) {
      Response response = api.get("/api/beta/" + kind + "/" + UNKNOWN);

      assertThat(envelope(response, 404, "NOT_FOUND")).as(kind).endsWith(UNKNOWN + " not found.");
    }
    assertThat(envelope(api.get("/api/beta/projects/" + UNKNOWN + "/files"), 404, "NOT_FOUND"))
        .isEqualTo("Project " + UNKNOWN + " not found.");
    assertThat(envelope(api.get("/api/beta/files/" + UNKNOWN + "/milestones"), 404, "NOT_FOUND"))
        .isEqualTo("File " + UNKNOWN + " not found.");
    assertThat(
            envelope(
                api.post("/api/beta/milestones", Api.json("name", "m", "fileId", UNKNOWN)),
                404,
                "NOT_FOUND"))
        .isEqualTo("File " + UNKNOWN + " not found.");
    assertThat(envelope(api.delete("/api/beta/projects/" + UNKNOWN), 404, "NOT_FOUND"))
        .isEqualTo("Project " + UNKNOWN + " not found.");
  }

  @Test
  void requestWhenNoEndpointMatchesThenNotFoundEnvelope() {
    Response response = api.get("/api/beta/nothing-here");

    assertThat(response.body())
        .isEqualTo(
            "{\"errors\":[{\"reason\":\"NOT_FOUND\","
                + "\"detail\":\"No endpoint GET /api/beta/nothing-here.\"}]}");
    assertThat(envelope(api.get("/api/beta"), 404, "NOT_FOUND"))
        .isEqualTo("No endpoint GET /api/beta.");
  }

  @Test
  void requestWhenMethodNotSupportedThenMethodNotAllowedEnvelope() {
    Response put = api.put("/api/beta/projects", Api.json("name", "x"));
    Response trace = api.send("TRACE", "/api/beta/projects", null);

    assertThat(envelope(put, 405, "METHOD_NOT_ALLOWED"))
        .startsWith("Method PUT is not supported on /api/beta/projects.");
    assertThat(envelope(trace, 405, "METHOD_NOT_ALLOWED"))
        .isEqualTo("This HTTP method is not supported on /api/beta/projects.");
  }

  @Test
  void requestWhenUrlIsRefusedBeforeSpringThenInvalidInputEnvelope() {
    for (String path :
        List.of(
            "/api/beta//projects",
            "/api/beta/projects;x=1",
            "/api/beta/projects/%2e%2e/x",
            "/api/beta/projects/%25",
            "/api/beta/projects/a%5cb")) {
      Response response = api.get(path);

      assertThat(envelope(response, 400, "INVALID_INPUT"))
          .as(path)
          .startsWith("The request was refused before it reached the API");
    }
  }

  @Test
  void patchFileWhenRevisionIsStaleThenRevisionConflictEnvelopeAndFileUnchanged() {
    String projectId = BetaTestSupport.project(api);
    String fileId =
        BetaTestSupport.file(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    api.patch("/api/beta/files/" + fileId, Api.json("revision", 1, "name", "Second"));

    Response response =
        api.patch("/api/beta/files/" + fileId, Api.json("revision", 1, "name", "Lost update"));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body())
        .isEqualTo(
            "{\"errors\":[{\"reason\":\"REVISION_CONFLICT\",\"detail\":\"There was a revision"
                + " conflict while processing your file. The current revision is 2.\","
                + "\"currentRevision\":2}]}");
    JsonNode file = api.get("/api/beta/files/" + fileId).json().get("metadata");
    assertThat(file.get("name").asString()).isEqualTo("Second");
    assertThat(file.get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void patchFileWhenRevisionMissingThenInvalidInputEnvelope() {
    String projectId = BetaTestSupport.project(api);
    String fileId =
        BetaTestSupport.file(api, TestFiles.bpmn(projectId)).json().get("id").asString();

    Response response = api.patch("/api/beta/files/" + fileId, Api.json("name", "x"));

    assertThat(envelope(response, 400, "INVALID_INPUT"))
        .isEqualTo(
            "Request validation failed with the following errors: [revision: 'must not be null'].");
  }

  @Test
  void patchFileWhenParentIdUnknownThenNotFoundEnvelopeAndFileUnchanged() {
    String projectId = BetaTestSupport.project(api);
    String fileId =
        BetaTestSupport.file(api, TestFiles.bpmn(projectId)).json().get("id").asString();

    Response response =
        api.patch("/api/beta/files/" + fileId, Api.json("revision", 1, "parentId", UNKNOWN));

    assertThat(envelope(response, 404, "NOT_FOUND")).isEqualTo("Folder " + UNKNOWN + " not found.");
    assertThat(api.get("/api/beta/files/" + fileId).json().get("metadata").get("revision").asInt())
        .isEqualTo(1);
  }

  @Test
  void requestWhenNoTokenThenUnauthorizedEnvelopeWithChallenge() {
    Response response = api.as(null).get("/api/beta/projects");

    assertThat(response.body())
        .isEqualTo(
            "{\"errors\":[{\"reason\":\"UNAUTHORIZED\",\"detail\":\"The request has no bearer"
                + " token; send 'Authorization: Bearer <JWT>'.\"}]}");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void requestWhenTokenMalformedThenUnauthorizedEnvelope() {
    Response response = api.as("not-a-jwt").post("/api/beta/projects", Api.json("name", "x"));

    assertThat(envelope(response, 401, "UNAUTHORIZED"))
        .isEqualTo("The bearer token is not a well-formed JWT.");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
  }

  @Test
  void requestWhenPermissionMissingThenForbiddenEnvelopeNamingIt() {
    Api reader = api.as(token(TestTokens.READER));

    Response create = reader.post("/api/beta/projects", Api.json("name", "x"));
    Response delete = reader.delete("/api/beta/projects/" + UNKNOWN);

    assertThat(envelope(create, 403, "FORBIDDEN")).contains("'create:*'");
    assertThat(create.json().get("errors").get(0).get("missingPermission").asString())
        .isEqualTo("create:*");
    assertThat(envelope(delete, 403, "FORBIDDEN")).contains("'delete:*'");
  }

  @Test
  void createWhenContentTypeIsNotJsonThenUnsupportedMediaTypeEnvelope() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/beta/projects"))
                .header("Authorization", "Bearer " + token(TestTokens.ADMIN))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body())
        .startsWith("{\"errors\":[{\"reason\":\"UNSUPPORTED_MEDIA_TYPE\",\"detail\":");
  }

  @Test
  void v1WhenSameRefusalsThenProblemBodiesNeverTheEnvelope() {
    String projectId = TestFiles.project(api);
    String fileId = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    api.patch("/api/v1/files/" + fileId, Api.json("revision", 1, "name", "Second"));

    List<Response> refusals =
        List.of(
            api.post("/api/v1/projects", "{\"name\": "),
            api.get("/api/v1/projects/not-a-uuid"),
            api.get("/api/v1/projects/" + UNKNOWN),
            api.get("/api/v1/nothing-here"),
            api.put("/api/v1/projects", Api.json("name", "x")),
            api.send("TRACE", "/api/v1/projects", null),
            api.get("/api/v1//projects"),
            api.get("/api/v1/projects/a%5cb"),
            api.patch("/api/v1/files/" + fileId, Api.json("revision", 1, "name", "Lost")),
            api.as(null).get("/api/v1/projects/" + UNKNOWN),
            api.as(token(TestTokens.READER)).post("/api/v1/projects", Api.json("name", "x")));

    List<Integer> statuses = refusals.stream().map(Response::status).toList();
    assertThat(statuses).containsExactly(400, 400, 404, 404, 405, 405, 400, 400, 409, 401, 403);
    for (Response response : refusals) {
      JsonNode body = response.json();
      assertThat(response.header("Content-Type"))
          .as(response.toString())
          .startsWith("application/problem+json");
      assertThat(body.propertyNames())
          .as(response.toString())
          .containsSubsequence("type", "title", "status", "detail", "instance")
          .doesNotContain("errors");
      assertThat(body.get("status").asInt()).isEqualTo(response.status());
      assertThat(body.get("instance").asString()).startsWith("/api/v1");
    }
  }

  @Test
  void v1WhenStaleRevisionThenWholeProblemBody() {
    String projectId = TestFiles.project(api);
    String fileId = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    api.patch("/api/v1/files/" + fileId, Api.json("revision", 1, "name", "Second"));

    Response response =
        api.patch("/api/v1/files/" + fileId, Api.json("revision", 1, "name", "Lost"));

    assertThat(response.body())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"There"
                + " was a revision conflict while processing your file. The current revision is"
                + " 2.\",\"instance\":\"/api/v1/files/"
                + fileId
                + "\",\"currentRevision\":2}");
  }

  /** Checks the response is the beta envelope with one error of that reason; returns its detail. */
  private static String envelope(Response response, int status, String reason) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .as(response.toString())
        .startsWith("application/json");
    JsonNode body = response.json();
    assertThat(body.propertyNames()).as(response.toString()).containsExactly("errors");
    assertThat(body.get("errors").size()).isEqualTo(1);
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("reason").asString()).isEqualTo(reason);
    assertThat(error.has("type") || error.has("title") || error.has("instance")).isFalse();
    return error.get("detail").asString();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
