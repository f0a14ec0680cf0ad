package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Files over real HTTP: create, read, change, move, delete, and what each refuses. */
class FileEndToEndTest extends ApiTest {

  private static final String UNKNOWN = "7b0c9d0e-1111-4222-8333-944445555666";

  @Test
  void createWhenValidThenAnswersMetadataInContractOrder() {
    String projectId = TestFiles.project(api);

    Response created = api.post("/api/v1/files", TestFiles.bpmn(projectId));

    JsonNode file = created.json();
    assertThat(created.status()).isEqualTo(200);
    assertThat(file.propertyNames())
        .containsExactly(
            "id",
            "name",
            "projectId",
            "folderId",
            "simplePath",
            "canonicalPath",
            "revision",
            "type",
            "created",
            "createdBy",
            "updated",
            "updatedBy");
    assertThat(file.get("projectId").asString()).isEqualTo(projectId);
    assertThat(file.get("folderId").isNull()).isTrue();
    assertThat(file.get("simplePath").asString()).isEqualTo("Process.bpmn");
    assertThat(file.get("canonicalPath").size()).isZero();
    assertThat(file.get("revision").asInt()).isEqualTo(1);
    assertThat(file.get("type").asString()).isEqualTo("BPMN");
  }

  @Test
  void getWhenCreatedThenContentAndMetadataAsStored() {
    String projectId = TestFiles.project(api);
    JsonNode created = TestFiles.create(api, TestFiles.bpmn(projectId)).json();

    Response file = api.get("/api/v1/files/" + created.get("id").asString());

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.json().get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(file.json().get("metadata")).isEqualTo(created);
  }

