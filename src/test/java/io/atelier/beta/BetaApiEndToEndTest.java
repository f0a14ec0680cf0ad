package io.atelier.beta;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The beta API end to end over real HTTP, alone and side by side with v1 on the same data. */
class BetaApiEndToEndTest extends ApiTest {

  @Test
  void seedEraFlowWhenOnlyBetaIsUsedThenEverythingWorksAndRecursiveDeleteRemovesAll() {
    // given: a project, a folder in it, a file in the folder and one at the root, all via beta
    Response project = api.post("/api/beta/projects", Api.json("name", "Seed era"));
    String projectId = project.json().get("id").asString();
    Response folder =
        api.post("/api/beta/folders", Api.json("name", "Processes", "projectId", projectId));
    String folderId = folder.json().get("id").asString();
    Response nested =
        api.post(
            "/api/beta/files",
            Api.json(
                "name",
                "Order",
                "parentId",
                folderId,
                "content",
                TestFiles.BPMN,
                "fileType",
                "bpmn"));
    String fileId = nested.json().get("id").asString();
    Response root =
        api.post(
            "/api/beta/files",
            Api.json(
                "name",
                "Form",
                "projectId",
                projectId,
                "content",
                TestFiles.FORM,
                "fileType",
                "form"));

    // when: the project's files are listed and a milestone is made and listed
    Response files = api.get("/api/beta/projects/" + projectId + "/files");
    Response milestone =
        api.post("/api/beta/milestones", Api.json("name", "First cut", "fileId", fileId));
    String milestoneId = milestone.json().get("id").asString();
    Response milestones = api.get("/api/beta/files/" + fileId + "/milestones");
    Response captured = api.get("/api/beta/milestones/" + milestoneId);
    Response projects = api.get("/api/beta/projects");

    // then
    String subject = BetaTestSupport.subject(token(TestTokens.ADMIN));
    String betaUser = "{\"id\":\"" + subject + "\",\"name\":\"" + TestTokens.ADMIN + "\"}";
    assertThat(project.status()).isEqualTo(200);
    assertThat(project.json().propertyNames())
        .containsExactly("id", "name", "created", "createdBy", "updated", "updatedBy");
    assertThat(project.json().get("createdBy").toString()).isEqualTo(betaUser);
    assertThat(folder.status()).isEqualTo(200);
    assertThat(folder.json().get("projectId").asString()).isEqualTo(projectId);
    assertThat(folder.json().get("createdBy").toString()).isEqualTo(betaUser);
    assertThat(nested.status()).isEqualTo(200);
    assertThat(nested.json().propertyNames())
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
    assertThat(nested.json().get("projectId").asString()).isEqualTo(projectId);
    assertThat(nested.json().get("folderId").asString()).isEqualTo(folderId);
    assertThat(nested.json().get("simplePath").asString()).isEqualTo("Processes/Order.bpmn");
    assertThat(nested.json().get("revision").asInt()).isEqualTo(1);
    assertThat(nested.json().get("type").asString()).isEqualTo("BPMN");
    assertThat(nested.json().get("updatedBy").toString()).isEqualTo(betaUser);
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.json().get("folderId").isNull()).isTrue();

    assertThat(files.status()).isEqualTo(200);
    assertThat(files.json().isArray()).isTrue();
    assertThat(ids(files.json())).containsExactly(fileId, root.json().get("id").asString());
    assertThat(files.json().get(0).get("createdBy").toString()).isEqualTo(betaUser);

