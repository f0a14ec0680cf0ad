package io.atelier.beta;

import io.atelier.project.Author;
import io.swagger.v3.oas.annotations.media.Schema;

/** Beta's user reference: the token subject as {@code id}, and the display name. */
@Schema(name = "BetaUserDto", description = "UserDto of the beta API: id (token subject) and name")
public record BetaUserDto(String id, String name) {

  static BetaUserDto of(Author author) {
    return new BetaUserDto(author.id(), author.name());
  }
}
