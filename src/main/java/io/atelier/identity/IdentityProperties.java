package io.atelier.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded token issuer: {@code atelier.identity.*}.
 *
 * @param port the port the issuer listens on (Keycloak's usual 18080)
 * @param issuerUrl the {@code iss} written into tokens and expected back: the URL clients use,
 *     which behind a proxy or load balancer is not this process's own address
 * @param tokenLifetime how long an access token lives
 * @param clients API clients; none declared means a development client is created on first start
 * @param users people known to Atelier before they first call it (for collaborators)
 */
@ConfigurationProperties("atelier.identity")
public record IdentityProperties(
    Integer port,
    String issuerUrl,
    Duration tokenLifetime,
    List<Client> clients,
    List<User> users) {

  /** The realm path Camunda's Keycloak uses, kept so documented URLs work unchanged. */
  public static final String REALM_PATH = "/auth/realms/camunda-platform";

  public IdentityProperties {
    port = port == null ? 18080 : port;
    issuerUrl =
        issuerUrl == null || issuerUrl.isBlank()
            ? "http://localhost:" + (port == 0 ? 18080 : port) + REALM_PATH
            : issuerUrl.trim();
    tokenLifetime = tokenLifetime == null ? Duration.ofSeconds(300) : tokenLifetime;
    clients = clients == null ? List.of() : List.copyOf(clients);
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** An API client: its id, its secret and the Web Modeler API permissions its tokens carry. */
  public record Client(String id, String secret, List<String> permissions) {
    public Client {
      permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
  }

  /** A person, known by email, with a display name and (for a browser login) a password. */
  public record User(String email, String name, String password) {}
}
