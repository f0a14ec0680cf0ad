package io.atelier.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document names operations and schemas as Web Modeler's does. */
class ModelOpenApiTest extends ApiTest {

  @Test
  void apiDocsWhenReadThenContractSchemaNamesAndOperationIds() {
    Response docs = api.as(null).get("/v3/api-docs");

    JsonNode document = docs.json();
    assertThat(docs.status()).isEqualTo(200);
    assertThat(document.get("components").get("schemas").propertyNames())
        .contains(
            "CreateProjectDto",
            "UpdateProjectDto",
            "ProjectMetadataDto",
            "ProjectDto",
            "ProjectContent",
            "PubSearchDtoProjectMetadataDto",
            "PubSearchResultDtoProjectMetadataDto",
            "CreateFolderDto",
            "UpdateFolderDto",
            "FolderMetadataDto",
            "FolderContentDto",
            "FolderDto",
            "CreateFileDto",
            "UpdateFileDto",
            "FileMetadataDto",
            "FileDto",
            "PathElementDto",
            "UserDto",
            "SortDto",
            "PubSearchDtoFileMetadataDto",
            "PubSearchResultDtoFileMetadataDto");
    List<String> operationIds =
        document
            .get("paths")
            .valueStream()
            .flatMap(path -> path.valueStream())
            .filter(operation -> operation.has("operationId"))
            .map(operation -> operation.get("operationId").asString())
            .toList();
    assertThat(operationIds)
        .contains(
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
    assertThat(document.get("paths").toString()).doesNotContain("\"caller\"");
    JsonNode filter =
        document
            .get("components")
            .get("schemas")
            .get("PubSearchDtoFileMetadataDto")
            .get("properties")
            .get("filter");
    assertThat(filter.toString()).contains("FileMetadataDto");
  }
}
