package io.atelier.folder;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Folders over real HTTP: placement, nesting, moves within and across projects, deletes. */
class FolderEndToEndTest extends ApiTest {

  private static final String PREFIX = "Request validation failed with the following errors: [";
  private static final String UNKNOWN = "7b0c9d0e-1111-4222-8333-944445555666";

  @Test
  void createWhenProjectGivenThenAtRootWithContractFields() {
    String projectId = TestFiles.project(api);

    Response created =
        api.post("/api/v1/folders", Api.json("name", "Root folder", "projectId", projectId));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().propertyNames())
        .containsExactly(
            "id", "name", "projectId", "parentId", "created", "updated", "createdBy", "updatedBy");
    assertThat(created.json().get("parentId").isNull()).isTrue();
    assertThat(created.json().get("projectId").asString()).isEqualTo(projectId);
  }

  @Test
  void createWhenOnlyParentGivenThenInParentsProject() {
    String projectId = TestFiles.project(api);
    String parent = TestFiles.folder(api, projectId, null, "P");

    Response created = api.post("/api/v1/folders", Api.json("name", "C", "parentId", parent));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("projectId").asString()).isEqualTo(projectId);
    assertThat(created.json().get("parentId").asString()).isEqualTo(parent);
  }

  @Test
  void createWhenParentOfOtherProjectThenBadRequestAndNothingCreated() {
    String a = TestFiles.project(api);
    String b = TestFiles.project(api);
    String parentInA = TestFiles.folder(api, a, null, "P");

    Response response =
        api.post("/api/v1/folders", Api.json("name", "C", "projectId", b, "parentId", parentInA));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(PREFIX + "parentId: 'folder " + parentInA + " is not in project " + b + "'].");
    assertThat(api.get("/api/v1/projects/" + b).json().get("content").get("folders").size())
        .isZero();
    assertThat(api.get("/api/v1/folders/" + parentInA).json().get("content").get("folders").size())
        .isZero();
  }

  @Test
  void createWhenParentUnknownThenNotFound() {
    Response response = api.post("/api/v1/folders", Api.json("name", "C", "parentId", UNKNOWN));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Folder " + UNKNOWN + " not found.");
  }

  @Test
  void createWhenParentIdMalformedThenBadRequest() {
    Response response = api.post("/api/v1/folders", Api.json("name", "C", "parentId", "abc"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(PREFIX + "parentId: 'must be a UUID'].");
  }

  @Test
  void getWhenNestedThenDirectChildrenOnly() {
    String projectId = TestFiles.project(api);
    String top = TestFiles.folder(api, projectId, null, "Top");
    String child = TestFiles.folder(api, null, top, "Child");
    TestFiles.folder(api, null, child, "Grandchild");
    TestFiles.create(
        api, Map.of("name", "f", "folderId", top, "content", TestFiles.FORM, "fileType", "form"));
    TestFiles.create(
        api,
        Map.of("name", "deep", "folderId", child, "content", TestFiles.FORM, "fileType", "form"));

    Response folder = api.get("/api/v1/folders/" + top);

    assertThat(folder.status()).isEqualTo(200);
    JsonNode content = folder.json().get("content");
    assertThat(content.get("folders").size()).isEqualTo(1);
    assertThat(content.get("folders").get(0).get("id").asString()).isEqualTo(child);
    assertThat(content.get("files").size()).isEqualTo(1);
    assertThat(content.get("files").get(0).get("simplePath").asString()).isEqualTo("Top/f.form");
  }

  @Test
  void updateWhenMovedIntoItselfThenBadRequest() {
    String projectId = TestFiles.project(api);
    String folder = TestFiles.folder(api, projectId, null, "F");

    Response response = api.patch("/api/v1/folders/" + folder, Api.json("parentId", folder));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            PREFIX
                + "parentId: 'a folder cannot be moved into itself or one of its sub-folders'].");
  }

  @Test
  void updateWhenMovedIntoDescendantThenBadRequestAndUnchanged() {
    String projectId = TestFiles.project(api);
    String top = TestFiles.folder(api, projectId, null, "Top");
    String child = TestFiles.folder(api, null, top, "Child");
    String grandchild = TestFiles.folder(api, null, child, "Grandchild");

    Response response =
        api.patch("/api/v1/folders/" + top, Api.json("name", "X", "parentId", grandchild));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            PREFIX
                + "parentId: 'a folder cannot be moved into itself or one of its sub-folders'].");
    JsonNode stored = api.get("/api/v1/folders/" + top).json().get("metadata");
    assertThat(stored.get("name").asString()).isEqualTo("Top");
    assertThat(stored.get("parentId").isNull()).isTrue();
  }

  @Test
  void updateWhenMovedToOtherProjectThenSubtreeAndFilesFollow() {
    String from = TestFiles.project(api);
    String to = TestFiles.project(api);
    String top = TestFiles.folder(api, from, null, "Top");
    String child = TestFiles.folder(api, null, top, "Child");
    String fileId =
        TestFiles.create(
                api,
                Map.of(
                    "name", "f", "folderId", child, "content", TestFiles.FORM, "fileType", "form"))
            .json()
            .get("id")
            .asString();

    Response moved = api.patch("/api/v1/folders/" + top, Api.json("projectId", to));

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("projectId").asString()).isEqualTo(to);
    assertThat(moved.json().get("parentId").isNull()).isTrue();
    assertThat(
            api.get("/api/v1/folders/" + child).json().get("metadata").get("projectId").asString())
        .isEqualTo(to);
    JsonNode file = api.get("/api/v1/files/" + fileId).json().get("metadata");
    assertThat(file.get("projectId").asString()).isEqualTo(to);
    assertThat(file.get("simplePath").asString()).isEqualTo("Top/Child/f.form");
    JsonNode oldProject = api.get("/api/v1/projects/" + from).json().get("content");
    assertThat(oldProject.get("folders").size()).isZero();
    assertThat(oldProject.get("files").size()).isZero();
    JsonNode newProject = api.get("/api/v1/projects/" + to).json().get("content");
    assertThat(newProject.get("folders").size()).isEqualTo(2);
    assertThat(newProject.get("files").size()).isEqualTo(1);
  }

  @Test
  void updateWhenMovedIntoFolderOfOtherProjectThenProjectFollows() {
    String from = TestFiles.project(api);
    String to = TestFiles.project(api);
    String moving = TestFiles.folder(api, from, null, "Moving");
    String target = TestFiles.folder(api, to, null, "Target");

    Response moved = api.patch("/api/v1/folders/" + moving, Api.json("parentId", target));

    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().get("projectId").asString()).isEqualTo(to);
    assertThat(moved.json().get("parentId").asString()).isEqualTo(target);
  }

  @Test
  void updateWhenNameEmptyThenBadRequest() {
    String folder = TestFiles.folder(api, TestFiles.project(api), null, "F");

    Response response = api.patch("/api/v1/folders/" + folder, Api.json("name", ""));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(PREFIX + "name: 'size must be between 1 and 255'].");
  }

  @Test
  void deleteWhenFilesInSubfolderThenConflictWithCount() {
    String projectId = TestFiles.project(api);
    String top = TestFiles.folder(api, projectId, null, "Top");
    String child = TestFiles.folder(api, null, top, "Child");
    TestFiles.create(
        api, Map.of("name", "f", "folderId", child, "content", TestFiles.FORM, "fileType", "form"));

    Response response = api.delete("/api/v1/folders/" + top);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().toString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":"
                + "\"Folder "
                + top
                + " still contains 1 file; delete or move it first.\",\"instance\":"
                + "\"/api/v1/folders/"
                + top
                + "\",\"fileCount\":1}");
    assertThat(api.get("/api/v1/folders/" + child).status()).isEqualTo(200);
  }

  @Test
  void deleteWhenOnlyEmptySubfoldersThenAllGone() {
    String projectId = TestFiles.project(api);
    String top = TestFiles.folder(api, projectId, null, "Top");
    String child = TestFiles.folder(api, null, top, "Child");

    Response response = api.delete("/api/v1/folders/" + top);

    assertThat(response.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/folders/" + top).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/folders/" + child).status()).isEqualTo(404);
  }

  @Test
  void updateWhenTwoFoldersMovedIntoEachOtherAtOnceThenOneRefused() throws Exception {
    String projectId = TestFiles.project(api);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String a = TestFiles.folder(api, projectId, null, "A" + round);
        String b = TestFiles.folder(api, projectId, null, "B" + round);
        CyclicBarrier start = new CyclicBarrier(2);

        Future<Response> aIntoB = pool.submit(() -> move(start, a, b));
        Future<Response> bIntoA = pool.submit(() -> move(start, b, a));

        assertThat(List.of(aIntoB.get().status(), bIntoA.get().status()))
            .containsExactlyInAnyOrder(200, 400);
        JsonNode folderA = api.get("/api/v1/folders/" + a).json().get("metadata");
        JsonNode folderB = api.get("/api/v1/folders/" + b).json().get("metadata");
        assertThat(folderA.get("parentId").isNull() || folderB.get("parentId").isNull()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Response move(CyclicBarrier start, String folder, String into) throws Exception {
    start.await();
    return api.patch("/api/v1/folders/" + folder, Api.json("parentId", into));
  }

  @Test
  void getWhenUnknownThenNotFound() {
    Response response = api.get("/api/v1/folders/" + UNKNOWN);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Folder " + UNKNOWN + " not found.");
  }
}
