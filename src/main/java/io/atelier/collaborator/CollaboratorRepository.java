package io.atelier.collaborator;

import io.atelier.project.Author;
import io.atelier.search.Search;
import io.atelier.search.SearchDefinition;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the {@code collaborator} table; reads the {@code project_collaborator} view, which adds
 * each user's current name and email.
 */
@Repository
class CollaboratorRepository {

  /**
   * ProjectCollaboratorDto's fields; sorting by role is not offered, as in Web Modeler. The email
   * filter compares with the lower-case key, so the service hands it in lower case.
   */
  static final SearchDefinition SEARCH =
      SearchDefinition.from("project_collaborator", "project_id, email_key, email, name, role")
          .text("name", "name")
          .text("email", "email_key")
          .uuid("projectId", "project_id")
          .keyword("role", "role", Arrays.stream(Role.values()).map(Enum::name).toList())
          .sortable("name", "email", "projectId")
          .defaultOrder("created", "project_id", "email_key")
          .build();

  private final JdbcClient jdbc;
  private final Search search;

  CollaboratorRepository(JdbcClient jdbc, Search search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  /** Adds the user to the project, or changes the role they have there. */
  void save(UUID projectId, String emailKey, Role role, Instant now) {
    int changed =
        jdbc.sql(
                "update collaborator set role = :role"
                    + " where project_id = :projectId and email_key = :key")
            .param("projectId", projectId)
            .param("key", emailKey)
            .param("role", role.name())
            .update();
    if (changed == 0) {
      jdbc.sql(
              "insert into collaborator (project_id, email_key, role, created)"
                  + " values (:projectId, :key, :role, :created)")
          .param("projectId", projectId)
          .param("key", emailKey)
          .param("role", role.name())
          .param("created", Author.utc(now))
          .update();
    }
  }

  boolean delete(UUID projectId, String emailKey) {
    return jdbc.sql("delete from collaborator where project_id = :projectId and email_key = :key")
            .param("projectId", projectId)
            .param("key", emailKey)
            .update()
        == 1;
  }

  SearchResult<Collaborator> search(SearchQuery query) {
    return search.run(SEARCH, query, CollaboratorRepository::read);
  }

  private static Collaborator read(ResultSet row, int number) throws SQLException {
    return new Collaborator(
        row.getString("name"),
        row.getString("email"),
        row.getObject("project_id", UUID.class),
        Role.valueOf(row.getString("role")));
  }
}
