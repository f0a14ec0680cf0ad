package io.atelier.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.Problems;
import io.atelier.web.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Milestones over real HTTP: snapshots, renames, restores, comparisons, and what each refuses. */
class MilestoneEndToEndTest extends ApiTest {

  @Autowired MilestoneService milestones;

  private static final String UNKNOWN = "7b0c9d0e-1111-4222-8333-944445555666";
  private static final String BOM_CRLF = "miwg-ibo-prometheus-A.1.0-bom-crlf.bpmn";

  @Test
  void createWhenFileExistsThenAnswersMetadataInContractOrder() {
    String fileId = file(TestFiles.BPMN);

    Response created = api.post("/api/v1/milestones", Api.json("name", "M1", "fileId", fileId));

    JsonNode milestone = created.json();
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(milestone.propertyNames())
        .containsExactly("id", "name", "fileId", "created", "createdBy", "updated", "updatedBy");
    assertThat(milestone.get("name").asString()).isEqualTo("M1");
    assertThat(milestone.get("fileId").asString()).isEqualTo(fileId);
    assertThat(milestone.get("createdBy").toString())
        .isEqualTo("{\"name\":\"test-admin\",\"email\":null}");
    assertThat(milestone.get("updated")).isEqualTo(milestone.get("created"));
  }

  @Test
  void getWhenFileChangedTwiceThenContentIsTheOriginalBytes() throws IOException {
    String original = TestFiles.fixture(BOM_CRLF);
    String fileId = file(original);
    String milestoneId = milestone(fileId, "Before the changes");

    changeContent(fileId, 1, TestFiles.BPMN);
    changeContent(fileId, 2, TestFiles.BPMN.replace("id=\"s\"", "id=\"start\""));
    Response milestone = api.get("/api/v1/milestones/" + milestoneId);

    assertThat(milestone.status()).isEqualTo(200);
    String content = milestone.json().get("content").asString();
    assertThat(content.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(Files.readAllBytes(TestFiles.fixtures().resolve(BOM_CRLF)));
    assertThat(content).startsWith("\uFEFF<?xml").contains("\r\n");
    assertThat(milestone.json().get("metadata").get("id").asString()).isEqualTo(milestoneId);
    assertThat(fileContent(fileId)).isNotEqualTo(original);
  }

  @Test
  void restoreWhenFileChangedThenMilestoneContentIsTheFilesWithRevisionIncreased() {
    String original = TestFiles.fixture(BOM_CRLF);
    String fileId = file(original);
    String milestoneId = milestone(fileId, "Good state");
    JsonNode metadata = api.get("/api/v1/milestones/" + milestoneId).json().get("metadata");
    changeContent(fileId, 1, TestFiles.BPMN);
    changeContent(fileId, 2, TestFiles.BPMN.replace("id=\"s\"", "id=\"start\""));

    Response restored = api.post("/api/v1/milestones/" + milestoneId + "/restore", null);

    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.json()).isEqualTo(metadata);
    JsonNode file = api.get("/api/v1/files/" + fileId).json();
    assertThat(file.get("content").asString()).isEqualTo(original);
    assertThat(file.get("metadata").get("revision").asInt()).isEqualTo(4);
  }

  @Test
  void restoreWhenMilestoneUnknownThenNotFound() {
    Response response = api.post("/api/v1/milestones/" + UNKNOWN + "/restore", null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.notFound(
                "Milestone " + UNKNOWN + " not found.",
                "/api/v1/milestones/" + UNKNOWN + "/restore"));
  }

  @Test
  void createWhenFileUnknownThenNotFoundAndNothingCreated() {
    Response response = api.post("/api/v1/milestones", Api.json("name", "M", "fileId", UNKNOWN));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(Problems.notFound("File " + UNKNOWN + " not found.", "/api/v1/milestones"));
    assertThat(searchByFile(UNKNOWN).get("total").asInt()).isZero();
  }

