package io.atelier.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The four permissions of the Web Modeler API, as Camunda Identity grants them, and which one a
 * request needs.
 */
public enum Permission {
  CREATE("create:*"),
  READ("read:*"),
  UPDATE("update:*"),
  DELETE("delete:*");

  private static final Pattern INFO = Pattern.compile("/api/[^/]+/info/?");

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
    if (INFO.matcher(path).matches()) {
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
