package io.atelier.file;

import io.atelier.project.Author;
import io.atelier.search.Search;
import io.atelier.search.SearchDefinition;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code model_file} table. Content is read only where it is needed. */
@Repository
class FileRepository {

  private static final String COLUMNS =
      "id, name, project_id, folder_id, file_type, revision, created, created_by_id,"
          + " created_by_name, created_by_email, updated, updated_by_id, updated_by_name,"
          + " updated_by_email";

  static final SearchDefinition SEARCH =
      SearchDefinition.from("model_file", COLUMNS)
          .uuid("id", "id")
          .text("name", "name")
          .uuid("projectId", "project_id")
          .uuid("folderId", "folder_id")
          .integer("revision", "revision")
          .keyword("type", "file_type", Arrays.stream(FileType.values()).map(Enum::name).toList())
          .date("created", "created")
          .user("createdBy", "created_by")
          .date("updated", "updated")
          .user("updatedBy", "updated_by")
          .sortable(
              "id",
              "name",
              "projectId",
              "folderId",
              "revision",
              "type",
              "created",
              "createdBy",
              "updated",
              "updatedBy")
          .defaultOrder("created", "id")
          .key("id")
          .build();

  private final JdbcClient jdbc;
  private final Search search;

  FileRepository(JdbcClient jdbc, Search search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  void insert(ModelFile file, String content) {
    jdbc.sql(
            "insert into model_file ("
                + COLUMNS
                + ") values (:id, :name, :projectId, :folderId, :type, :revision,"
                + " :created, :createdById, :createdByName, :createdByEmail, :updated,"
                + " :updatedById, :updatedByName, :updatedByEmail)")
        .param("id", file.id())
        .param("name", file.name())
        .param("projectId", file.projectId())
        .param("folderId", file.folderId())
        .param("type", file.type().name())
        .param("revision", file.revision())
        .params(
            Author.auditParameters(
                file.created(), file.createdBy(), file.updated(), file.updatedBy()))
        .update();
    jdbc.sql("insert into file_content (file_id, content) values (:id, :content)")
        .param("id", file.id())
        .param("content", content)
        .update();
  }

  Optional<ModelFile> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from model_file where id = :id")
        .param("id", id)
        .query(FileRepository::read)
        .optional();
  }

  /** Metadata and content in one round trip, for reads that answer both. */
  Optional<StoredFile> findWithContent(UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", content from model_file join file_content on file_id = id where id = :id")
        .param("id", id)
        .query((row, number) -> new StoredFile(read(row, number), row.getString("content")))
        .optional();
  }

  Optional<String> findContent(UUID id) {
    return jdbc.sql("select content from file_content where file_id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  Optional<Integer> findRevision(UUID id) {
    return jdbc.sql("select revision from model_file where id = :id")
        .param("id", id)
        .query(Integer.class)
        .optional();
  }

  List<ModelFile> findByProject(UUID projectId) {
    return jdbc.sql(
            "select " + COLUMNS + " from model_file where project_id = :id order by created, id")
        .param("id", projectId)
        .query(FileRepository::read)
        .list();
  }

  List<ModelFile> findInFolder(UUID folderId) {
    return jdbc.sql(
            "select " + COLUMNS + " from model_file where folder_id = :id order by created, id")
        .param("id", folderId)
        .query(FileRepository::read)
        .list();
  }

  /**
   * Writes a change if the file still has {@code expectedRevision}, and increments the revision;
   * with a null {@code content} the content stays, and unless {@code move} the location stays (a
   * folder moving between projects may change it meanwhile). The revision check and increment are
   * one statement, so of two concurrent changes based on the same revision exactly one succeeds;
   * only that one then writes the content, in the caller's transaction.
   *
   * @return whether the change was written
   */
  boolean update(
      ModelFile file,
      String content,
      boolean move,
      int expectedRevision,
      Instant updated,
      Author updatedBy) {
    String setLocation = move ? ", project_id = :projectId, folder_id = :folderId" : "";
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                "update model_file set name = :name, revision = revision + 1,"
                    + " updated = :updated, updated_by_id = :byId, updated_by_name = :byName,"
                    + " updated_by_email = :byEmail"
                    + setLocation
                    + " where id = :id and revision = :revision")
            .param("id", file.id())
            .param("revision", expectedRevision)
            .param("name", file.name())
            .param("updated", Author.utc(updated))
            .param("byId", updatedBy.id())
            .param("byName", updatedBy.name())
            .param("byEmail", updatedBy.email());
    if (move) {
      statement = statement.param("projectId", file.projectId()).param("folderId", file.folderId());
    }
    if (statement.update() == 0) {
      return false;
    }
    if (content != null) {
      jdbc.sql("update file_content set content = :content where file_id = :id")
          .param("id", file.id())
          .param("content", content)
          .update();
    }
    return true;
  }

  /** Deletes the file; what hangs off it (milestones) goes with it through cascading keys. */
  boolean delete(UUID id) {
    return jdbc.sql("delete from model_file where id = :id").param("id", id).update() == 1;
  }

  SearchResult<ModelFile> search(SearchQuery query) {
    return search.run(SEARCH, query, (row, number) -> read(row, number));
  }

  private static ModelFile read(ResultSet row, int number) throws SQLException {
    return new ModelFile(
        row.getObject("id", UUID.class),
        row.getString("name"),
        row.getObject("project_id", UUID.class),
        row.getObject("folder_id", UUID.class),
        FileType.valueOf(row.getString("file_type")),
        row.getInt("revision"),
        Author.readInstant(row, "created"),
        Author.read(row, "created_by"),
        Author.readInstant(row, "updated"),
        Author.read(row, "updated_by"),
        List.of());
  }
}
