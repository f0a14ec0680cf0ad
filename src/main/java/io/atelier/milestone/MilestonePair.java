package io.atelier.milestone;

import io.atelier.web.InvalidRequestException;
import java.util.UUID;

/**
 * The {@code <id1>...<id2>} path segment of a comparison: two UUIDs separated by exactly three
 * dots, the first being the baseline.
 */
record MilestonePair(UUID first, UUID second) {

  private static final String SEPARATOR = "...";

  static MilestonePair parse(String segment, String name) {
    int at = segment.indexOf(SEPARATOR);
    if (at > 0 && segment.indexOf(SEPARATOR, at + 1) < 0) {
      UUID first = uuid(segment.substring(0, at));
      UUID second = uuid(segment.substring(at + SEPARATOR.length()));
      if (first != null && second != null) {
        return new MilestonePair(first, second);
      }
    }
    throw new InvalidRequestException(
        "Path parameter '"
            + name
            + "' must be two UUIDs separated by '...', but was '"
            + segment
            + "'.");
  }

  private static UUID uuid(String text) {
    if (text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
