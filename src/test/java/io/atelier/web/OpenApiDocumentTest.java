package io.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document is public and uses Web Modeler's schema names and operation ids. */
class OpenApiDocumentTest extends ApiTest {

  @Test
  void apiDocsWhenFetchedWithoutTokenThenDescribeTheContract() {
    Response docs = new Api(baseUrl(), null).get("/v3/api-docs");
    JsonNode document = docs.json();

    assertThat(docs.status()).isEqualTo(200);
    assertThat(names(document.get("components").get("schemas")))
        .contains(
            "InfoDto",
            "CreateProjectDto",
            "ProjectMetadataDto",
            "ProjectDto",
            "CreateFileDto",
            "UpdateFileDto",
            "FileMetadataDto",
            "FileDto",
            "CreateFolderDto",
            "FolderMetadataDto",
            "FolderDto",
            "PubSearchDtoFileMetadataDto",
            "PubSearchResultDtoFileMetadataDto",
            "PubSearchDtoProjectMetadataDto",
            "PubSearchResultDtoProjectMetadataDto")
        .doesNotContain("Caller");
    assertThat(operationIds(document.get("paths")))
        .contains(
            "getInfo",
            "createProject",
            "getProject",
            "updateProject",
            "deleteProject",
            "searchProjects",
            "createFile",
            "getFile",
            "patchFile",
            "deleteFile",
            "searchFiles",
            "createFolder",
            "getFolder",
            "patchFolder",
            "deleteFolder");
    assertThat(document.get("components").get("securitySchemes").get("Bearer").toString())
        .isEqualTo("{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}");
  }

  @Test
  void swaggerUiWhenRequestedThenRedirectsToThePage() {
    Response page = new Api(baseUrl(), null).get("/swagger-ui.html");

    assertThat(page.status()).isIn(200, 302);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  private static List<String> operationIds(JsonNode paths) {
    List<String> ids = new ArrayList<>();
    paths.forEach(
        path -> path.forEach(operation -> ids.add(operation.path("operationId").asString())));
    return ids;
  }
}
