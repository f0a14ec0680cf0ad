package io.atelier.collaborator;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.ForgedTokens;
import io.atelier.support.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Collaborators over real HTTP: users become known by calling with a user token or by being
 * declared; adding, changing, searching and removing them, and every refusal with nothing changed.
 */
@TestPropertySource(
    properties = {
      "atelier.identity.users[0].email=" + CollaboratorEndToEndTest.DECLARED,
      "atelier.identity.users[0].name=Declared Person",
      "atelier.identity.users[0].password=secret"
    })
class CollaboratorEndToEndTest extends ApiTest {

  static final String DECLARED = "declared.person@example.org";
  private static final String UNKNOWN = "7b0c9d0e-1111-4222-8333-944445555666";
  private static final String ROLES =
      "Request validation failed with the following errors:"
          + " [role: 'must be one of [project_admin, editor, viewer, commenter]'].";

  @Autowired JdbcClient jdbc;

  private ForgedTokens forge;

  @BeforeEach
  void forger() {
    forge = ForgedTokens.withIssuerKeyFrom(jdbc);
  }

  @Test
  void putWhenUserHasCalledThenAddedAndFoundBySearch() {
    String projectId = TestFiles.project(api);
    String email = knownUser("Ada Lovelace");

    Response put = api.put("/api/v1/collaborators", collaborator(email, projectId, "editor"));

    assertThat(put.status()).as(put.body()).isEqualTo(204);
    assertThat(put.body()).isEmpty();
    assertThat(collaboratorsOf(projectId).toString())
        .isEqualTo(
            "{\"items\":[{\"name\":\"Ada Lovelace\",\"email\":\""
                + email
                + "\",\"projectId\":\""
                + projectId
                + "\",\"role\":\"editor\"}],\"total\":1}");
  }

  @Test
  void putWhenAlreadyCollaboratorThenRoleChanged() {
    String projectId = TestFiles.project(api);
    String email = knownUser("Grace Hopper");
    api.put("/api/v1/collaborators", collaborator(email, projectId, "viewer"));

    Response put =
        api.put("/api/v1/collaborators", collaborator(email, projectId, "project_admin"));

    assertThat(put.status()).isEqualTo(204);
    JsonNode result = collaboratorsOf(projectId);
    assertThat(result.get("total").asInt()).isEqualTo(1);
    assertThat(result.get("items").get(0).get("role").asString()).isEqualTo("project_admin");
  }

  @Test
  void putWhenEmailInOtherLetterCaseThenSameUser() {
    String projectId = TestFiles.project(api);
    String email = knownUser("Case Person");

    Response put =
        api.put("/api/v1/collaborators", collaborator(email.toUpperCase(), projectId, "viewer"));

    assertThat(put.status()).isEqualTo(204);
    assertThat(collaboratorsOf(projectId).get("items").get(0).get("email").asString())
        .isEqualTo(email);
  }

  @Test
  void putWhenUserDeclaredButNeverCalledThenAdded() {
    String projectId = TestFiles.project(api);

    Response put = api.put("/api/v1/collaborators", collaborator(DECLARED, projectId, "commenter"));

    assertThat(put.status()).as(put.body()).isEqualTo(204);
    assertThat(collaboratorsOf(projectId).get("items").get(0).get("name").asString())
        .isEqualTo("Declared Person");
  }

