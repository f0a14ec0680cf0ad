package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.AtelierApplication;
import io.atelier.identity.IdentityConnector;
import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.TestDatabase;
import io.atelier.support.TestTokens;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Atelier in external-issuer mode, configured only through Web Modeler's variables, against a
 * separately started issuer (another Atelier's embedded identity, on its own port and database).
 * The issuer's public URL differs from the backend URL the keys are fetched from, as behind a proxy
 * or in Docker Compose.
 */
class ExternalIssuerTest {

  private static final String PUBLIC_ISSUER =
      "https://login.example.test/auth/realms/camunda-platform";

  private static ConfigurableApplicationContext issuer;
  private static ConfigurableApplicationContext otherEmbedded;
  private static ConfigurableApplicationContext atelier;
  private static int issuerPort;
  private static int otherIssuerPort;

  @BeforeAll
  static void start() {
    issuer = embedded("issuer", PUBLIC_ISSUER);
    issuerPort = issuer.getBean(IdentityConnector.class).localPort();
    otherEmbedded = embedded("other", "");
    otherIssuerPort = otherEmbedded.getBean(IdentityConnector.class).localPort();

    Map<String, Object> variables = base();
    variables.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", PUBLIC_ISSUER);
    variables.put(
        "RESTAPI_OAUTH2_TOKEN_ISSUER_BACKEND_URL",
        "http://localhost:" + issuerPort + "/auth/realms/camunda-platform");
    atelier = run(variables);
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext context :
        new ConfigurableApplicationContext[] {atelier, otherEmbedded, issuer}) {
      if (context != null) {
        context.close();
      }
    }
  }

  @Test
  void tokenFromExternalIssuerIsAccepted() {
    String token = TestTokens.fetch(issuerPort, TestTokens.ADMIN, TestTokens.SECRET);

    Response info = api(atelier, token).get("/api/v1/info");

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().get("deletePermission").asBoolean()).isTrue();
  }

  @Test
  void tokenFromAnEmbeddedIssuerIsRefused() {
    String token = TestTokens.fetch(otherIssuerPort, TestTokens.ADMIN, TestTokens.SECRET);

    Response info = api(atelier, token).get("/api/v1/info");

    assertThat(info.status()).isEqualTo(401);
    assertThat(info.json().get("detail").asString())
        .contains("is not one of the issuer's signing keys");
  }

  @Test
  void embeddedIdentityDoesNotStartInExternalMode() {
    assertThat(atelier.getBeanProvider(IdentityConnector.class).getIfAvailable()).isNull();
  }

  @Test
  void unreachableIssuerAtStartThenServerStartsNotReadyAndExplains() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> variables = base();
    variables.put(
        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
        "http://localhost:" + closedPort + "/auth/realms/camunda-platform");

    try (ConfigurableApplicationContext unreachable = run(variables)) {
      Response readiness =
          new Api("http://localhost:" + managementPort(unreachable), null).get("/health/readiness");
      String token = TestTokens.fetch(issuerPort, TestTokens.ADMIN, TestTokens.SECRET);
      Response info = api(unreachable, token).get("/api/v1/info");

      assertThat(readiness.status()).isEqualTo(503);
      assertThat(
              readiness
                  .json()
                  .get("components")
                  .get("issuer")
                  .get("details")
                  .get("error")
                  .asString())
          .isEqualTo(
              "The token issuer cannot be reached at http://localhost:"
                  + closedPort
                  + "/auth/realms/camunda-platform");
      assertThat(info.status()).isEqualTo(401);
      assertThat(info.json().get("detail").asString())
          .isEqualTo(
              "The token issuer cannot be reached at http://localhost:"
                  + closedPort
                  + "/auth/realms/camunda-platform, so no token can be verified right now.");
    }
  }

  private static ConfigurableApplicationContext embedded(String name, String issuerUrl) {
    Map<String, Object> properties = base();
    properties.put("spring.datasource.url", TestDatabase.freshDatabaseUrl());
    properties.put("atelier.identity.issuer-url", issuerUrl);
    properties.put("atelier.identity.clients[0].id", TestTokens.ADMIN);
    properties.put("atelier.identity.clients[0].secret", TestTokens.SECRET);
    properties.put("atelier.identity.clients[0].permissions", "create:*,read:*,update:*,delete:*");
    return run(properties);
  }

  private static Map<String, Object> base() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", 0);
    properties.put("management.server.port", 0);
    properties.put("atelier.identity.port", 0);
    properties.put("spring.datasource.url", TestDatabase.freshDatabaseUrl());
    properties.put("spring.datasource.username", TestDatabase.isPostgres() ? "postgres" : "sa");
    properties.put("spring.datasource.password", "");
    return properties;
  }

  private static ConfigurableApplicationContext run(Map<String, Object> properties) {
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(AtelierApplication.class).run(arguments);
  }

  private static Api api(ConfigurableApplicationContext context, String token) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new Api("http://localhost:" + port, token);
  }

  private static int managementPort(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
  }
}
