package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/files/search}: filters, sort, paging, and every refusal. */
class FileSearchEndToEndTest extends ApiTest {

  private static final String ALLOWED =
      "[id, name, projectId, folderId, revision, type, created, createdBy, updated, updatedBy]";

  private String projectId;

  @BeforeEach
  void threeFiles() {
    projectId = TestFiles.project(api);
    for (String name : List.of("b", "c", "a")) {
      Map<String, Object> request = TestFiles.bpmn(projectId);
      request.put("name", name);
      TestFiles.create(api, request);
    }
  }

  private Response search(Object... keysAndValues) {
    return api.post("/api/v1/files/search", Api.json(keysAndValues));
  }

  private static List<String> names(Response response) {
    return response.json().get("items").valueStream().map(i -> i.get("name").asString()).toList();
  }

  private Map<String, Object> inProject(Object... more) {
    Map<String, Object> filter = Api.json(more);
    filter.put("projectId", projectId);
    return filter;
  }

  @Test
  void searchWhenNoSortThenCreatedOrder() {
    Response response = search("filter", inProject());

    assertThat(response.status()).isEqualTo(200);
    assertThat(names(response)).containsExactly("b", "c", "a");
    assertThat(response.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void searchWhenFilesSitInDifferentFoldersThenEachCarriesItsOwnPath() {
    String top = TestFiles.folder(api, projectId, null, "Top");
    String left = TestFiles.folder(api, null, top, "Left");
    String deep = TestFiles.folder(api, null, left, "Deep");
    String right = TestFiles.folder(api, null, top, "Right");
    TestFiles.folder(api, projectId, null, "Unused");
    for (Map.Entry<String, String> placed :
        Map.of("d", deep, "l", left, "r", right, "t", top).entrySet()) {
      Map<String, Object> request = TestFiles.bpmn(projectId);
      request.put("name", placed.getKey());
      request.put("folderId", placed.getValue());
      assertThat(TestFiles.create(api, request).status()).isEqualTo(200);
    }

    Response response =
        search(
            "filter", inProject(), "sort", List.of(Api.json("field", "name", "direction", "ASC")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(
            response
                .json()
                .get("items")
                .valueStream()
                .map(i -> i.get("name").asString() + "=" + i.get("simplePath").asString())
                .toList())
        .containsExactly(
            "a=a.bpmn",
            "b=b.bpmn",
            "c=c.bpmn",
            "d=Top/Left/Deep/d.bpmn",
            "l=Top/Left/l.bpmn",
            "r=Top/Right/r.bpmn",
            "t=Top/t.bpmn");
    assertThat(response.json().get("items").get(3).get("canonicalPath").toString())
        .isEqualTo(
            "[{\"id\":\""
                + top
                + "\",\"name\":\"Top\"},{\"id\":\""
                + left
                + "\",\"name\":\"Left\"},{\"id\":\""
                + deep
                + "\",\"name\":\"Deep\"}]");
  }

  @Test
  void searchWhenSortedByNameDescThenThatOrder() {
    Response response =
        search(
            "filter", inProject(), "sort", List.of(Api.json("field", "name", "direction", "DESC")));

    assertThat(names(response)).containsExactly("c", "b", "a");
  }

  @Test
  void searchWhenSortedFieldTiesThenCreatedOrderInTheSortDirection() {
    Response ascending =
        search(
            "filter", inProject(), "sort", List.of(Api.json("field", "type", "direction", "ASC")));
    Response descending =
        search(
            "filter", inProject(), "sort", List.of(Api.json("field", "type", "direction", "DESC")));

    assertThat(names(ascending)).containsExactly("b", "c", "a");
    assertThat(names(descending)).containsExactly("a", "c", "b");
  }

  @Test
  void searchWhenPagingASortedSearchThenEveryFileOnce() {
    List<Map<String, Object>> byUpdated =
        List.of(Api.json("field", "updated", "direction", "DESC"));
    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      paged.addAll(
          names(search("filter", inProject(), "sort", byUpdated, "page", page, "size", 1)));
    }

    assertThat(paged).containsExactly("a", "c", "b");
  }

  @Test
  void searchWhenSortGivenAsSingleObjectThenAccepted() {
    Response response =
        search("filter", inProject(), "sort", Api.json("field", "name", "direction", "ASC"));

    assertThat(names(response)).containsExactly("a", "b", "c");
  }

  @Test
  void searchWhenPagedThenPageAndTotal() {
    Response second = search("filter", inProject(), "page", 1, "size", 2);
    Response past = search("filter", inProject(), "page", 5, "size", 2);
    Response countOnly = search("filter", inProject(), "size", 0);

    assertThat(names(second)).containsExactly("a");
    assertThat(second.json().get("total").asInt()).isEqualTo(3);
    assertThat(names(past)).isEmpty();
    assertThat(past.json().get("total").asInt()).isEqualTo(3);
    assertThat(names(countOnly)).isEmpty();
    assertThat(countOnly.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void searchWhenPageFarPastTheEndThenEmptyWithTotal() {
    Response response = search("filter", inProject(), "page", Integer.MAX_VALUE, "size", 50);

    assertThat(response.status()).isEqualTo(200);
    assertThat(names(response)).isEmpty();
    assertThat(response.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void searchWhenLastPageExactlyFullThenTotalStillCounted() {
    Response full = search("filter", inProject(), "page", 0, "size", 3);
    Response partial = search("filter", inProject(), "page", 1, "size", 2);

    assertThat(names(full)).hasSize(3);
    assertThat(full.json().get("total").asInt()).isEqualTo(3);
    assertThat(names(partial)).containsExactly("a");
    assertThat(partial.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void searchWhenFilteredByCreatorThenMatchesNameAndEmail() {
    Response byName = search("filter", inProject("createdBy", Api.json("name", "test-admin")));
    Response byOther = search("filter", inProject("createdBy", Api.json("name", "someone")));
    Response byNullEmail =
        search("filter", inProject("createdBy", Api.json("name", "test-admin", "email", null)));

    assertThat(byName.json().get("total").asInt()).isEqualTo(3);
    assertThat(byOther.json().get("total").asInt()).isZero();
    assertThat(byNullEmail.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void searchWhenDateComparedThenPrefixesApply() {
    String now = Instant.now().toString();
    String longAgo = Instant.now().minus(400, ChronoUnit.DAYS).toString();

    assertThat(search("filter", inProject("created", "<=" + now)).json().get("total").asInt())
        .isEqualTo(3);
    assertThat(search("filter", inProject("created", "<" + longAgo)).json().get("total").asInt())
        .isZero();
    assertThat(
            search("filter", inProject("created", ">=" + now + "||/y")).json().get("total").asInt())
        .isEqualTo(3);
    assertThat(search("filter", inProject("updated", longAgo + "||/d")).json().get("total").asInt())
        .isZero();
  }

  @Test
  void searchWhenExactCreatedThenOnlyThatFile() {
    JsonNode first = search("filter", inProject()).json().get("items").get(0);

    Response response = search("filter", inProject("created", first.get("created").asString()));

    assertThat(names(response)).containsExactly(first.get("name").asString());
  }

  @Test
  void searchWhenGeneratedClientSendsNullFieldsThenIgnored() {
    Response response =
        search(
            "filter",
            inProject("simplePath", null, "canonicalPath", null, "folderId", null),
            "sort",
            null,
            "page",
            null,
            "size",
            null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("total").asInt()).isEqualTo(3);
  }

  @Test
  void searchWhenSizeOver50ThenBadRequest() {
    Response response = search("size", 51);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [size: 'must be less than or equal to 50'].");
  }

  @Test
  void searchWhenPageNegativeThenBadRequest() {
    Response response = search("page", -1);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [page: 'must be greater than or equal to 0'].");
  }

  @Test
  void searchWhenSortBySimplePathThenBadRequestListingAllowed() {
    Response response =
        search("sort", List.of(Api.json("field", "simplePath", "direction", "ASC")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Sort field 'simplePath' is not one of " + ALLOWED + ".");
  }

  @Test
  void searchWhenSortFieldUnknownThenBadRequestListingAllowed() {
    Response response = search("sort", List.of(Api.json("field", "color", "direction", "ASC")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Sort field 'color' is not one of " + ALLOWED + ".");
  }

  @Test
  void searchWhenSortDirectionUnknownThenBadRequest() {
    Response response = search("sort", List.of(Api.json("field", "name", "direction", "UP")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [sort[0].direction: 'must be one of [ASC, DESC]'].");
  }

  @Test
  void searchWhenFilterFieldUnknownThenBadRequestListingAllowed() {
    Response response = search("filter", Api.json("color", "red"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Filter field 'color' is not one of " + ALLOWED + ".");
  }

  @Test
  void searchWhenFilterValuesMalformedThenBadRequestNamingField() {
    Map<String, String> expected =
        Map.of(
            "projectId", "must be a UUID",
            "created", "must be a date-time such as",
            "updated", "must be a date-time such as",
            "type", "must be one of [BPMN, DMN, FORM, CONNECTOR_TEMPLATE]");
    Map<String, Object> values =
        Map.of(
            "projectId", "x",
            "created", "today",
            "updated", "+999999999-12-31T00:00:00Z||/d",
            "type", "cmmn");
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      Response response = search("filter", Api.json(entry.getKey(), entry.getValue()));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("detail").asString())
          .startsWith(
              "Request validation failed with the following errors: [filter."
                  + entry.getKey()
                  + ": '"
                  + expected.get(entry.getKey()));
    }
  }

  @Test
  void searchWhenUserFilterFieldUnknownThenBadRequest() {
    Response response = search("filter", Api.json("createdBy", Api.json("phone", "1")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Filter field 'createdBy.phone' is not one of" + " [createdBy.name, createdBy.email].");
  }

  @Test
  void searchWhenFilterHasSqlThenTreatedAsValue() {
    Response response = search("filter", inProject("name", "a' or '1'='1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("total").asInt()).isZero();
  }
}
