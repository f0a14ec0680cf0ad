package io.atelier.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectEndToEndTest extends ApiTest {

  @Test
  void createWhenNameGivenThenAnswersMetadataWithCaller() {
    Response created = api.post("/api/v1/projects", Api.json("name", "Orders"));

    JsonNode project = created.json();
    assertThat(created.status()).isEqualTo(200);
    assertThat(project.propertyNames())
        .containsExactly("id", "name", "created", "createdBy", "updated", "updatedBy");
    assertThat(project.get("name").asString()).isEqualTo("Orders");
    assertThat(project.get("createdBy").toString())
        .isEqualTo("{\"name\":\"" + TestTokens.ADMIN + "\",\"email\":null}");
    assertThat(Instant.parse(project.get("created").asString())).isBeforeOrEqualTo(Instant.now());
    assertThat(project.get("updated")).isEqualTo(project.get("created"));
  }

  @Test
  void getWhenProjectHasNestedContentThenListsEverything() {
    String projectId = TestFiles.project(api);
    String folderId = TestFiles.folder(api, projectId, null, "A");
    String subId = TestFiles.folder(api, null, folderId, "B");
    TestFiles.create(
        api,
        Api.json("name", "deep", "folderId", subId, "content", TestFiles.FORM, "fileType", "form"));

    Response project = api.get("/api/v1/projects/" + projectId);

    assertThat(project.status()).isEqualTo(200);
    assertThat(project.json().get("metadata").get("id").asString()).isEqualTo(projectId);
    assertThat(project.json().get("content").get("folders").size()).isEqualTo(2);
    JsonNode file = project.json().get("content").get("files").get(0);
    assertThat(file.get("simplePath").asString()).isEqualTo("A/B/deep.form");
  }

  @Test
  void renameWhenNameGivenThenUpdatedChanges() {
    String projectId = TestFiles.project(api);

    Response renamed = api.patch("/api/v1/projects/" + projectId, Api.json("name", "Renamed"));

    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().get("name").asString()).isEqualTo("Renamed");
    assertThat(
            api.get("/api/v1/projects/" + projectId).json().get("metadata").get("name").asString())
        .isEqualTo("Renamed");
  }

  @Test
  void createWhenNameMissingThenBadRequestNamingField() {
    Response response = api.post("/api/v1/projects", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [name: 'must not be null'].");
  }

  @Test
  void createWhenNameEmptyOrTooLongThenBadRequest() {
    for (String name : List.of("", "x".repeat(256))) {
      Response response = api.post("/api/v1/projects", Api.json("name", name));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("detail").asString())
          .isEqualTo(
              "Request validation failed with the following errors:"
                  + " [name: 'size must be between 1 and 255'].");
    }
  }

  @Test
  void createWhenNameHas255EmojiThenAccepted() {
    String name = "😀".repeat(255);

    Response response = api.post("/api/v1/projects", Api.json("name", name));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("name").asString()).isEqualTo(name);
  }

  @Test
  void createWhenNameIsNumberThenBadRequestNamingField() {
    Response response = api.post("/api/v1/projects", "{\"name\": 42}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Field 'name' must be a string.");
  }

  @Test
  void createWhenJsonMalformedThenBadRequestWithPosition() {
    Response response = api.post("/api/v1/projects", "{\"name\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .startsWith("The request body is not valid JSON");
  }

  @Test
  void createWhenBodyIsAnArrayThenBadRequestAskingForAnObject() {
    Response response = api.post("/api/v1/projects", "[1]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("The request body must be a JSON object.");
  }

  @Test
  void createWhenJsonNestedTooDeepThenBadRequestSayingSo() {
    String deep = "{\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"name\":\"p\"}";

    Response response = api.post("/api/v1/projects", deep);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "The request body is not valid JSON: Document nesting depth (501) exceeds the maximum"
                + " allowed (500).");
  }

  @Test
  void getWhenUnknownThenNotFound() {
    String id = "7b0c9d0e-1111-4222-8333-944445555666";

    Response response = api.get("/api/v1/projects/" + id);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString()).isEqualTo("Project " + id + " not found.");
  }

  @Test
  void getWhenIdMalformedThenBadRequest() {
    Response response = api.get("/api/v1/projects/not-a-uuid");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Path parameter 'projectId' must be a UUID, but was 'not-a-uuid'.");
  }

  @Test
  void listWhenGetOnCollectionThenMethodNotAllowedPointingToSearch() {
    Response response = api.get("/api/v1/projects");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Method GET is not supported on /api/v1/projects."
                + " To list these resources use POST /api/v1/projects/search.");
  }

  @Test
  void deleteWhenProjectHoldsFilesThenConflictWithCount() {
    String projectId = TestFiles.project(api);
    String folderId = TestFiles.folder(api, projectId, null, "A");
    TestFiles.create(api, TestFiles.bpmn(projectId));
    TestFiles.create(
        api,
        Api.json("name", "f", "folderId", folderId, "content", TestFiles.FORM, "fileType", "form"));

    Response response = api.delete("/api/v1/projects/" + projectId);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Project " + projectId + " still contains 2 files; delete or move them first.");
    assertThat(response.json().get("fileCount").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/projects/" + projectId).json().get("content").get("files").size())
        .isEqualTo(2);
  }

  @Test
  void deleteWhenOnlyEmptyFoldersThenDeletedWithThem() {
    String projectId = TestFiles.project(api);
    String folderId = TestFiles.folder(api, projectId, null, "A");

    Response response = api.delete("/api/v1/projects/" + projectId);

    assertThat(response.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/projects/" + projectId).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/folders/" + folderId).status()).isEqualTo(404);
  }

  @Test
  void searchWhenFilteredByNameThenFindsOnlyThatProject() {
    String name = "Search me " + java.util.UUID.randomUUID();
    api.post("/api/v1/projects", Api.json("name", name));

    Response response =
        api.post("/api/v1/projects/search", Api.json("filter", Api.json("name", name)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("total").asInt()).isEqualTo(1);
    assertThat(response.json().get("items").get(0).get("name").asString()).isEqualTo(name);
  }

  @Test
  void searchWhenFilterFieldUnknownThenBadRequestListingProjectFields() {
    Response response =
        api.post("/api/v1/projects/search", Api.json("filter", Api.json("simplePath", "x")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Filter field 'simplePath' is not one of"
                + " [id, name, created, createdBy, updated, updatedBy].");
  }

  @Test
  void searchWhenSortedByNameThenPagedInThatOrder() {
    String prefix = "Sorted " + java.util.UUID.randomUUID() + " ";
    for (String suffix : List.of("b", "a", "c")) {
      api.post("/api/v1/projects", Api.json("name", prefix + suffix));
    }

    Response response =
        api.post(
            "/api/v1/projects/search",
            Api.json(
                "filter", Api.json("createdBy", Api.json("name", TestTokens.ADMIN)),
                "sort", List.of(Api.json("field", "name", "direction", "DESC")),
                "size", 50));

    assertThat(response.status()).isEqualTo(200);
    List<String> names =
        response
            .json()
            .get("items")
            .valueStream()
            .map(item -> item.get("name").asString())
            .filter(name -> name.startsWith(prefix))
            .toList();
    assertThat(names).containsExactly(prefix + "c", prefix + "b", prefix + "a");
  }
}