  @Test
  void createWhenNameMissingThenBadRequestAndNothingCreated() {
    String fileId = file(TestFiles.BPMN);

    Response response = api.post("/api/v1/milestones", Api.json("fileId", fileId));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.badRequest(
                "Request validation failed with the following errors: [name: 'must not be null'].",
                "/api/v1/milestones"));
    assertThat(searchByFile(fileId).get("total").asInt()).isZero();
  }

  @Test
  void createWhenFileIdMissingOrMalformedThenBadRequest() {
    Response missing = api.post("/api/v1/milestones", Api.json("name", "M"));
    Response malformed = api.post("/api/v1/milestones", Api.json("name", "M", "fileId", "x"));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [fileId: 'must not be null'].");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [fileId: 'must be a UUID'].");
  }

  @Test
  void patchWhenNameGivenThenRenamedAndUpdatedMoves() {
    String fileId = file(TestFiles.BPMN);
    JsonNode created =
        api.post("/api/v1/milestones", Api.json("name", "Old", "fileId", fileId)).json();
    String id = created.get("id").asString();

    Response renamed = api.patch("/api/v1/milestones/" + id, Api.json("name", "New"));

    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().get("name").asString()).isEqualTo("New");
    assertThat(renamed.json().get("created")).isEqualTo(created.get("created"));
    assertThat(api.get("/api/v1/milestones/" + id).json().get("metadata"))
        .isEqualTo(renamed.json());
  }

  @Test
  void patchWhenNameTooLongThenBadRequestAndNameKept() {
    String fileId = file(TestFiles.BPMN);
    String id = milestone(fileId, "Kept");

    Response response = api.patch("/api/v1/milestones/" + id, Api.json("name", "x".repeat(256)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [name: 'size must be between 1 and 255'].");
    assertThat(api.get("/api/v1/milestones/" + id).json().get("metadata").get("name").asString())
        .isEqualTo("Kept");
  }

  @Test
  void patchWhenMilestoneUnknownThenNotFound() {
    Response response = api.patch("/api/v1/milestones/" + UNKNOWN, Api.json("name", "New"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Milestone " + UNKNOWN + " not found.");
  }

  @Test
  void deleteWhenExistsThenGoneAndFileKept() {
    String fileId = file(TestFiles.BPMN);
    String id = milestone(fileId, "M");

    Response deleted = api.delete("/api/v1/milestones/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(api.get("/api/v1/milestones/" + id).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/milestones/" + id).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/files/" + fileId).status()).isEqualTo(200);
  }

  @Test
  void deleteFileWhenItHasMilestonesThenMilestonesGoWithIt() {
    String fileId = file(TestFiles.BPMN);
    String first = milestone(fileId, "One");
    String second = milestone(fileId, "Two");

    Response deleted = api.delete("/api/v1/files/" + fileId);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/milestones/" + first).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/milestones/" + second).status()).isEqualTo(404);
    assertThat(searchByFile(fileId).get("total").asInt()).isZero();
  }

  @Test
  void getWhenIdMalformedThenBadRequest() {
    Response response = api.get("/api/v1/milestones/not-a-uuid");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Path parameter 'milestoneId' must be a UUID, but was 'not-a-uuid'.");
  }

  @Test
  void compareWhenSameFileThenUrlToTheDiff() {
    String fileId = file(TestFiles.BPMN);
    String first = milestone(fileId, "One");
    String second = milestone(fileId, "Two");

    Response response = api.get("/api/v1/milestones/compare/" + first + "..." + second);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().toString())
        .isEqualTo(
            "{\"url\":\"http://localhost:8070/diagrams/"
                + fileId
                + "/milestones/"
                + first
                + "..."
                + second
                + "\"}");
  }

  @Test
  void compareWhenPairMalformedThenBadRequestNamingIt() {
    String fileId = file(TestFiles.BPMN);
    String id = milestone(fileId, "One");

    for (String pair :
        List.of(
            id + ".." + id,
            id,
            id + "...",
            "..." + id,
            id + "...." + id,
            id + "..." + id + "..." + id,
            "a...b",
            id + "...not-a-uuid")) {
      Response response = api.get("/api/v1/milestones/compare/" + pair);

      assertThat(response.status()).as(pair).isEqualTo(400);
      assertThat(response.json().toString())
          .as(pair)
          .isEqualTo(
              Problems.badRequest(
                  "Path parameter 'milestone1Id...milestone2Id' must be two UUIDs separated by"
                      + " '...', but was '"
                      + pair
                      + "'.",
                  "/api/v1/milestones/compare/" + pair));
    }
  }

  @Test
  void compareWhenEitherUnknownThenNotFoundNamingIt() {
    String fileId = file(TestFiles.BPMN);
    String id = milestone(fileId, "One");

    Response secondUnknown = api.get("/api/v1/milestones/compare/" + id + "..." + UNKNOWN);
    Response firstUnknown = api.get("/api/v1/milestones/compare/" + UNKNOWN + "..." + id);

    assertThat(secondUnknown.status()).isEqualTo(404);
    assertThat(secondUnknown.json().toString())
        .isEqualTo(
            Problems.notFound(
                "Milestone " + UNKNOWN + " not found.",
                "/api/v1/milestones/compare/" + id + "..." + UNKNOWN));
    assertThat(firstUnknown.status()).isEqualTo(404);
    assertThat(firstUnknown.json().get("detail").asString())
        .isEqualTo("Milestone " + UNKNOWN + " not found.");
  }

  @Test
  void compareWhenMilestonesOfDifferentFilesThenBadRequest() {
    String first = milestone(file(TestFiles.BPMN), "One");
    String second = milestone(file(TestFiles.BPMN), "Two");

    Response response = api.get("/api/v1/milestones/compare/" + first + "..." + second);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.badRequest(
                "Milestones "
                    + first
                    + " and "
                    + second
                    + " belong to different files; only milestones of one file can be compared.",
                "/api/v1/milestones/compare/" + first + "..." + second));
  }

  @Test
  void searchWhenFilteredByFileThenItsMilestonesOldestFirst() {
    String fileId = file(TestFiles.BPMN);
    String first = milestone(fileId, "One");
    String second = milestone(fileId, "Two");
    milestone(file(TestFiles.BPMN), "Elsewhere");

    JsonNode result = searchByFile(fileId);

    assertThat(result.get("total").asInt()).isEqualTo(2);
    assertThat(result.get("items").get(0).get("id").asString()).isEqualTo(first);
    assertThat(result.get("items").get(1).get("id").asString()).isEqualTo(second);
    assertThat(result.get("items").get(0).propertyNames()).doesNotContain("content");
  }

  @Test
  void searchWhenSortedByNameDescendingAndFilteredByCreatorThenInThatOrder() {
    String fileId = file(TestFiles.BPMN);
    milestone(fileId, "A");
    milestone(fileId, "C");
    milestone(fileId, "B");

    Response response =
        api.post(
            "/api/v1/milestones/search",
            Map.of(
                "filter",
                Map.of("fileId", fileId, "createdBy", Map.of("name", "test-admin")),
                "sort",
                List.of(Map.of("field", "name", "direction", "DESC"))));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("items").valueStream().map(item -> item.get("name").asString()))
        .containsExactly("C", "B", "A");
  }

  @Test
  void searchWhenFilterFieldNotOfMilestonesThenBadRequestListingThem() {
    Response response =
        api.post("/api/v1/milestones/search", Map.of("filter", Map.of("description", "x")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Filter field 'description' is not one of"
                + " [id, name, fileId, created, createdBy, updated, updatedBy].");
  }

  @Test
  void searchWhenCreatedWithinTodayThenFound() {
    String fileId = file(TestFiles.BPMN);
    JsonNode created =
        api.post("/api/v1/milestones", Api.json("name", "Today", "fileId", fileId)).json();

    Response response =
        api.post(
            "/api/v1/milestones/search",
            Map.of(
                "filter",
                Map.of("fileId", fileId, "created", created.get("created").asString() + "||/d")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void forFileWhenFileHasMilestonesThenOldestFirstForTheBetaList() {
    String fileId = file(TestFiles.BPMN);
    String first = milestone(fileId, "One");
    String second = milestone(fileId, "Two");

    List<Milestone> listed = milestones.forFile(UUID.fromString(fileId));

    assertThat(listed).extracting(m -> m.id().toString()).containsExactly(first, second);
    assertThat(listed).extracting(Milestone::name).containsExactly("One", "Two");
  }

  @Test
  void forFileWhenFileUnknownThenNotFound() {
    UUID unknown = UUID.fromString(UNKNOWN);

    assertThatThrownBy(() -> milestones.forFile(unknown))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("File " + UNKNOWN + " not found.");
  }

  private String file(String content) {
    String projectId = TestFiles.project(api);
    Map<String, Object> request = TestFiles.bpmn(projectId);
    request.put("content", content);
    return TestFiles.create(api, request).json().get("id").asString();
  }

  private String milestone(String fileId, String name) {
    Response response = api.post("/api/v1/milestones", Api.json("name", name, "fileId", fileId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  private void changeContent(String fileId, int revision, String content) {
    Response response =
        api.patch("/api/v1/files/" + fileId, Api.json("content", content, "revision", revision));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private String fileContent(String fileId) {
    return api.get("/api/v1/files/" + fileId).json().get("content").asString();
  }

  private JsonNode searchByFile(String fileId) {
    Response response =
        api.post("/api/v1/milestones/search", Map.of("filter", Map.of("fileId", fileId)));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
