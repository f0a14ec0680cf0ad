package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The content rules: what bpmn, dmn, form and connector-template content must be. */
class FileContentEndToEndTest extends ApiTest {

  private static final String PREFIX = "Request validation failed with the following errors: [";

  private String projectId;

  @BeforeEach
  void project() {
    projectId = TestFiles.project(api);
  }

  private Response create(String fileType, String content) {
    return api.post(
        "/api/v1/files",
        Api.json("name", "m", "projectId", projectId, "content", content, "fileType", fileType));
  }

  private String detail(Response response) {
    return response.json().get("detail").asString();
  }

  private void assertNothingStored() {
    assertThat(api.get("/api/v1/projects/" + projectId).json().get("content").get("files").size())
        .isZero();
  }

  @Test
  void createWhenXmlNotWellFormedThenBadRequestWithLineAndColumn() {
    Response response =
        create("bpmn", "<definitions xmlns=\"" + XmlContent.BPMN_NAMESPACE + "\">\n<a></b>");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .startsWith(PREFIX + "content: 'is not well-formed XML at line 2, column ");
    assertNothingStored();
  }

  @Test
  void createWhenPrefixUndeclaredThenBadRequest() {
    Response response =
        create(
            "bpmn",
            "<bpmn:definitions xmlns:bpmn=\""
                + XmlContent.BPMN_NAMESPACE
                + "\"><zeebe:x/></bpmn:definitions>");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .startsWith(PREFIX + "content: 'is not well-formed XML at line 1, column ")
        .contains("zeebe");
    assertNothingStored();
  }

  @Test
  void createWhenDoctypeWithEntityExpansionThenBadRequest() {
    String bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
            + "<definitions xmlns=\""
            + XmlContent.BPMN_NAMESPACE
            + "\">&c;</definitions>";

    Response response = create("bpmn", bomb);

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .startsWith(PREFIX + "content: 'is not well-formed XML at line 2, column ")
        .contains("DOCTYPE is disallowed");
    assertNothingStored();
  }

