package io.atelier.identity;

import io.atelier.identity.IdentityProperties.Client;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API clients the embedded issuer knows, stored in the database with hashed secrets. Clients
 * declared in configuration replace whatever is stored; with none declared, the first start creates
 * one development client and prints how to use it.
 */
final class ApiClients implements RegisteredClientRepository {

  static final String DEVELOPMENT_CLIENT = "atelier-dev";
  static final String PERMISSIONS_SETTING = "settings.atelier.permissions";
  private static final List<String> ALL_PERMISSIONS =
      List.of("create:*", "read:*", "update:*", "delete:*");
  private static final int SYNCHRONIZE_ATTEMPTS = 5;
  private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

  private final JdbcClient jdbc;
  private final PasswordEncoder secrets;
  private final IdentityProperties properties;

  ApiClients(JdbcClient jdbc, PasswordEncoder secrets, IdentityProperties properties) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.properties = properties;
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return jdbc.sql(
            "select client_id, secret_hash, permissions from api_client where client_id = :id")
        .param("id", clientId)
        .query(
            (rs, row) ->
                registered(
                    rs.getString("client_id"),
                    rs.getString("secret_hash"),
                    List.of(rs.getString("permissions").split(","))))
        .optional()
        .orElse(null);
  }

  @Override
  public RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  @Override
  public void save(RegisteredClient client) {
    throw new UnsupportedOperationException(
        "API clients are declared in configuration (atelier.identity.clients)");
  }

  /** Brings the stored clients in line with configuration; run once at start-up. */
  void synchronize(TransactionTemplate transaction, String tokenEndpoint) {
    if (properties.clients().isEmpty()) {
      createDevelopmentClientIfNone(tokenEndpoint);
      return;
    }
    replaceStoredClients(transaction);
    log.info(
        "Embedded identity serves {} configured API client(s): {}",
        properties.clients().size(),
        properties.clients().stream().map(Client::id).toList());
  }

  /**
   * Replaces the stored clients with the configured ones in one transaction. Nodes starting at the
   * same time on one database collide here (a duplicate key or a deadlock); the loser tries again
   * and then sees the winner's rows.
   */
  private void replaceStoredClients(TransactionTemplate transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.executeWithoutResult(
            status -> {
              jdbc.sql("delete from api_client").update();
              for (Client client : properties.clients()) {
                insert(client.id(), client.secret(), client.permissions());
              }
            });
        return;
      } catch (DuplicateKeyException | ConcurrencyFailureException anotherNodeStarting) {
        if (attempt == SYNCHRONIZE_ATTEMPTS) {
          throw anotherNodeStarting;
        }
        log.debug("Another node stored API clients at the same time; trying again");
      }
    }
  }

  private void createDevelopmentClientIfNone(String tokenEndpoint) {
    Integer stored = jdbc.sql("select count(*) from api_client").query(Integer.class).single();
    if (stored > 0) {
      log.info(
          "Embedded identity serves {} stored API client(s); declare clients with "
              + "ATELIER_IDENTITY_CLIENTS_0_ID/_SECRET/_PERMISSIONS to replace them",
          stored);
      return;
    }
    String secret = randomSecret();
    try {
      insert(DEVELOPMENT_CLIENT, secret, ALL_PERMISSIONS);
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return;
    }
    log.info(
        "No API clients are configured, so a development client '{}' with all permissions was "
            + "created. Its secret is shown only this once. Fetch a token with:\n"
            + "  curl --location --request POST '{}' --header "
            + "'Content-Type: application/x-www-form-urlencoded' --data-urlencode 'client_id={}' "
            + "--data-urlencode 'client_secret={}' --data-urlencode 'grant_type=client_credentials'",
        DEVELOPMENT_CLIENT,
        tokenEndpoint,
        DEVELOPMENT_CLIENT,
        secret);
  }

  private void insert(String clientId, String secret, List<String> permissions) {
    if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "Every entry of atelier.identity.clients needs an id and a secret");
    }
    jdbc.sql(
            "insert into api_client (client_id, secret_hash, permissions, created) "
                + "values (:id, :hash, :permissions, :created)")
        .param("id", clientId)
        .param("hash", secrets.encode(secret))
        .param("permissions", String.join(",", permissions))
        .param("created", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  private RegisteredClient registered(
      String clientId, String secretHash, List<String> permissions) {
    return RegisteredClient.withId(clientId)
        .clientId(clientId)
        .clientSecret(secretHash)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(requestableScopes(permissions)))
        .clientSettings(
            ClientSettings.builder()
                .setting(
                    PERMISSIONS_SETTING,
                    permissions.stream().map(String::trim).filter(p -> !p.isEmpty()).toList())
                .build())
        .tokenSettings(
            TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build())
        .build();
  }

  /**
   * Scopes a token request may name without being refused: the client's permissions and the OpenID
   * scopes OAuth libraries send by habit, which Keycloak accepts too. The token carries the
   * client's permissions whatever was asked for.
   */
  private static List<String> requestableScopes(List<String> permissions) {
    List<String> scopes = new java.util.ArrayList<>(List.of("openid", "profile", "email"));
    permissions.stream().map(String::trim).filter(p -> !p.isEmpty()).forEach(scopes::add);
    return scopes;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
