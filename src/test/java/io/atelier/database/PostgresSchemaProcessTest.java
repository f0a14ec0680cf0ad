package io.atelier.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atelier.file.TestFiles;
import io.atelier.support.Api;
import io.atelier.support.AtelierProcess;
import io.atelier.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Web Modeler's optional schema variable puts Atelier's tables in that schema. */
class PostgresSchemaProcessTest {

  @Test
  void startWhenHikariSchemaSetThenTablesLiveInThatSchema() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "runs in the PostgreSQL pass");
    String database = "schema_" + Long.toHexString(System.nanoTime());
    try (Connection connection = TestDatabase.server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    }
    String url = "jdbc:postgresql://localhost:" + TestDatabase.server().getPort() + "/" + database;

    try (AtelierProcess node =
        AtelierProcess.named("schema")
            .database(url, "postgres", "")
            .env("SPRING_DATASOURCE_HIKARI_SCHEMA", "modeler")
            .start()
            .awaitReady()) {
      Api api = node.api(node.adminToken());
      String projectId = TestFiles.project(api);

      assertThat(api.get("/api/v1/projects/" + projectId).status()).isEqualTo(200);
      assertThat(tablesIn(database, "modeler")).contains("project", "model_file", "api_client");
      assertThat(tablesIn(database, "public")).doesNotContain("project");
    }
  }

  private static List<String> tablesIn(String database, String schema) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection =
            TestDatabase.server().getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select table_name from information_schema.tables where table_schema = '"
                    + schema
                    + "'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
