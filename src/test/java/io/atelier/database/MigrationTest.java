package io.atelier.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.file.TestFiles;
import io.atelier.support.TestDatabase;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database written by an earlier release keeps its data through every later migration. */
class MigrationTest {

  @Test
  void migrateWhenFilesStoredBeforeContentTableThenContentMovedByteForByte() {
    String url = TestDatabase.freshDatabaseUrl();
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(url, TestDatabase.isPostgres() ? "postgres" : "sa", "");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    String content = TestFiles.fixture("miwg-ibo-prometheus-A.1.0-bom-crlf.bpmn");
    UUID projectId = UUID.randomUUID();
    UUID fileId = UUID.randomUUID();

    flyway(dataSource).target("3").load().migrate();
    OffsetDateTime now = OffsetDateTime.parse("2026-12-03T10:15:30.123456Z");
    jdbc.sql(
            "insert into project (id, name, created, created_by_id, updated, updated_by_id)"
                + " values (:id, 'Orders', :now, 'u', :now, 'u')")
        .param("id", projectId)
        .param("now", now)
        .update();
    jdbc.sql(
            "insert into model_file (id, project_id, name, file_type, content, revision,"
                + " created, created_by_id, updated, updated_by_id)"
                + " values (:id, :project, 'order', 'BPMN', :content, 3, :now, 'u', :now, 'u')")
        .param("id", fileId)
        .param("project", projectId)
        .param("content", content)
        .param("now", now)
        .update();

    flyway(dataSource).load().migrate();

    assertThat(
            jdbc.sql("select content from file_content where file_id = :id")
                .param("id", fileId)
                .query(String.class)
                .single())
        .isEqualTo(content);
    assertThat(
            jdbc.sql("select revision from model_file where id = :id")
                .param("id", fileId)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
  }
}