    assertThat(milestone.status()).isEqualTo(200);
    assertThat(milestone.json().propertyNames())
        .containsExactly("id", "name", "fileId", "created", "createdBy", "updated", "updatedBy");
    assertThat(milestone.json().get("fileId").asString()).isEqualTo(fileId);
    assertThat(milestone.json().get("createdBy").toString()).isEqualTo(betaUser);
    assertThat(milestones.status()).isEqualTo(200);
    assertThat(ids(milestones.json())).containsExactly(milestoneId);
    assertThat(captured.status()).isEqualTo(200);
    assertThat(captured.json().get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(captured.json().get("metadata").get("name").asString()).isEqualTo("First cut");

    assertThat(projects.status()).isEqualTo(200);
    assertThat(ids(projects.json())).contains(projectId);

    // when: the project is deleted, files and all
    Response deleted = api.delete("/api/beta/projects/" + projectId);

    // then: everything in it is gone
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(api.get("/api/beta/projects/" + projectId).status()).isEqualTo(404);
    assertThat(api.get("/api/beta/projects/" + projectId + "/files").status()).isEqualTo(404);
    assertThat(api.get("/api/beta/folders/" + folderId).status()).isEqualTo(404);
    assertThat(api.get("/api/beta/files/" + fileId).status()).isEqualTo(404);
    assertThat(api.get("/api/beta/files/" + fileId + "/milestones").status()).isEqualTo(404);
    assertThat(api.get("/api/beta/milestones/" + milestoneId).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/files/" + fileId).status()).isEqualTo(404);
    assertThat(ids(api.get("/api/beta/projects").json())).doesNotContain(projectId);
  }

  @Test
  void sameDataWhenChangedThroughV1AndBetaThenEachSeesTheOthersChanges() {
    // given: a file made through beta
    String projectId = BetaTestSupport.project(api);
    String folderId = BetaTestSupport.folder(api, projectId, null, "Beta folder");
    String fileId =
        BetaTestSupport.file(
                api,
                Api.json(
                    "name",
                    "Shared",
                    "projectId",
                    projectId,
                    "content",
                    TestFiles.BPMN,
                    "fileType",
                    "bpmn"))
            .json()
            .get("id")
            .asString();

    // when: v1 reads it, moves it into the folder and changes its content
    Response v1Read = api.get("/api/v1/files/" + fileId);
    String v1Content = TestFiles.BPMN.replace("id=\"s\"", "id=\"v1-start\"");
    Response v1Patch =
        api.patch(
            "/api/v1/files/" + fileId,
            Api.json("revision", 1, "folderId", folderId, "content", v1Content));

    // then: beta sees v1's change, with beta's user shape
    Response betaRead = api.get("/api/beta/files/" + fileId);
    assertThat(v1Read.status()).isEqualTo(200);
    assertThat(v1Read.json().get("metadata").get("createdBy").toString())
        .isEqualTo("{\"name\":\"" + TestTokens.ADMIN + "\",\"email\":null}");
    assertThat(v1Read.json().get("content").asString()).isEqualTo(TestFiles.BPMN);
    assertThat(v1Patch.status()).as(v1Patch.toString()).isEqualTo(200);
    assertThat(betaRead.status()).isEqualTo(200);
    assertThat(betaRead.json().get("content").asString()).isEqualTo(v1Content);
    assertThat(betaRead.json().get("metadata").get("folderId").asString()).isEqualTo(folderId);
    assertThat(betaRead.json().get("metadata").get("revision").asInt()).isEqualTo(2);
    assertThat(betaRead.json().get("metadata").get("updatedBy").get("id").asString())
        .isEqualTo(BetaTestSupport.subject(token(TestTokens.ADMIN)));

    // when: beta renames it and moves it back to the root of a project v1 made
    String v1ProjectId = TestFiles.project(api);
    Response betaPatch =
        api.patch(
            "/api/beta/files/" + fileId,
            Api.json("revision", 2, "name", "Renamed by beta", "projectId", v1ProjectId));

    // then: v1 sees beta's change, in v1's search too
    Response v1Again = api.get("/api/v1/files/" + fileId);
    Response v1Search =
        api.post("/api/v1/files/search", Api.json("filter", Api.json("projectId", v1ProjectId)));
    assertThat(betaPatch.status()).as(betaPatch.toString()).isEqualTo(200);
    assertThat(betaPatch.json().get("revision").asInt()).isEqualTo(3);
    assertThat(v1Again.json().get("metadata").get("name").asString()).isEqualTo("Renamed by beta");
    assertThat(v1Again.json().get("metadata").get("projectId").asString()).isEqualTo(v1ProjectId);
    assertThat(v1Again.json().get("metadata").get("folderId").isNull()).isTrue();
    assertThat(v1Again.json().get("content").asString()).isEqualTo(v1Content);
    assertThat(ids(v1Search.json().get("items"))).containsExactly(fileId);

    // when: beta moves it into a folder by parentId, and v1 makes a milestone of it
    String v1FolderId = TestFiles.folder(api, v1ProjectId, null, "V1 folder");
    Response intoFolder =
        api.patch("/api/beta/files/" + fileId, Api.json("revision", 3, "parentId", v1FolderId));
    Response v1Milestone =
        api.post("/api/v1/milestones", Api.json("name", "From v1", "fileId", fileId));

    // then: beta lists v1's milestone, and v1 refuses the non-empty delete beta allows
    assertThat(intoFolder.status()).as(intoFolder.toString()).isEqualTo(200);
    assertThat(intoFolder.json().get("folderId").asString()).isEqualTo(v1FolderId);
    assertThat(intoFolder.json().get("simplePath").asString())
        .isEqualTo("V1 folder/Renamed by beta.bpmn");
    assertThat(v1Milestone.status()).as(v1Milestone.toString()).isEqualTo(200);
    assertThat(ids(api.get("/api/beta/files/" + fileId + "/milestones").json()))
        .containsExactly(v1Milestone.json().get("id").asString());
    assertThat(api.delete("/api/v1/projects/" + v1ProjectId).status()).isEqualTo(409);
    assertThat(api.delete("/api/beta/projects/" + v1ProjectId).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/files/" + fileId).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/projects/" + projectId).status()).isEqualTo(200);
  }