  @Test
  void putWhenKnownEmailArrivesWithNewSubjectThenUpdatedNotRefused() {
    String projectId = TestFiles.project(api);
    String email = knownUser("Old Name");
    api.put("/api/v1/collaborators", collaborator(email, projectId, "editor"));

    Response call = userCall("sub-" + UUID.randomUUID(), email, "New Name");

    assertThat(call.status()).isEqualTo(200);
    assertThat(collaboratorsOf(projectId).get("items").get(0).get("name").asString())
        .isEqualTo("New Name");
    assertThat(
            jdbc.sql("select count(*) from known_user where email_key = :key")
                .param("key", email)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void callsWhenNewUserSendsManyAtOnceThenAllAnsweredAndOneUserRecorded() throws Exception {
    String email = "racer-" + UUID.randomUUID() + "@example.org";
    String token =
        forge.signed(claims -> claims.subject("racer").claim("email", email).claim("name", "R"));

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<Response>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(pool.submit(() -> api.as(token).get("/api/v1/info")));
      }
      for (Future<Response> call : calls) {
        statuses.add(call.get().status());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses).containsOnly(200);
    assertThat(
            jdbc.sql("select count(*) from known_user where email_key = :key")
                .param("key", email)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void putWhenRoleUnknownThenBadRequestListingTheFourAndNothingAdded() {
    String projectId = TestFiles.project(api);
    String email = knownUser("Role Person");

    for (String role : List.of("owner", "EDITOR", "editors", "project_admin|editor", "")) {
      Response response = api.put("/api/v1/collaborators", collaborator(email, projectId, role));

      assertThat(response.status()).as(role).isEqualTo(400);
      assertThat(response.json().toString())
          .as(role)
          .isEqualTo(Problems.badRequest(ROLES, "/api/v1/collaborators"));
    }
    assertThat(collaboratorsOf(projectId).get("total").asInt()).isZero();
  }

  @Test
  void putWhenRoleMissingThenBadRequestListingTheFour() {
    String projectId = TestFiles.project(api);

    Response response =
        api.put("/api/v1/collaborators", Api.json("email", knownUser("R"), "projectId", projectId));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).isEqualTo(ROLES);
  }

  @Test
  void putWhenEmailInvalidThenBadRequestAndNothingAdded() {
    String projectId = TestFiles.project(api);

    for (String email : List.of("not-an-email", "a@b@c", "@example.org", "a b@c.d", "")) {
      Response response =
          api.put("/api/v1/collaborators", collaborator(email, projectId, "editor"));

      assertThat(response.status()).as(email).isEqualTo(400);
      assertThat(response.json().toString())
          .as(email)
          .isEqualTo(
              Problems.badRequest(
                  "Request validation failed with the following errors:"
                      + " [email: 'must be a well-formed email address'].",
                  "/api/v1/collaborators"));
    }
    assertThat(collaboratorsOf(projectId).get("total").asInt()).isZero();
  }

  @Test
  void putWhenProjectUnknownThenNotFound() {
    Response response =
        api.put("/api/v1/collaborators", collaborator(knownUser("P"), UNKNOWN, "editor"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.notFound("Project " + UNKNOWN + " not found.", "/api/v1/collaborators"));
    assertThat(collaboratorsOf(UNKNOWN).get("total").asInt()).isZero();
  }

  @Test
  void putWhenProjectIdMalformedThenBadRequest() {
    Response response =
        api.put("/api/v1/collaborators", collaborator(knownUser("P"), "nope", "editor"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors: [projectId: 'must be a UUID'].");
  }

  @Test
  void putWhenUserUnknownThenNotFoundSayingHowUsersBecomeKnown() {
    String projectId = TestFiles.project(api);
    String email = "stranger-" + UUID.randomUUID() + "@example.org";

    Response response = api.put("/api/v1/collaborators", collaborator(email, projectId, "editor"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.notFound(
                "User "
                    + email
                    + " is not known to Atelier. A user becomes known by calling Atelier once"
                    + " with a user token, or by being declared in atelier.identity.users.",
                "/api/v1/collaborators"));
    assertThat(collaboratorsOf(projectId).get("total").asInt()).isZero();
  }

  @Test
  void deleteWhenEmailRawOrPercentEncodedThenRemoved() {
    String projectId = TestFiles.project(api);
    String raw = knownUser("Raw");
    String encoded = knownUser("Encoded");
    api.put("/api/v1/collaborators", collaborator(raw, projectId, "editor"));
    api.put("/api/v1/collaborators", collaborator(encoded, projectId, "viewer"));

    Response rawDelete = api.delete("/api/v1/projects/" + projectId + "/collaborators/" + raw);
    Response encodedDelete =
        api.delete(
            "/api/v1/projects/" + projectId + "/collaborators/" + encoded.replace("@", "%40"));

    assertThat(rawDelete.status()).as(rawDelete.body()).isEqualTo(204);
    assertThat(encodedDelete.status()).as(encodedDelete.body()).isEqualTo(204);
    assertThat(collaboratorsOf(projectId).get("total").asInt()).isZero();
  }

  @Test
  void deleteWhenNotACollaboratorThenNotFoundAndOthersKept() {
    String projectId = TestFiles.project(api);
    String member = knownUser("Member");
    String outsider = knownUser("Outsider");
    api.put("/api/v1/collaborators", collaborator(member, projectId, "editor"));

    Response response = api.delete("/api/v1/projects/" + projectId + "/collaborators/" + outsider);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.notFound(
                "User " + outsider + " is not a collaborator of project " + projectId + ".",
                "/api/v1/projects/" + projectId + "/collaborators/" + outsider));
    assertThat(collaboratorsOf(projectId).get("total").asInt()).isEqualTo(1);
  }

  @Test
  void deleteWhenProjectUnknownThenNotFound() {
    Response response =
        api.delete("/api/v1/projects/" + UNKNOWN + "/collaborators/someone@example.org");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("detail").asString())
        .isEqualTo("Project " + UNKNOWN + " not found.");
  }

  @Test
  void searchWhenSortedByRoleThenBadRequestListingSortableFields() {
    Response response =
        api.post(
            "/api/v1/collaborators/search",
            Map.of("sort", List.of(Map.of("field", "role", "direction", "ASC"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().toString())
        .isEqualTo(
            Problems.badRequest(
                "Sort field 'role' is not one of [name, email, projectId].",
                "/api/v1/collaborators/search"));
  }

  @Test
  void searchWhenFilteredByRoleAndSortedByNameThenThoseInOrder() {
    String projectId = TestFiles.project(api);
    String bea = knownUser("Bea");
    String abe = knownUser("Abe");
    String cid = knownUser("Cid");
    api.put("/api/v1/collaborators", collaborator(bea, projectId, "editor"));
    api.put("/api/v1/collaborators", collaborator(abe, projectId, "editor"));
    api.put("/api/v1/collaborators", collaborator(cid, projectId, "viewer"));

    Response response =
        api.post(
            "/api/v1/collaborators/search",
            Map.of(
                "filter",
                Map.of("projectId", projectId, "role", "editor"),
                "sort",
                Map.of("field", "name", "direction", "DESC")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("total").asInt()).isEqualTo(2);
    assertThat(response.json().get("items").valueStream().map(i -> i.get("email").asString()))
        .containsExactly(bea, abe);
  }

  @Test
  void searchWhenRoleFilterUnknownThenBadRequestListingTheFour() {
    Response response =
        api.post("/api/v1/collaborators/search", Map.of("filter", Map.of("role", "owner")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString())
        .isEqualTo(
            "Request validation failed with the following errors:"
                + " [filter.role: 'must be one of [project_admin, editor, viewer, commenter]'].");
  }

  @Test
  void searchWhenFilteredByEmailInOtherCaseAndNameThenOnlyThatUser() {
    String projectId = TestFiles.project(api);
    String email = knownUser("Only Me");
    api.put("/api/v1/collaborators", collaborator(email, projectId, "viewer"));
    api.put("/api/v1/collaborators", collaborator(knownUser("Not Me"), projectId, "viewer"));

    Response response =
        api.post(
            "/api/v1/collaborators/search",
            Map.of("filter", Map.of("email", email.toUpperCase(), "name", "Only Me")));

    assertThat(response.json().get("total").asInt()).isEqualTo(1);
    assertThat(response.json().get("items").get(0).get("projectId").asString())
        .isEqualTo(projectId);
  }

  @Test
  void deleteProjectWhenItHasCollaboratorsThenTheyGoWithIt() {
    String projectId = TestFiles.project(api);
    api.put("/api/v1/collaborators", collaborator(knownUser("Gone"), projectId, "editor"));

    Response deleted = api.delete("/api/v1/projects/" + projectId);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(collaboratorsOf(projectId).get("total").asInt()).isZero();
  }

  @Test
  void callWhenClientTokenThenNoUserRecorded() {
    int before = jdbc.sql("select count(*) from known_user").query(Integer.class).single();

    api.get("/api/v1/info");

    assertThat(jdbc.sql("select count(*) from known_user").query(Integer.class).single())
        .isEqualTo(before);
  }

  /** Makes a new user known by calling Atelier with their token; returns their email. */
  private String knownUser(String name) {
    String email = "user-" + UUID.randomUUID() + "@example.org";
    Response call = userCall("sub-" + UUID.randomUUID(), email, name);
    assertThat(call.status()).as(call.body()).isEqualTo(200);
    return email;
  }

  private Response userCall(String subject, String email, String name) {
    String token =
        forge.signed(claims -> claims.subject(subject).claim("email", email).claim("name", name));
    return api.as(token).get("/api/v1/info");
  }

  private static Map<String, Object> collaborator(String email, String projectId, String role) {
    return Api.json("email", email, "projectId", projectId, "role", role);
  }

  private JsonNode collaboratorsOf(String projectId) {
    Response response =
        api.post("/api/v1/collaborators/search", Map.of("filter", Map.of("projectId", projectId)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }
}
