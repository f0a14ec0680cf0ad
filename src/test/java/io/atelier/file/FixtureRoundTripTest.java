package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every real model file of {@code shared/fixtures/models} survives create, get, update and search
 * over real HTTP: byte for byte, except the fields Web Modeler rewrites in connector templates.
 */
class FixtureRoundTripTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.fixtures())) {
      List<String> names =
          files
              .map(path -> path.getFileName().toString())
              .filter(name -> name.matches(".*\\.(bpmn|dmn|form|json)$"))
              .sorted()
              .toList();
      assertThat(names).hasSize(13);
      return names.stream();
    }
  }

  private static String typeOf(String fileName) {
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
    return extension.equals("json") ? "connector_template" : extension;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void createThenGetWhenRealModelThenContentUnchanged(String fileName) {
    String projectId = TestFiles.project(api);
    String content = TestFiles.fixture(fileName);
    String name = fileName.substring(0, fileName.lastIndexOf('.'));

    Response created =
        api.post(
            "/api/v1/files",
            Api.json(
                "name",
                name,
                "projectId",
                projectId,
                "content",
                content,
                "fileType",
                typeOf(fileName)));
    String id = created.json().get("id").asString();
    Response file = api.get("/api/v1/files/" + id);

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(file.status()).isEqualTo(200);
    String stored = file.json().get("content").asString();
    if (typeOf(fileName).equals("connector_template")) {
      assertTemplateEquivalent(stored, content, id, name);
    } else {
      assertThat(stored).isEqualTo(content);
    }
  }

  private static void assertTemplateEquivalent(String stored, String sent, String id, String name) {
    ObjectNode storedJson = (ObjectNode) JSON.readTree(stored);
    ObjectNode sentJson = (ObjectNode) JSON.readTree(sent);
    assertThat(storedJson.get("id").asString()).isEqualTo(id);
    assertThat(storedJson.get("name").asString()).isEqualTo(name);
    assertThat(storedJson.get("$schema").asString()).isEqualTo(ConnectorTemplates.SCHEMA);
    assertThat(storedJson.get("version").asInt()).isEqualTo(1);
    for (String managed : List.of("id", "name", "$schema", "version")) {
      storedJson.remove(managed);
      sentJson.remove(managed);
    }
    assertThat(storedJson).isEqualTo(sentJson);
    assertThat(stored).contains("\n  \"properties\": [\n    {\n");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void updateWhenRealModelSentAgainThenRevisionIncrementsAndContentKept(String fileName) {
    String projectId = TestFiles.project(api);
    String content = TestFiles.fixture(fileName);
    String id =
        TestFiles.create(
                api,
                Api.json(
                    "name",
                    "v1",
                    "projectId",
                    projectId,
                    "content",
                    content,
                    "fileType",
                    typeOf(fileName)))
            .json()
            .get("id")
            .asString();
    String current = api.get("/api/v1/files/" + id).json().get("content").asString();

    Response updated =
        api.patch("/api/v1/files/" + id, Api.json("name", "v2", "content", current, "revision", 1));

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("revision").asInt()).isEqualTo(2);
    String stored = api.get("/api/v1/files/" + id).json().get("content").asString();
    if (typeOf(fileName).equals("connector_template")) {
      assertThat(JSON.readTree(stored).get("version").asInt()).isEqualTo(2);
      assertThat(JSON.readTree(stored).get("name").asString()).isEqualTo("v2");
    } else {
      assertThat(stored).isEqualTo(content);
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void searchWhenRealModelStoredThenFoundByProjectNameTypeAndDay(String fileName) {
    String projectId = TestFiles.project(api);
    String type = typeOf(fileName);
    JsonNode created =
        TestFiles.create(
                api,
                Api.json(
                    "name",
                    fileName,
                    "projectId",
                    projectId,
                    "content",
                    TestFiles.fixture(fileName),
                    "fileType",
                    type))
            .json();
    String day = created.get("created").asString() + "||/d";

    List<JsonNode> filters =
        List.of(
            JSON.valueToTree(Api.json("projectId", projectId)),
            JSON.valueToTree(Api.json("projectId", projectId, "name", fileName)),
            JSON.valueToTree(Api.json("projectId", projectId, "type", type)),
            JSON.valueToTree(Api.json("projectId", projectId, "created", day)),
            JSON.valueToTree(
                Api.json("name", fileName, "created", day, "type", type.toUpperCase())));
    for (JsonNode filter : filters) {
      Response found = api.post("/api/v1/files/search", Api.json("filter", filter, "size", 50));

      assertThat(found.status()).as(found.body()).isEqualTo(200);
      assertThat(found.json().get("items").valueStream()).as(filter.toString()).contains(created);
    }
  }
}