  @Test
  void getProjectWhenItHasNestedContentThenBetaListsAllWithBetaUsers() {
    String projectId = BetaTestSupport.project(api);
    String folderId = BetaTestSupport.folder(api, projectId, null, "A");
    String subId = BetaTestSupport.folder(api, null, folderId, "B");
    BetaTestSupport.file(
        api,
        Api.json("name", "deep", "parentId", subId, "content", TestFiles.DMN, "fileType", "dmn"));

    Response project = api.get("/api/beta/projects/" + projectId);
    Response folder = api.get("/api/beta/folders/" + folderId);

    assertThat(project.status()).isEqualTo(200);
    assertThat(project.json().get("metadata").get("id").asString()).isEqualTo(projectId);
    assertThat(project.json().get("content").get("folders").size()).isEqualTo(2);
    JsonNode file = project.json().get("content").get("files").get(0);
    assertThat(file.get("simplePath").asString()).isEqualTo("A/B/deep.dmn");
    assertThat(file.get("canonicalPath").toString())
        .isEqualTo(
            "[{\"id\":\""
                + folderId
                + "\",\"name\":\"A\"},{\"id\":\""
                + subId
                + "\",\"name\":\"B\"}]");
    assertThat(file.get("createdBy").propertyNames()).containsExactly("id", "name");
    assertThat(folder.status()).isEqualTo(200);
    assertThat(ids(folder.json().get("content").get("folders"))).containsExactly(subId);
    assertThat(folder.json().get("content").get("files").size()).isZero();
    assertThat(folder.json().get("metadata").get("createdBy").propertyNames())
        .containsExactly("id", "name");
  }

  @Test
  void deleteFolderWhenItHoldsFilesAtAnyDepthThenBetaDeletesRecursively() {
    // given
    String projectId = BetaTestSupport.project(api);
    String folderId = BetaTestSupport.folder(api, projectId, null, "Top");
    String subId = BetaTestSupport.folder(api, null, folderId, "Sub");
    String fileId =
        BetaTestSupport.file(
                api,
                Api.json(
                    "name", "f", "parentId", subId, "content", TestFiles.FORM, "fileType", "form"))
            .json()
            .get("id")
            .asString();
    String keptId =
        BetaTestSupport.file(
                api,
                Api.json(
                    "name",
                    "kept",
                    "projectId",
                    projectId,
                    "content",
                    TestFiles.FORM,
                    "fileType",
                    "form"))
            .json()
            .get("id")
            .asString();

    // when
    Response v1Refusal = api.delete("/api/v1/folders/" + folderId);
    Response deleted = api.delete("/api/beta/folders/" + folderId);

    // then
    assertThat(v1Refusal.status()).isEqualTo(409);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/beta/folders/" + subId).status()).isEqualTo(404);
    assertThat(api.get("/api/beta/files/" + fileId).status()).isEqualTo(404);
    assertThat(ids(api.get("/api/beta/projects/" + projectId + "/files").json()))
        .containsExactly(keptId);
  }

  @Test
  void deleteFileWhenItHasMilestonesThenTheyGoWithIt() {
    String projectId = BetaTestSupport.project(api);
    String fileId =
        BetaTestSupport.file(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    String milestoneId =
        api.post("/api/beta/milestones", Api.json("name", "m", "fileId", fileId))
            .json()
            .get("id")
            .asString();

    Response deleted = api.delete("/api/beta/files/" + fileId);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/beta/files/" + fileId).status()).isEqualTo(404);
    assertThat(api.get("/api/beta/milestones/" + milestoneId).status()).isEqualTo(404);
  }

  @Test
  void deleteMilestoneWhenMadeThroughBetaThenGoneFromBothApis() {
    String projectId = BetaTestSupport.project(api);
    String fileId =
        BetaTestSupport.file(api, TestFiles.bpmn(projectId)).json().get("id").asString();
    String milestoneId =
        api.post("/api/beta/milestones", Api.json("name", "m", "fileId", fileId))
            .json()
            .get("id")
            .asString();

    Response deleted = api.delete("/api/beta/milestones/" + milestoneId);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/milestones/" + milestoneId).status()).isEqualTo(404);
    assertThat(api.get("/api/beta/files/" + fileId + "/milestones").json().size()).isZero();
  }

  @Test
  void listProjectsWhenMoreThanOneSearchPageExistThenAllAreListed() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      made.add(BetaTestSupport.project(api));
    }

    Response projects = api.get("/api/beta/projects");

    assertThat(projects.status()).isEqualTo(200);
    List<String> listed = ids(projects.json());
    assertThat(listed).containsAll(made);
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(listed.size())
        .isEqualTo(
            api.post("/api/v1/projects/search", Api.json("size", 0)).json().get("total").asInt());
  }

  @Test
  void readWhenTokenMayOnlyReadThenBetaListsAnswer() {
    String projectId = BetaTestSupport.project(api);
    Api reader = api.as(token(TestTokens.READER));

    assertThat(reader.get("/api/beta/projects").status()).isEqualTo(200);
    assertThat(reader.get("/api/beta/projects/" + projectId + "/files").status()).isEqualTo(200);
    assertThat(reader.get("/api/beta/projects/" + projectId).status()).isEqualTo(200);
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }
}
