package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid requests and small helpers the model-repository tests share; tests change one field. */
public final class TestFiles {

  public static final String BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" \
      targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process>
      </bpmn:definitions>
      """;

  public static final String DMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="D" \
      namespace="http://camunda.org/schema/1.0/dmn"/>
      """;

  public static final String FORM = "{\"components\":[],\"type\":\"default\"}";

  public static final String TEMPLATE =
      "{\"name\":\"T\",\"id\":\"x\",\"appliesTo\":[\"bpmn:Task\"],\"properties\":[]}";

  private TestFiles() {}

  /**
   * The shared model fixtures: {@code ATELIER_FIXTURES} if set, else {@code shared/} beside the
   * repository's clone, else the workplace's own copy (a clone made elsewhere, such as /tmp).
   */
  public static Path fixtures() {
    String configured = System.getenv("ATELIER_FIXTURES");
    List<Path> candidates =
        configured != null
            ? List.of(Path.of(configured))
            : List.of(
                Path.of(System.getProperty("user.dir")).resolve("../shared/fixtures/models"),
                Path.of("/work/shared/fixtures/models"));
    return candidates.stream()
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The model fixtures are not at "
                        + candidates
                        + ": clone beside shared/ or set ATELIER_FIXTURES"));
  }

  public static String fixture(String name) {
    try {
      return Files.readString(fixtures().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a project and returns its id. */
  public static String project(Api api) {
    Response response =
        api.post("/api/v1/projects", Api.json("name", "Project " + UUID.randomUUID()));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  /** Creates a folder (in a project's root when parentId is null) and returns its id. */
  public static String folder(Api api, String projectId, String parentId, String name) {
    Response response =
        api.post(
            "/api/v1/folders",
            Api.json("name", name, "projectId", projectId, "parentId", parentId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  /** A valid create request for a BPMN file at the root of a project. */
  public static Map<String, Object> bpmn(String projectId) {
    return Api.json("name", "Process", "projectId", projectId, "content", BPMN, "fileType", "bpmn");
  }

  /** Creates a file from a request and returns its metadata. */
  public static Response create(Api api, Map<String, Object> request) {
    Response response = api.post("/api/v1/files", request);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }

  /** The v1 problem body the API answers a refused request with. */
  public static String problem(int status, String title, String detail, String instance) {
    return Api.json(
            "type",
            "about:blank",
            "title",
            title,
            "status",
            status,
            "detail",
            detail,
            "instance",
            instance)
        .toString();
  }
}
