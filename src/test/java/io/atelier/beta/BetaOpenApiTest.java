package io.atelier.beta;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists beta beside v1 without either disturbing the other: v1's schema names
 * and operationIds stay the contract's, beta's are distinct and carry beta's shapes.
 */
class BetaOpenApiTest extends ApiTest {

  private JsonNode document;

  @BeforeEach
  void readDocument() {
    Response response = api.as(null).get("/v3/api-docs");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    document = response.json();
  }

  @Test
  void operationIdsWhenBetaAndV1ListedThenUniqueAndBetaOnesNamedSo() {
    List<String> beta = new ArrayList<>();
    List<String> all = new ArrayList<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .forEach(
                        operation -> {
                          String id = operation.get("operationId").asString();
                          all.add(id);
                          if (path.getKey().startsWith("/api/beta/")) {
                            beta.add(id);
                          }
                        }));

    assertThat(all).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+$"));
    assertThat(beta).allMatch(id -> id.toLowerCase().contains("beta"));
    assertThat(beta)
        .contains(
            "betaListProjects",
            "betaCreateProject",
            "betaGetProject",
            "betaUpdateProject",
            "betaDeleteProject",
            "betaListProjectFiles",
            "betaCreateFile",
            "betaGetFile",
            "betaPatchFile",
            "betaDeleteFile",
            "betaCreateFolder",
            "betaGetFolder",
            "betaPatchFolder",
            "betaDeleteFolder",
            "betaCreateMilestone",
            "betaGetMilestone",
            "betaDeleteMilestone",
            "betaListFileMilestones");
    assertThat(all).contains("createProject", "getFile", "patchFile", "searchFiles");
  }

  @Test
  void schemasWhenBetaShapesDifferThenV1NamesKeepV1Shapes() {
    JsonNode schemas = document.get("components").get("schemas");

    assertThat(properties(schemas, "UserDto")).containsExactly("name", "email");
    assertThat(properties(schemas, "BetaUserDto")).containsExactly("id", "name");
    assertThat(properties(schemas, "CreateFileDto"))
        .contains("folderId")
        .doesNotContain("parentId");
    assertThat(properties(schemas, "BetaCreateFileDto"))
        .contains("parentId")
        .doesNotContain("folderId");
    assertThat(properties(schemas, "UpdateFileDto"))
        .contains("folderId")
        .doesNotContain("parentId");
    assertThat(properties(schemas, "BetaUpdateFileDto"))
        .contains("parentId")
        .doesNotContain("folderId");
    assertThat(
            schemas
                .get("FileMetadataDto")
                .get("properties")
                .get("createdBy")
                .get("$ref")
                .asString())
        .isEqualTo("#/components/schemas/UserDto");
    assertThat(
            schemas
                .get("BetaFileMetadataDto")
                .get("properties")
                .get("createdBy")
                .get("$ref")
                .asString())
        .isEqualTo("#/components/schemas/BetaUserDto");
    assertThat(schemas.has("ProjectMetadataDto")).isTrue();
    assertThat(schemas.has("MilestoneMetadataDto")).isTrue();
  }

  @Test
  void listEndpointsWhenDocumentedThenAnswerArraysOfBetaMetadata() {
    assertThat(arrayItemRef("/api/beta/projects"))
        .isEqualTo("#/components/schemas/BetaProjectMetadataDto");
    assertThat(arrayItemRef("/api/beta/projects/{projectId}/files"))
        .isEqualTo("#/components/schemas/BetaFileMetadataDto");
    assertThat(arrayItemRef("/api/beta/files/{fileId}/milestones"))
        .isEqualTo("#/components/schemas/BetaMilestoneMetadataDto");
  }

  private String arrayItemRef(String path) {
    JsonNode schema =
        document
            .get("paths")
            .get(path)
            .get("get")
            .get("responses")
            .get("200")
            .get("content")
            .properties()
            .iterator()
            .next()
            .getValue()
            .get("schema");
    assertThat(schema.get("type").asString()).isEqualTo("array");
    return schema.get("items").get("$ref").asString();
  }

  private static List<String> properties(JsonNode schemas, String name) {
    assertThat(schemas.has(name)).as(name).isTrue();
    List<String> names = new ArrayList<>();
    schemas.get(name).get("properties").propertyNames().forEach(names::add);
    return names;
  }
}
