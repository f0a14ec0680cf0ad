package io.atelier.milestone;

import io.atelier.project.Author;
import io.atelier.search.Search;
import io.atelier.search.SearchDefinition;
import io.atelier.search.SearchQuery;
import io.atelier.search.SearchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code milestone} table. Content is read only where it is needed. */
@Repository
class MilestoneRepository {

  private static final String COLUMNS =
      "id, file_id, name, description, organization_public, created, created_by_id,"
          + " created_by_name, created_by_email, updated, updated_by_id, updated_by_name,"
          + " updated_by_email";

  /** What {@code POST /api/v1/milestones/search} filters and sorts on: MilestoneMetadataDto. */
  static final SearchDefinition MILESTONE_SEARCH =
      SearchDefinition.from("milestone", COLUMNS)
          .uuid("id", "id")
          .text("name", "name")
          .uuid("fileId", "file_id")
          .date("created", "created")
          .user("createdBy", "created_by")
          .date("updated", "updated")
          .user("updatedBy", "updated_by")
          .sortable("id", "name", "fileId", "created", "createdBy", "updated", "updatedBy")
          .defaultOrder("created", "id")
          .key("id")
          .build();

  /** What {@code POST /api/v1/versions/search} filters and sorts on: the version metadata. */
  static final SearchDefinition VERSION_SEARCH =
      SearchDefinition.from("milestone", COLUMNS)
          .uuid("id", "id")
          .text("name", "name")
          .text("description", "description")
          .uuid("fileId", "file_id")
          .bool("organizationPublic", "organization_public")
          .date("created", "created")
          .user("createdBy", "created_by")
          .date("updated", "updated")
          .user("updatedBy", "updated_by")
          .sortable(
              "id",
              "name",
              "description",
              "fileId",
              "organizationPublic",
              "created",
              "createdBy",
              "updated",
              "updatedBy")
          .defaultOrder("created", "id")
          .key("id")
          .build();

  private final JdbcClient jdbc;
  private final Search search;

  MilestoneRepository(JdbcClient jdbc, Search search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  void insert(Milestone milestone, String content) {
    jdbc.sql(
            "insert into milestone ("
                + COLUMNS
                + ", content) values (:id, :fileId, :name, :description, :organizationPublic,"
                + " :created, :createdById, :createdByName, :createdByEmail, :updated,"
                + " :updatedById, :updatedByName, :updatedByEmail, :content)")
        .param("id", milestone.id())
        .param("fileId", milestone.fileId())
        .param("name", milestone.name())
        .param("description", milestone.description())
        .param("organizationPublic", milestone.organizationPublic())
        .params(
            Author.auditParameters(
                milestone.created(),
                milestone.createdBy(),
                milestone.updated(),
                milestone.updatedBy()))
        .param("content", content)
        .update();
  }

  Optional<Milestone> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from milestone where id = :id")
        .param("id", id)
        .query(MilestoneRepository::read)
        .optional();
  }

  Optional<String> findContent(UUID id) {
    return jdbc.sql("select content from milestone where id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  List<Milestone> findByFile(UUID fileId) {
    return jdbc.sql(
            "select " + COLUMNS + " from milestone where file_id = :fileId order by created, id")
        .param("fileId", fileId)
        .query(MilestoneRepository::read)
        .list();
  }

  int countByFile(UUID fileId) {
    return jdbc.sql("select count(*) from milestone where file_id = :fileId")
        .param("fileId", fileId)
        .query(Integer.class)
        .single();
  }

  /** Writes name, description, visibility and who changed it when; false when it is gone. */
  boolean update(Milestone milestone) {
    return jdbc.sql(
                "update milestone set name = :name, description = :description,"
                    + " organization_public = :organizationPublic, updated = :updated,"
                    + " updated_by_id = :byId, updated_by_name = :byName,"
                    + " updated_by_email = :byEmail where id = :id")
            .param("id", milestone.id())
            .param("name", milestone.name())
            .param("description", milestone.description())
            .param("organizationPublic", milestone.organizationPublic())
            .param("updated", Author.utc(milestone.updated()))
            .param("byId", milestone.updatedBy().id())
            .param("byName", milestone.updatedBy().name())
            .param("byEmail", milestone.updatedBy().email())
            .update()
        == 1;
  }

  boolean delete(UUID id) {
    return jdbc.sql("delete from milestone where id = :id").param("id", id).update() == 1;
  }

  SearchResult<Milestone> search(SearchDefinition definition, SearchQuery query) {
    return search.run(definition, query, MilestoneRepository::read);
  }

  private static Milestone read(ResultSet row, int number) throws SQLException {
    return new Milestone(
        row.getObject("id", UUID.class),
        row.getString("name"),
        row.getString("description"),
        row.getObject("file_id", UUID.class),
        row.getBoolean("organization_public"),
        Author.readInstant(row, "created"),
        Author.read(row, "created_by"),
        Author.readInstant(row, "updated"),
        Author.read(row, "updated_by"));
  }
}
