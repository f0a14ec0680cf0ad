package io.atelier.file;

import java.util.UUID;

/** One folder of a {@code canonicalPath}. */
public record PathElementDto(UUID id, String name) {

  static PathElementDto of(PathElement element) {
    return new PathElementDto(element.id(), element.name());
  }
}
