package io.atelier.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document names the milestone, version and collaborator operations and schemas as Web
 * Modeler's contract does, so generated clients keep working.
 */
class MilestoneOpenApiTest extends ApiTest {

  @Test
  void apiDocsWhenReadThenContractOperationIdsAndSchemaNames() {
    Response docs = api.as(null).get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    JsonNode document = docs.json();
    assertThat(operationIds(document))
        .contains(
            "createMilestone",
            "getMilestone",
            "patchMilestone",
            "deleteMilestone",
            "searchMilestones",
            "compareMilestones",
            "restoreMilestone",
            "createVersion",
            "getVersion",
            "patchVersion",
            "deleteVersion",
            "searchVersions",
            "compareVersions",
            "restoreVersion",
            "modifyCollaborator",
            "searchCollaborators",
            "deleteCollaborator");
    assertThat(document.get("components").get("schemas").propertyNames())
        .contains(
            "CreateCollaboratorDto",
            "ProjectCollaboratorDto",
            "PubSearchDtoProjectCollaboratorDto",
            "PubSearchResultDtoProjectCollaboratorDto",
            "CreateMilestoneDto",
            "UpdateMilestoneDto",
            "MilestoneMetadataDto",
            "MilestoneDto",
            "MilestoneComparisonDto",
            "PubSearchDtoMilestoneMetadataDto",
            "PubSearchResultDtoMilestoneMetadataDto");
  }

  @Test
  void listWhenBetaStyleGetThenMethodNotAllowedPointingToSearch() {
    Response response = api.get("/api/v1/milestones");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Method GET is not supported on /api/v1/milestones. To list these resources use"
                + " POST /api/v1/milestones/search.");
  }

  private static List<String> operationIds(JsonNode document) {
    List<String> ids = new ArrayList<>();
    document
        .get("paths")
        .forEach(
            path -> path.forEach(operation -> ids.add(operation.path("operationId").asString())));
    return ids;
  }
}