  @Test
  void createWhenFileTypeInAnyCaseThenTypeUpperCase() {
    String projectId = TestFiles.project(api);
    Map<String, Object> request = TestFiles.bpmn(projectId);
    request.put("fileType", "BpMn");

    Response created = api.post("/api/v1/files", request);

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("type").asString()).isEqualTo("BPMN");
  }

  @Test
  void createWhenInNestedFolderThenPathsFollowFolders() {
    String projectId = TestFiles.project(api);
    String outer = TestFiles.folder(api, projectId, null, "Outer/Side");
    String inner = TestFiles.folder(api, null, outer, "Inner");

    JsonNode file =
        TestFiles.create(
                api,
                Map.of(
                    "name", "a/b", "folderId", inner, "content", TestFiles.DMN, "fileType", "dmn"))
            .json();

    assertThat(file.get("projectId").asString()).isEqualTo(projectId);
    assertThat(file.get("simplePath").asString()).isEqualTo("Outer\\/Side/Inner/a\\/b.dmn");
    assertThat(file.get("canonicalPath").toString())
        .isEqualTo(
            "[{\"id\":\""
                + outer
                + "\",\"name\":\"Outer/Side\"},{\"id\":\""
                + inner
                + "\",\"name\":\"Inner\"}]");
  }

  @Test
  void pathsWhenFolderRenamedOrMovedThenFollowImmediately() {
    String projectId = TestFiles.project(api);
    String a = TestFiles.folder(api, projectId, null, "A");
    String b = TestFiles.folder(api, projectId, null, "B");
    String fileId =
        TestFiles.create(
                api,
                Map.of("name", "f", "folderId", a, "content", TestFiles.FORM, "fileType", "form"))
            .json()
            .get("id")
            .asString();

    api.patch("/api/v1/folders/" + a, Api.json("name", "A2", "parentId", b));
    JsonNode file = api.get("/api/v1/files/" + fileId).json().get("metadata");

    assertThat(file.get("simplePath").asString()).isEqualTo("B/A2/f.form");
    assertThat(file.get("canonicalPath").get(0).get("id").asString()).isEqualTo(b);
  }

  @Test
  void updateWhenContentAndRevisionGivenThenRevisionIncrements() {
    String projectId = TestFiles.project(api);
    String id = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    String changed = TestFiles.BPMN.replace("id=\"s\"", "id=\"start\"");

    Response updated =
        api.patch("/api/v1/files/" + id, Api.json("content", changed, "revision", 1));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("revision").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/files/" + id).json().get("content").asString()).isEqualTo(changed);
  }

  @Test
  void updateWhenRevisionStaleThenConflictWithCurrentRevision() {
    String projectId = TestFiles.project(api);
    String id = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    api.patch("/api/v1/files/" + id, Api.json("name", "Second", "revision", 1));

    Response stale =
        api.patch("/api/v1/files/" + id, Api.json("content", TestFiles.DMN, "revision", 1));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().toString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":"
                + "\"There was a revision conflict while processing your file. The current"
                + " revision is 2.\",\"instance\":\"/api/v1/files/"
                + id
                + "\",\"currentRevision\":2}");
    JsonNode file = api.get("/api/v1/files/" + id).json();
    assertThat(file.get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(file.get("metadata").get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void updateWhenRevisionMissingThenBadRequest() {
    String projectId = TestFiles.project(api);
    String id = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();

    Response response = api.patch("/api/v1/files/" + id, Api.json("name", "x"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [revision: 'must not be null'].");
    assertThat(api.get("/api/v1/files/" + id).json().get("metadata").get("name").asString())
        .isEqualTo("Process");
  }

  @Test
  void updateWhenRevisionIsStringThenBadRequestNamingField() {
    String projectId = TestFiles.project(api);
    String id = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();

    Response response = api.patch("/api/v1/files/" + id, "{\"revision\": \"1\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Field 'revision' must be an integer.");
  }

  @Test
  void updateWhenRevisionIsFractionOrContentIsObjectThenBadRequestNamingField() {
    String projectId = TestFiles.project(api);
    String id = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();

    Response fraction = api.patch("/api/v1/files/" + id, "{\"revision\": 1.5}");
    Response object = api.patch("/api/v1/files/" + id, "{\"revision\": 1, \"content\": {}}");

    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.json().get("detail").asString())
        .isEqualTo("Field 'revision' must be an integer.");
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.json().get("detail").asString())
        .isEqualTo("Field 'content' must be a string.");
  }

  @Test
  void updateWhenMovedIntoFolderOfOtherProjectThenProjectFollows() {
    String from = TestFiles.project(api);
    String to = TestFiles.project(api);
    String target = TestFiles.folder(api, to, null, "Target");
    String id = TestFiles.create(api, TestFiles.bpmn(from)).json().get("id").asString();

    Response moved = api.patch("/api/v1/files/" + id, Api.json("folderId", target, "revision", 1));

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("projectId").asString()).isEqualTo(to);
    assertThat(moved.json().get("folderId").asString()).isEqualTo(target);
    assertThat(moved.json().get("simplePath").asString()).isEqualTo("Target/Process.bpmn");
  }

  @Test
  void listWhenGetOnFilesOrFoldersThenMethodNotAllowedPointingToSearch() {
    Response files = api.get("/api/v1/files");
    Response folders = api.get("/api/v1/folders");

    assertThat(files.status()).isEqualTo(405);
    assertThat(files.json().get("detail").asString())
        .isEqualTo(
            "Method GET is not supported on /api/v1/files."
                + " To list these resources use POST /api/v1/files/search.");
    assertThat(folders.status()).isEqualTo(405);
  }

  @Test
  void updateWhenContentInvalidThenOldContentAndRevisionKept() {
    String projectId = TestFiles.project(api);
    String id = TestFiles.create(api, TestFiles.bpmn(projectId)).json().get("id").asString();

    Response response =
        api.patch("/api/v1/files/" + id, Api.json("content", "<broken", "revision", 1));

    assertThat(response.status()).isEqualTo(400);
    JsonNode file = api.get("/api/v1/files/" + id).json();
    assertThat(file.get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(file.get("metadata").get("revision").asInt()).isEqualTo(1);
  }

  @Test
  void updateWhenMovedToOtherProjectThenAtItsRoot() {
    String from = TestFiles.project(api);
    String to = TestFiles.project(api);
    String folder = TestFiles.folder(api, from, null, "F");
    Map<String, Object> request = TestFiles.bpmn(null);
    request.put("folderId", folder);
    String id = TestFiles.create(api, request).json().get("id").asString();

    Response moved = api.patch("/api/v1/files/" + id, Api.json("projectId", to, "revision", 1));

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("projectId").asString()).isEqualTo(to);
    assertThat(moved.json().get("folderId").isNull()).isTrue();
    assertThat(moved.json().get("simplePath").asString()).isEqualTo("Process.bpmn");
    assertThat(moved.json().get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void updateWhenFolderOfOtherProjectGivenWithProjectThenBadRequestAndNotMoved() {
    String a = TestFiles.project(api);
    String b = TestFiles.project(api);
    String folderOfA = TestFiles.folder(api, a, null, "F");
    String id = TestFiles.create(api, TestFiles.bpmn(b)).json().get("id").asString();

    Response response =
        api.patch(
            "/api/v1/files/" + id, Api.json("projectId", b, "folderId", folderOfA, "revision", 1));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [folderId: 'folder "
                + folderOfA
                + " is not in project "
                + b
                + "'].");
    JsonNode file = api.get("/api/v1/files/" + id).json().get("metadata");
    assertThat(file.get("folderId").isNull()).isTrue();
    assertThat(file.get("revision").asInt()).isEqualTo(1);
  }

  @Test
  void createWhenFolderOfOtherProjectThenBadRequestAndNothingCreated() {
    String a = TestFiles.project(api);
    String b = TestFiles.project(api);
    String folderOfA = TestFiles.folder(api, a, null, "F");
    Map<String, Object> request = TestFiles.bpmn(b);
    request.put("folderId", folderOfA);

    Response response = api.post("/api/v1/files", request);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [folderId: 'folder "
                + folderOfA
                + " is not in project "
                + b
                + "'].");
    assertThat(api.get("/api/v1/projects/" + a).json().get("content").get("files").size()).isZero();
    assertThat(api.get("/api/v1/projects/" + b).json().get("content").get("files").size()).isZero();
  }

  @Test
  void createWhenProjectUnknownThenNotFound() {
    Response response = api.post("/api/v1/files", TestFiles.bpmn(UNKNOWN));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"Project "
                + UNKNOWN
                + " not found.\",\"instance\":\"/api/v1/files\"}");
  }

  @Test
  void createWhenFolderUnknownThenNotFound() {
    Map<String, Object> request = TestFiles.bpmn(null);
    request.put("folderId", UNKNOWN);

    Response response = api.post("/api/v1/files", request);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Folder " + UNKNOWN + " not found.");
  }

  @Test
  void createWhenNoLocationThenBadRequest() {
    Response response = api.post("/api/v1/files", TestFiles.bpmn(null));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [projectId: 'either projectId or folderId is required'].");
  }

  @Test
  void createWhenProjectIdMalformedThenBadRequestNamingField() {
    Response response = api.post("/api/v1/files", TestFiles.bpmn("12345"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [projectId: 'must be a UUID'].");
  }

  @Test
  void createWhenRequiredFieldMissingThenBadRequestNamingIt() {
    String projectId = TestFiles.project(api);
    for (String field : new String[] {"name", "content", "fileType"}) {
      Map<String, Object> request = TestFiles.bpmn(projectId);
      request.remove(field);

      Response response = api.post("/api/v1/files", request);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("detail").asString())
          .isEqualTo(
              "Request validation failed with the following errors: ["
                  + field
                  + ": 'must not be null'].");
    }
  }

  @Test
  void createWhenFileTypeUnknownThenBadRequestListingAllowed() {
    Map<String, Object> request = TestFiles.bpmn(TestFiles.project(api));
    request.put("fileType", "cmmn");

    Response response = api.post("/api/v1/files", request);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [fileType: 'must be one of [bpmn, dmn, form, connector_template]'].");
  }

  @Test
  void createWhenNameEmptyOr256ThenBadRequest() {
    String projectId = TestFiles.project(api);
    for (String name : new String[] {"", "n".repeat(256)}) {
      Map<String, Object> request = TestFiles.bpmn(projectId);
      request.put("name", name);

      Response response = api.post("/api/v1/files", request);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("detail").asString())
          .isEqualTo(
              "Request validation failed with the following errors:"
                  + " [name: 'size must be between 1 and 255'].");
    }
    assertThat(api.get("/api/v1/projects/" + projectId).json().get("content").get("files").size())
        .isZero();
  }

  @Test
  void createWhenNameDecomposedThenStoredNfc() {
    Map<String, Object> request = TestFiles.bpmn(TestFiles.project(api));
    request.put("name", "Rechnung kla\u0308ren");

    Response response = api.post("/api/v1/files", request);

    assertThat(response.json().get("name").asString()).isEqualTo("Rechnung kl\u00e4ren");
  }

  @Test
  void createWhenBodyOver10MibThenPayloadTooLarge() {
    Map<String, Object> request = TestFiles.bpmn(TestFiles.project(api));
    request.put("content", "x".repeat(10 * 1024 * 1024 + 1));

    Response response = api.post("/api/v1/files", request);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("The request body exceeds the limit of 10485760 bytes.");
  }

  @Test
  void createWhenBodyIsNotUtf8ThenBadRequestAndNothingStored() throws Exception {
    String projectId = TestFiles.project(api);
    byte[] body =
        ("{\"name\":\"m\",\"projectId\":\""
                + projectId
                + "\",\"fileType\":\"form\",\"content\":\"{\\\"a\\\":\\\"\u00e9\\\"}\"}")
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/files"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token(TestTokens.ADMIN))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("The request body is not valid JSON").contains("UTF-8");
    assertThat(api.get("/api/v1/projects/" + projectId).json().get("content").get("files").size())
        .isZero();
  }

  @Test
  void permissionsWhenReaderThenSearchesButCannotCreate() {
    String projectId = TestFiles.project(api);
    Api reader = api.as(token(TestTokens.READER));

    Response search =
        reader.post("/api/v1/files/search", Api.json("filter", Api.json("projectId", projectId)));
    Response create = reader.post("/api/v1/files", TestFiles.bpmn(projectId));

    assertThat(search.status()).isEqualTo(200);
    assertThat(create.status()).isEqualTo(403);
    assertThat(search.json().get("total").asInt()).isZero();
  }

  @Test
  void getWhenUnknownThenNotFound() {
    Response response = api.get("/api/v1/files/" + UNKNOWN);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("File " + UNKNOWN + " not found.");
  }

  @Test
  void getWhenIdMalformedThenBadRequest() {
    Response response = api.get("/api/v1/files/123");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Path parameter 'fileId' must be a UUID, but was '123'.");
  }

  @Test
  void requestWhenPathIdBlankThenBadRequestNamingIt() {
    record Blank(String parameter, Response response) {}
    List<Blank> answers =
        List.of(
            new Blank("fileId", api.get("/api/v1/files/%20")),
            new Blank("folderId", api.get("/api/v1/folders/%20")),
            new Blank("projectId", api.get("/api/v1/projects/%09")),
            new Blank("projectId", api.delete("/api/v1/projects/%20/collaborators/a@example.com")));

    for (Blank answer : answers) {
      assertThat(answer.response().status()).as(answer.parameter()).isEqualTo(400);
      assertThat(answer.response().json().get("detail").asString())
          .isEqualTo("Path parameter '" + answer.parameter() + "' must be a UUID, but was blank.");
    }
  }

  @Test
  void deleteWhenExistsThenGoneAndSecondDeleteNotFound() {
    String id =
        TestFiles.create(api, TestFiles.bpmn(TestFiles.project(api))).json().get("id").asString();

    Response deleted = api.delete("/api/v1/files/" + id);
    Response again = api.delete("/api/v1/files/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(api.get("/api/v1/files/" + id).status()).isEqualTo(404);
    assertThat(again.status()).isEqualTo(404);
  }
}
