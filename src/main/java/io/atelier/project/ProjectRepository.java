package io.atelier.project;

import io.atelier.search.Search;
import io.atelier.search.SearchDefinition;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code project} table. */
@Repository
class ProjectRepository {

  private static final String COLUMNS =
      "id, name, created, created_by_id, created_by_name, created_by_email,"
          + " updated, updated_by_id, updated_by_name, updated_by_email";

  static final SearchDefinition SEARCH =
      SearchDefinition.from("project", COLUMNS)
          .uuid("id", "id")
          .text("name", "name")
          .date("created", "created")
          .user("createdBy", "created_by")
          .date("updated", "updated")
          .user("updatedBy", "updated_by")
          .sortable("id", "name", "created", "createdBy", "updated", "updatedBy")
          .defaultOrder("created", "id")
          .key("id")
          .build();

  private final JdbcClient jdbc;
  private final Search search;
  private final String sharedLock;

  ProjectRepository(JdbcClient jdbc, Search search, Environment environment) {
    this.jdbc = jdbc;
    this.search = search;
    boolean postgres =
        environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
    this.sharedLock = postgres ? "for share" : "for update";
  }

  void insert(Project project) {
    jdbc.sql(
            "insert into project ("
                + COLUMNS
                + ") values (:id, :name, :created, :createdById, :createdByName,"
                + " :createdByEmail, :updated, :updatedById, :updatedByName, :updatedByEmail)")
        .param("id", project.id())
        .param("name", project.name())
        .params(
            Author.auditParameters(
                project.created(), project.createdBy(), project.updated(), project.updatedBy()))
        .update();
  }

  Optional<Project> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from project where id = :id")
        .param("id", id)
        .query(ProjectRepository::read)
        .optional();
  }

  /** Locks the project's row until the transaction ends; false when there is no such project. */
  boolean lock(UUID id, ProjectLock mode) {
    String lock = mode == ProjectLock.SHARED ? sharedLock : "for update";
    return jdbc.sql("select id from project where id = :id " + lock)
        .param("id", id)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  void rename(UUID id, String name, Instant updated, Author updatedBy) {
    jdbc.sql(
            "update project set name = :name, updated = :updated, updated_by_id = :byId,"
                + " updated_by_name = :byName, updated_by_email = :byEmail where id = :id")
        .param("id", id)
        .param("name", name)
        .param("updated", Author.utc(updated))
        .param("byId", updatedBy.id())
        .param("byName", updatedBy.name())
        .param("byEmail", updatedBy.email())
        .update();
  }

  /** Deletes the project; its folders and files go with it (foreign keys cascade). */
  void delete(UUID id) {
    jdbc.sql("delete from project where id = :id").param("id", id).update();
  }

  int countFiles(UUID id) {
    return jdbc.sql("select count(*) from model_file where project_id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  SearchResult<Project> search(SearchQuery query) {
    return search.run(SEARCH, query, (row, number) -> read(row, number));
  }

  private static Project read(ResultSet row, int number) throws SQLException {
    return new Project(
        row.getObject("id", UUID.class),
        row.getString("name"),
        Author.readInstant(row, "created"),
        Author.read(row, "created_by"),
        Author.readInstant(row, "updated"),
        Author.read(row, "updated_by"));
  }
}