  @Test
  void createWhenExternalEntityThenBadRequestAndNothingFetched() throws IOException {
    try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + trap.getLocalPort() + "/secret";
      String xxe =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \""
              + url
              + "\">]>\n<definitions xmlns=\""
              + XmlContent.BPMN_NAMESPACE
              + "\">&x;</definitions>";

      Response response = create("bpmn", xxe);

      assertThat(response.status()).isEqualTo(400);
      assertThat(detail(response)).contains("DOCTYPE is disallowed");
      assertThat(connectionArrives(trap)).isFalse();
    }
    assertNothingStored();
  }

  @Test
  void createWhenExternalDtdThenBadRequestAndNothingFetched() throws IOException {
    try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String dtd =
          "<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:"
              + trap.getLocalPort()
              + "/x.dtd\">\n<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>";

      Response response = create("dmn", dtd);

      assertThat(response.status()).isEqualTo(400);
      assertThat(connectionArrives(trap)).isFalse();
    }
  }

  private static boolean connectionArrives(ServerSocket trap) throws IOException {
    trap.setSoTimeout(500);
    try (Socket ignored = trap.accept()) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Test
  void createWhenRootIsNotBpmnDefinitionsThenBadRequest() {
    Response response = create("bpmn", TestFiles.DMN);

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .isEqualTo(
            PREFIX
                + "content: 'must have the root element definitions in the BPMN 2.0 namespace"
                + " http://www.omg.org/spec/BPMN/20100524/MODEL, but has"
                + " {https://www.omg.org/spec/DMN/20191111/MODEL/}definitions'].");
    assertNothingStored();
  }

  @Test
  void createWhenDmnRootIsBpmnThenBadRequest() {
    Response response = create("dmn", TestFiles.BPMN);

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .isEqualTo(
            PREFIX
                + "content: 'must have the root element definitions in a DMN namespace such as"
                + " https://www.omg.org/spec/DMN/20191111/MODEL/, but has"
                + " {http://www.omg.org/spec/BPMN/20100524/MODEL}definitions'].");
  }

  @Test
  void createWhenBpmnPrefixBoundToOtherNamespaceThenBadRequest() {
    Response response =
        create("bpmn", "<bpmn:definitions xmlns:bpmn=\"http://example.com/not-bpmn\"/>");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response)).contains("but has {http://example.com/not-bpmn}definitions");
  }

  @Test
  void createWhenContentHasUnpairedSurrogateThenBadRequest() {
    Response response =
        api.post(
            "/api/v1/files",
            "{\"name\":\"m\",\"projectId\":\""
                + projectId
                + "\",\"fileType\":\"form\",\"content\":\"{\\\"a\\\":\\\"\\ud800\\\"}\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .isEqualTo(
            PREFIX + "content: 'must not contain an unpaired UTF-16 surrogate (at index 6)'].");
    assertNothingStored();
  }

  @Test
  void createWhenFormIsArrayThenBadRequest() {
    Response response = create("form", "[1, 2]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .isEqualTo(PREFIX + "content: 'must be a JSON object, but is an array'].");
    assertNothingStored();
  }

  @Test
  void createWhenFormIsNotJsonThenBadRequestWithLineAndColumn() {
    Response response = create("form", "{\n  \"components\": [,]\n}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .startsWith(PREFIX + "content: 'is not valid JSON at line 2, column ");
    assertNothingStored();
  }

  @Test
  void createWhenFormHasTrailingGarbageThenBadRequest() {
    Response response = create("form", "{} {}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response)).startsWith(PREFIX + "content: 'is not valid JSON at line 1");
  }

  @Test
  void createWhenTemplateIsNotObjectThenBadRequest() {
    Response response = create("connector_template", "\"text\"");

    assertThat(response.status()).isEqualTo(400);
    assertThat(detail(response))
        .isEqualTo(PREFIX + "content: 'must be a JSON object, but is a string'].");
  }

  @Test
  void createWhenTemplateThenSchemaIdNameAndVersionManaged() {
    Response created =
        api.post(
            "/api/v1/files",
            Api.json(
                "name",
                "My Connector",
                "projectId",
                projectId,
                "content",
                TestFiles.TEMPLATE,
                "fileType",
                "connector_template"));
    String id = created.json().get("id").asString();

    String content = api.get("/api/v1/files/" + id).json().get("content").asString();

    assertThat(created.json().get("type").asString()).isEqualTo("CONNECTOR_TEMPLATE");
    assertThat(created.json().get("simplePath").asString()).isEqualTo("My Connector.json");
    assertThat(content)
        .isEqualTo(
            """
            {
              "$schema": "%s",
              "name": "My Connector",
              "id": "%s",
              "appliesTo": [
                "bpmn:Task"
              ],
              "properties": [],
              "version": 1
            }"""
                .formatted(ConnectorTemplates.SCHEMA, id));
  }

  @Test
  void updateWhenTemplateContentChangesThenVersionBumpedAndNameKept() {
    String id = template();
    ObjectNode changed = (ObjectNode) JsonMapper.builder().build().readTree(TestFiles.TEMPLATE);
    changed.remove("id");
    changed.put("name", "Ignored");
    changed.put("description", "new");

    Response updated =
        api.patch("/api/v1/files/" + id, Api.json("content", changed.toString(), "revision", 1));

    JsonNode content = storedTemplate(id);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(content.get("version").asInt()).isEqualTo(2);
    assertThat(content.get("name").asString()).isEqualTo("T1");
    assertThat(content.get("id").asString()).isEqualTo(id);
    assertThat(content.get("description").asString()).isEqualTo("new");
  }

  @Test
  void updateWhenTemplateRenamedThenContentNameFollows() {
    String id = template();

    api.patch("/api/v1/files/" + id, Api.json("name", "Renamed", "revision", 1));

    JsonNode content = storedTemplate(id);
    assertThat(content.get("name").asString()).isEqualTo("Renamed");
    assertThat(content.get("version").asInt()).isEqualTo(1);
  }

  @Test
  void updateWhenTemplateIdChangedThenForbiddenAndKept() {
    String id = template();
    String before = api.get("/api/v1/files/" + id).json().get("content").asString();

    Response response =
        api.patch("/api/v1/files/" + id, Api.json("content", TestFiles.TEMPLATE, "revision", 1));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().toString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
                + "\"Operation not allowed.\",\"instance\":\"/api/v1/files/"
                + id
                + "\"}");
    JsonNode file = api.get("/api/v1/files/" + id).json();
    assertThat(file.get("content").asString()).isEqualTo(before);
    assertThat(file.get("metadata").get("revision").asInt()).isEqualTo(1);
  }

  @Test
  void updateWhenTemplateSchemaChangedThenForbidden() {
    String id = template();

    Response response =
        api.patch(
            "/api/v1/files/" + id,
            Api.json("content", "{\"$schema\":\"http://example.com/s.json\"}", "revision", 1));

    assertThat(response.status()).isEqualTo(403);
    assertThat(detail(response)).isEqualTo("Operation not allowed.");
  }

  private String template() {
    return TestFiles.create(
            api,
            Map.of(
                "name",
                "T1",
                "projectId",
                projectId,
                "content",
                TestFiles.TEMPLATE,
                "fileType",
                "connector_template"))
        .json()
        .get("id")
        .asString();
  }

  private JsonNode storedTemplate(String id) {
    String content = api.get("/api/v1/files/" + id).json().get("content").asString();
    return JsonMapper.builder().build().readTree(content);
  }
}
