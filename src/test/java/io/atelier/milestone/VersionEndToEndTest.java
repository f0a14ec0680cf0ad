package io.atelier.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.Problems;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The 8.9+ version endpoints over real HTTP: the milestone store under the version names. */
class VersionEndToEndTest extends ApiTest {

  private static final String UNKNOWN = "7b0c9d0e-1111-4222-8333-944445555666";

  @Test
  void createWhenNameOmittedThenNamedByCountInContractOrder() {
    String fileId = file();

    Response first = api.post("/api/v1/versions", Api.json("fileId", fileId));
    Response second =
        api.post("/api/v1/versions", Api.json("fileId", fileId, "description", "Second one"));

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().propertyNames())
        .containsExactly(
            "id",
            "name",
            "description",
            "fileId",
            "created",
            "createdBy",
            "updated",
            "updatedBy",
            "organizationPublic");
    assertThat(first.json().get("name").asString()).isEqualTo("Version 1");
    assertThat(first.json().get("description").isNull()).isTrue();
    assertThat(first.json().get("organizationPublic").asBoolean()).isFalse();
    assertThat(second.json().get("name").asString()).isEqualTo("Version 2");
    assertThat(second.json().get("description").asString()).isEqualTo("Second one");
  }

  @Test
  void getWhenCreatedAsVersionThenAlsoAMilestone() {
    String fileId = file();
    String id = version(fileId, "v1");

    Response version = api.get("/api/v1/versions/" + id);
    Response milestone = api.get("/api/v1/milestones/" + id);

    assertThat(version.status()).isEqualTo(200);
    assertThat(version.json().get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(milestone.status()).isEqualTo(200);
    assertThat(milestone.json().get("metadata").get("name").asString()).isEqualTo("v1");
    assertThat(milestone.json().get("content").asString()).isEqualTo(TestFiles.BPMN);
  }

  @Test
  void patchWhenDescriptionAndVisibilityGivenThenChangedAndNameKept() {
    String id = version(file(), "Kept");

    Response patched =
        api.patch(
            "/api/v1/versions/" + id,
            Api.json("description", "Reviewed", "organizationPublic", true));

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("name").asString()).isEqualTo("Kept");
    assertThat(patched.json().get("description").asString()).isEqualTo("Reviewed");
    assertThat(patched.json().get("organizationPublic").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/versions/" + id).json().get("metadata")).isEqualTo(patched.json());
  }

  @Test
  void patchWhenVisibilityNotBooleanThenBadRequestAndUnchanged() {
    String id = version(file(), "Kept");

    Response response =
        api.patch("/api/v1/versions/" + id, "{\"organizationPublic\": \"yes\", \"name\": \"X\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Field 'organizationPublic' must be a boolean.");
    assertThat(api.get("/api/v1/versions/" + id).json().get("metadata").get("name").asString())
        .isEqualTo("Kept");
  }

  @Test
  void searchWhenFilteredByVisibilityAndFileThenOnlyThose() {
    String fileId = file();
    String shared = version(fileId, "Shared");
    version(fileId, "Private");
    api.patch("/api/v1/versions/" + shared, Api.json("organizationPublic", true));

    Response response =
        api.post(
            "/api/v1/versions/search",
            Map.of("filter", Map.of("fileId", fileId, "organizationPublic", true)));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("total").asInt()).isEqualTo(1);
    assertThat(response.json().get("items").get(0).get("id").asString()).isEqualTo(shared);
  }

  @Test
  void restoreWhenBodyNamesTheVersionOrIsEmptyThenFileContentRestored() {
    String fileId = file();
    String id = version(fileId, "Good");
    String changed = TestFiles.BPMN.replace("id=\"s\"", "id=\"start\"");
    api.patch("/api/v1/files/" + fileId, Api.json("content", changed, "revision", 1));

    Response withBody = api.post("/api/v1/versions/" + id + "/restore", Api.json("versionId", id));
    api.patch("/api/v1/files/" + fileId, Api.json("content", changed, "revision", 3));
    Response withoutBody = api.post("/api/v1/versions/" + id + "/restore", null);

    assertThat(withBody.status()).as(withBody.body()).isEqualTo(200);
    assertThat(withBody.json().get("id").asString()).isEqualTo(id);
    assertThat(withoutBody.status()).as(withoutBody.body()).isEqualTo(200);
    JsonNode file = api.get("/api/v1/files/" + fileId).json();
    assertThat(file.get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(file.get("metadata").get("revision").asInt()).isEqualTo(5);
  }

  @Test
  void restoreWhenBodyNamesAnotherVersionThenBadRequestAndFileUnchanged() {
    String fileId = file();
    String id = version(fileId, "Good");

    Response response =
        api.post("/api/v1/versions/" + id + "/restore", Api.json("versionId", UNKNOWN));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.badRequest(
                "Request validation failed with the following errors: [versionId: 'must be the"
                    + " version of the path, "
                    + id
                    + "'].",
                "/api/v1/versions/" + id + "/restore"));
    assertThat(api.get("/api/v1/files/" + fileId).json().get("metadata").get("revision").asInt())
        .isEqualTo(1);
  }

  @Test
  void compareWhenSameFileThenUrlToTheVersionsDiff() {
    String fileId = file();
    String first = version(fileId, "One");
    String second = version(fileId, "Two");

    Response response = api.get("/api/v1/versions/compare/" + first + "..." + second);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("url").asString())
        .isEqualTo(
            "http://localhost:8070/diagrams/" + fileId + "/versions/" + first + "..." + second);
  }

  @Test
  void compareWhenPairMalformedThenBadRequestNamingIt() {
    Response response = api.get("/api/v1/versions/compare/a..b");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.badRequest(
                "Path parameter 'version1Id...version2Id' must be two UUIDs separated by '...',"
                    + " but was 'a..b'.",
                "/api/v1/versions/compare/a..b"));
  }

  @Test
  void createWhenFileUnknownThenNotFound() {
    Response response = api.post("/api/v1/versions", Api.json("fileId", UNKNOWN));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(Problems.notFound("File " + UNKNOWN + " not found.", "/api/v1/versions"));
  }

  @Test
  void deleteWhenExistsThenGone() {
    String id = version(file(), "Gone");

    Response deleted = api.delete("/api/v1/versions/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/versions/" + id).status()).isEqualTo(404);
  }

  private String file() {
    return TestFiles.create(api, TestFiles.bpmn(TestFiles.project(api)))
        .json()
        .get("id")
        .asString();
  }

  private String version(String fileId, String name) {
    Response response = api.post("/api/v1/versions", Api.json("name", name, "fileId", fileId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("id").asString();
  }
}
