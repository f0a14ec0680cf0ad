package io.atelier.collaborator;

import io.atelier.web.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A collaborator's role in a project, written in the API in lower case. */
public enum Role {
  PROJECT_ADMIN,
  EDITOR,
  VIEWER,
  COMMENTER;

  /** The values the API accepts, in the contract's order. */
  public static final List<String> VALUES =
      List.of("project_admin", "editor", "viewer", "commenter");

  /** The role as the API writes it, such as {@code project_admin}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads exactly one of {@link #VALUES}; anything else is refused naming the four. */
  public static Role parse(String field, Object value) {
    if (value instanceof String text) {
      return Arrays.stream(values())
          .filter(role -> role.value().equals(text))
          .findFirst()
          .orElseThrow(() -> refused(field));
    }
    throw refused(field);
  }

  private static InvalidRequestException refused(String field) {
    return InvalidRequestException.field(field, "must be one of " + VALUES);
  }
}
