package io.atelier.support;

import io.atelier.identity.IdentityConnector;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of end-to-end tests: a whole Atelier on random ports, on the run's database (H2 or
 * PostgreSQL, see {@link TestDatabase}), with three declared API clients, and an {@link Api} client
 * holding a real token of the all-permissions client.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "atelier.identity.port=0",
      "management.server.port=0",
      "atelier.identity.clients[0].id=" + TestTokens.ADMIN,
      "atelier.identity.clients[0].secret=" + TestTokens.SECRET,
      "atelier.identity.clients[0].permissions=create:*,read:*,update:*,delete:*",
      "atelier.identity.clients[1].id=" + TestTokens.READER,
      "atelier.identity.clients[1].secret=" + TestTokens.SECRET,
      "atelier.identity.clients[1].permissions=read:*",
      "atelier.identity.clients[2].id=" + TestTokens.CREATOR,
      "atelier.identity.clients[2].secret=" + TestTokens.SECRET,
      "atelier.identity.clients[2].permissions=create:*",
    })
public abstract class ApiTest {

  @LocalServerPort protected int port;

  @Autowired protected IdentityConnector identity;

  /** The API as the all-permissions client. */
  protected Api api;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @BeforeEach
  void connect() {
    api = new Api(baseUrl(), token(TestTokens.ADMIN));
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A fresh real token of a declared client. */
  protected String token(String clientId) {
    return TestTokens.fetch(identity.localPort(), clientId, TestTokens.SECRET);
  }
}
