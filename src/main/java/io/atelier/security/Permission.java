package io.atelier.security;

import java.util.Optional;

/**
 * The four permissions of the Web Modeler API, as Camunda Identity grants them, and which one a
 * request needs.
 */
public enum Permission {
  CREATE("create:*"),
  READ("read:*"),
  UPDATE("update:*"),
  DELETE("delete:*");

  private final String value;

  Permission(String value) {
    this.value = value;
  }

  /** The permission as it appears in a token, such as {@code read:*}. */
  public String value() {
    return value;
  }

  /**
   * The permission a request needs; empty for the info endpoints, which only need a valid token.
   * Searches are POSTs that only read, so they need {@code read:*}.
   */
  public static Optional<Permission> requiredFor(String method, String path) {
    if (path.matches("/api/[^/]+/info/?")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (method) {
          case "POST" -> path.endsWith("/search") ? READ : CREATE;
          case "PATCH", "PUT" -> UPDATE;
          case "DELETE" -> DELETE;
          default -> READ;
        });
  }
}
